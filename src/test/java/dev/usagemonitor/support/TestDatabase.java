package dev.usagemonitor.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final Set<String> schemas = ConcurrentHashMap.newKeySet();

	private static volatile String reachability;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "drop-test-schemas"));
	}

	private TestDatabase() {
	}

	/**
	 * Tells whether this test run targets PostgreSQL.
	 */
	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("monitor.test.database", "sqlite").toLowerCase(Locale.ROOT));
	}

	/**
	 * Tells whether an unreachable PostgreSQL server fails the tests instead of skipping
	 * them ({@code monitor.test.postgres.required=true}, set by CI).
	 */
	public static boolean postgresRequired() {
		return Boolean.getBoolean("monitor.test.postgres.required");
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
	 * Returns the datasource properties of a fresh database as {@code key=value} strings,
	 * for tests that start the application themselves: an SQLite file in {@code folder},
	 * or a new PostgreSQL schema.
	 */
	public static List<String> properties(Path folder) {
		if (!postgres()) {
			return List.of("spring.datasource.url=jdbc:sqlite:" + folder.resolve("usage.db"));
		}
		return List.of("spring.datasource.url=" + freshPostgresSchema(), "spring.datasource.username=" + user(),
				"spring.datasource.password=" + password());
	}

	/**
	 * Creates a new schema and returns a JDBC URL that uses it. Skips the test with a
	 * clear message when no PostgreSQL server is reachable.
	 */
	public static String freshPostgresSchema() {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
			schemas.add(schema);
		}
		catch (SQLException ex) {
			Assumptions.abort(unreachable(ex));
		}
		String base = baseUrl();
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/**
	 * Opens a connection to the PostgreSQL test database, outside any schema of a test.
	 */
	public static Connection connect() throws SQLException {
		return DriverManager.getConnection(baseUrl(), user(), password());
	}

	/**
	 * Returns why the PostgreSQL server cannot be used, or {@code null} when it can. The
	 * first answer is kept for the rest of the run.
	 */
	static String postgresProblem() {
		if (reachability == null) {
			try (Connection connection = connect()) {
				reachability = "";
			}
			catch (SQLException ex) {
				reachability = unreachable(ex);
			}
		}
		return reachability.isEmpty() ? null : reachability;
	}

	/**
	 * Drops the schemas this run created, so the test database does not grow from run to
	 * run. Runs when the JVM exits, after the application contexts have closed.
	 */
	private static void dropSchemas() {
		if (schemas.isEmpty()) {
			return;
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET lock_timeout = '2s'");
			for (String schema : schemas) {
				dropSchema(statement, schema);
			}
		}
		catch (SQLException ex) {
			// The schemas stay behind; a fresh server from .ci/start-postgres.sh has
			// none.
		}
	}

	private static void dropSchema(Statement statement, String schema) {
		try {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			// Still in use by a connection that did not close; the schema stays behind.
		}
	}

	public static String user() {
		return System.getProperty("monitor.test.postgres.user", "usage_monitor");
	}

	public static String password() {
		return System.getProperty("monitor.test.postgres.password", "usage_monitor");
	}

	private static String baseUrl() {
		return System.getProperty("monitor.test.postgres.url", DEFAULT_POSTGRES_URL);
	}

	private static String unreachable(SQLException ex) {
		return "PostgreSQL is not reachable at " + baseUrl() + " (" + ex.getMessage()
				+ "): run .ci/start-postgres.sh or set monitor.test.postgres.url";
	}

}
