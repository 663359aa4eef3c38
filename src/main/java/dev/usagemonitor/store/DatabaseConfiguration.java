package dev.usagemonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Prepares the store: creates the SQLite folder, applies the SQLite connection settings,
 * sizes the connection pool for the vendor, gives the migrations the column types of the
 * vendor in use and provides the {@link StoreLocks}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * Connection settings for SQLite: WAL so readers never block the writer, NORMAL sync
	 * (safe in WAL), a busy timeout instead of immediate lock errors, foreign keys on,
	 * and write transactions that take the write lock at BEGIN, which avoids lock-upgrade
	 * deadlocks. A value given in the URL wins.
	 */
	static final Map<String, String> SQLITE_SETTINGS = Map.of("journal_mode", "WAL", "synchronous", "NORMAL",
			"busy_timeout", "5000", "foreign_keys", "true", "transaction_mode", "IMMEDIATE");

	@Bean
	static BeanPostProcessor dataSourcePreparer(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource dataSource) {
					DatabaseVendor vendor = DatabaseVendor.of(dataSource.getJdbcUrl());
					if (vendor == DatabaseVendor.SQLITE) {
						prepareSqlite(dataSource);
					}
					PoolSize.of(vendor).applyTo(dataSource, environment);
				}
				return bean;
			}
		};
	}

	@Bean
	StoreLocks storeLocks(DataSourceProperties properties, DataSource dataSource) {
		return new StoreLocks(DatabaseVendor.of(properties.determineUrl()), dataSource);
	}

	@Bean
	FlywayConfigurationCustomizer vendorPlaceholders(DataSourceProperties dataSource) {
		DatabaseVendor vendor = DatabaseVendor.of(dataSource.determineUrl());
		return (configuration) -> configuration.placeholders(MigrationPlaceholders.of(vendor));
	}

	private static void prepareSqlite(HikariDataSource dataSource) {
		String url = dataSource.getJdbcUrl();
		createParentFolder(SqliteUrl.file(url));
		SQLITE_SETTINGS.forEach((key, value) -> {
			if (!url.contains(key + "=")) {
				dataSource.addDataSourceProperty(key, value);
			}
		});
	}

	private static void createParentFolder(Path file) {
		if (file == null || file.toAbsolutePath().getParent() == null) {
			return;
		}
		Path folder = file.toAbsolutePath().getParent();
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database folder " + folder
					+ ": create it or point spring.datasource.url at a writable location", ex);
		}
	}

}
