package dev.usagemonitor.transcript.importer;

import java.time.Clock;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.transcript.pricing.PricingProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The application context of the command-line import: the configuration files and
 * environment as for the server, but only the store, the transcript ingest and the price
 * table, so the import starts in a fraction of the server's start-up time. It is not a
 * {@code @Configuration}, so the server's component scan leaves it out.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
		FlywayAutoConfiguration.class })
@EnableConfigurationProperties({ MonitorProperties.class, PricingProperties.class })
@ComponentScan(basePackages = { "dev.usagemonitor.store", "dev.usagemonitor.transcript.ingest",
		"dev.usagemonitor.transcript.pricing", "dev.usagemonitor.transcript.importer" })
@Import(AccountRepository.class)
public class ImportApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
