import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Fills a migrated usage database with synthetic history: ACCOUNTS accounts, each with one
 * collection run and WINDOWS window observations every 5 minutes over the last DAYS days,
 * plus one resolved alert a day. Run it with the sqlite-jdbc jar on the class path:
 * java -cp sqlite-jdbc.jar GenerateUsageDatabase.java FILE [ACCOUNTS] [DAYS] [WINDOWS]
 */
public class GenerateUsageDatabase {

	private static final long STEP = Duration.ofMinutes(5).toMillis();

	private static final String[][] WINDOWS = { { "five_hour", "session", "Session (5 hours)", "18000000" },
			{ "seven_day", "weekly", "Weekly (all models)", "604800000" },
			{ "seven_day_opus", "weekly_scoped", "Weekly (Opus)", "604800000" } };

	public static void main(String[] args) throws SQLException {
		String file = args[0];
		int accounts = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int days = (args.length > 2) ? Integer.parseInt(args[2]) : 365;
		int windows = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		long now = Instant.now().toEpochMilli() / STEP * STEP;
		long start = now - Duration.ofDays(days).toMillis();
		long began = System.nanoTime();
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
			try (Statement pragmas = connection.createStatement()) {
				pragmas.execute("PRAGMA journal_mode=WAL");
				pragmas.execute("PRAGMA synchronous=NORMAL");
			}
			connection.setAutoCommit(false);
			long rows = 0;
			for (int a = 1; a <= accounts; a++) {
				rows += generateAccount(connection, a, start, now, Math.min(windows, WINDOWS.length));
				connection.commit();
			}
			System.out.printf("Stored %d observations for %d accounts over %d days in %.1f s%n", rows, accounts, days,
					(System.nanoTime() - began) / 1e9);
		}
	}

	private static long generateAccount(Connection connection, int account, long start, long now, int windows)
			throws SQLException {
		long accountId = insertAccount(connection, String.format("bench-%02d", account), start);
		long runId = accountId * 1_000_000_000L;
		long observationId = accountId * 1_000_000_000L;
		long rows = 0;
		try (PreparedStatement run = connection.prepareStatement("""
				INSERT INTO collection_runs (id, account_id, cycle_id, started_at, finished_at, status, message)
				VALUES (?, ?, NULL, ?, ?, 'ok', 'Collected')""");
				PreparedStatement observation = connection.prepareStatement("""
						INSERT INTO window_observations (id, account_id, run_id, window_id, kind, label, utilization,
						    resets_at, observed_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'claude-web')""")) {
			for (long t = start; t <= now; t += STEP) {
				runId++;
				run.setLong(1, runId);
				run.setLong(2, accountId);
				run.setLong(3, t - 1500);
				run.setLong(4, t);
				run.addBatch();
				for (int w = 0; w < windows; w++) {
					observationId++;
					addObservation(observation, observationId, accountId, runId, WINDOWS[w], t, account);
					rows++;
				}
				if (rows % 10_000 < windows) {
					run.executeBatch();
					observation.executeBatch();
				}
			}
			run.executeBatch();
			observation.executeBatch();
		}
		insertLatest(connection, accountId);
		insertAlerts(connection, accountId, start, now);
		return rows;
	}

	private static void addObservation(PreparedStatement statement, long id, long accountId, long runId,
			String[] window, long t, int account) throws SQLException {
		long length = Long.parseLong(window[3]);
		double into = (double) (t % length) / length;
		double pace = 0.6 + ((t / 86_400_000L + account) * 37 % 17) / 20.0;
		statement.setLong(1, id);
		statement.setLong(2, accountId);
		statement.setLong(3, runId);
		statement.setString(4, window[0]);
		statement.setString(5, window[1]);
		statement.setString(6, window[2]);
		statement.setDouble(7, Math.round(Math.min(110, into * 100 * pace) * 10) / 10.0);
		statement.setLong(8, t - t % length + length);
		statement.setLong(9, t);
		statement.addBatch();
	}

	private static long insertAccount(Connection connection, String name, long createdAt) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("INSERT INTO accounts (name, source, created_at) VALUES (?, 'claude-web', ?) RETURNING id")) {
			statement.setString(1, name);
			statement.setLong(2, createdAt);
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	private static void insertLatest(Connection connection, long accountId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				INSERT INTO window_latest (account_id, window_id, observation_id, observed_at)
				SELECT account_id, window_id, MAX(id), MAX(observed_at) FROM window_observations
				WHERE account_id = ? GROUP BY account_id, window_id""")) {
			statement.setLong(1, accountId);
			statement.executeUpdate();
		}
	}

	private static void insertAlerts(Connection connection, long accountId, long start, long now) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				INSERT INTO alerts (account_id, window_id, instance_key, type, level, state, started_at, resolved_at,
				    value, resets_at, message) VALUES (?, 'five_hour', ?, 'threshold', 'warning', 'resolved', ?, ?, 75,
				    NULL, 'Session limit at 75 %')""")) {
			for (long t = start; t < now; t += 86_400_000L) {
				statement.setLong(1, accountId);
				statement.setLong(2, t);
				statement.setLong(3, t);
				statement.setLong(4, t + 3_600_000L);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

}
