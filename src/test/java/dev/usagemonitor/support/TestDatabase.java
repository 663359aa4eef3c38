package dev.usagemonitor.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the store a test runs against. By default a new SQLite file; with the system
 * property {@code monitor.test.database=postgresql} a new schema in the PostgreSQL server
 * named by {@code monitor.test.postgres.url} (default
 * {@code jdbc:postgresql://127.0.0.1:55432/usage_monitor_test}, user and password
 * {@code usage_monitor}), as {@code .ci/start-postgres.sh} starts it.
 */
public final class TestDatabase {

	private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:55432/usage_monitor_test";

	private TestDatabase() {
	}

	/**
	 * Tells whether this test run targets PostgreSQL.
	 */
	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("monitor.test.database", "sqlite").toLowerCase(Locale.ROOT));
	}

	/**
	 * Registers the datasource properties of a fresh database: an SQLite file in
	 * {@code folder}, or a new PostgreSQL schema.
	 */
	public static void register(DynamicPropertyRegistry registry, Path folder) {
		if (!postgres()) {
			registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("usage.db"));
			return;
		}
		String url = freshPostgresSchema();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", TestDatabase::user);
		registry.add("spring.datasource.password", TestDatabase::password);
	}

	/**
	 * Creates a new schema and returns a JDBC URL that uses it. Skips the test with a
	 * clear message when no PostgreSQL server is reachable.
	 */
	public static String freshPostgresSchema() {
		String base = System.getProperty("monitor.test.postgres.url", DEFAULT_POSTGRES_URL);
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(base, user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			Assumptions.abort("PostgreSQL is not reachable at " + base + " (" + ex.getMessage()
					+ "): run .ci/start-postgres.sh or set monitor.test.postgres.url");
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private static String user() {
		return System.getProperty("monitor.test.postgres.user", "usage_monitor");
	}

	private static String password() {
		return System.getProperty("monitor.test.postgres.password", "usage_monitor");
	}

}
