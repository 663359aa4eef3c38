package dev.usagemonitor.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;

import dev.usagemonitor.store.TargetTables.Column;
import dev.usagemonitor.store.TargetTables.Table;

/**
 * Copies every row of the monitor's SQLite file into an empty PostgreSQL store at the
 * same schema version, for {@code --migrate-from}. Tables are copied parents first, with
 * their ids, in one transaction, so a failure leaves no copied row behind. Afterwards
 * each identity sequence continues after the highest copied id. The SQLite file is opened
 * read only and read in one transaction, so a monitor still writing to it does not tear
 * the copy.
 */
public class SqliteCopy {

	private static final int BATCH_SIZE = 500;

	private static final String VERSIONS = "SELECT version FROM flyway_schema_history "
			+ "WHERE success AND version IS NOT NULL";

	private final DataSource target;

	private final Map<String, Long> seedRows;

	/**
	 * Creates a copy into {@code target}.
	 * @param seedRows the rows per table that the migrations insert themselves, which the
	 * copy replaces
	 */
	public SqliteCopy(DataSource target, Map<String, Long> seedRows) {
		this.target = target;
		this.seedRows = Map.copyOf(seedRows);
	}

	/**
	 * Copies the file and returns the number of rows copied per table, in copy order.
	 * @throws SqliteCopyException when the target is not an empty PostgreSQL store at the
	 * file's schema version, the file is missing, or a row cannot be copied
	 */
	public Map<String, Long> copyFrom(Path file) {
		requireFile(file);
		try (Connection source = openReadOnly(file); Connection target = this.target.getConnection()) {
			requirePostgres(target);
			source.setAutoCommit(false);
			target.setAutoCommit(false);
			try {
				Map<String, Long> counts = copy(file, source, target);
				target.commit();
				return counts;
			}
			catch (SQLException | RuntimeException ex) {
				target.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new SqliteCopyException("Copying " + file + " failed, and nothing was copied: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Checks that the file exists, before anything else is done.
	 * @throws SqliteCopyException when it does not
	 */
	static void requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new SqliteCopyException("The SQLite file " + file + " does not exist: pass the path of the "
					+ "monitor's database, for example --migrate-from=./data/usage.db");
		}
	}

	private Map<String, Long> copy(Path file, Connection source, Connection target) throws SQLException {
		requireSameSchemaVersion(file, source, target);
		List<Table> tables = TargetTables.inForeignKeyOrder(target);
		requireEmpty(target, tables);
		deleteSeedRows(target, tables);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Table table : tables) {
			counts.put(table.name(), copyTable(source, target, table));
		}
		for (Table table : tables) {
			for (String column : table.identityColumns()) {
				continueSequence(target, table.name(), column);
			}
		}
		return counts;
	}

	private static Connection openReadOnly(Path file) throws SQLException {
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
	}

	private static void requirePostgres(Connection target) throws SQLException {
		String product = target.getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equals(product)) {
			throw new SqliteCopyException("--migrate-from copies into PostgreSQL, but spring.datasource.url points at "
					+ product + ": set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
					+ "SPRING_DATASOURCE_PASSWORD to the new PostgreSQL database");
		}
	}

	private static void requireSameSchemaVersion(Path file, Connection source, Connection target) throws SQLException {
		if (TargetTables.strings(source, "SELECT name FROM sqlite_master WHERE name = 'flyway_schema_history'")
			.isEmpty()) {
			throw new SqliteCopyException(file + " is not a database of the monitor: it has no flyway_schema_history "
					+ "table. Pass the file that spring.datasource.url named, for example ./data/usage.db");
		}
		Set<String> sourceVersions = new HashSet<>(TargetTables.strings(source, VERSIONS));
		Set<String> targetVersions = new HashSet<>(TargetTables.strings(target, VERSIONS));
		if (sourceVersions.equals(targetVersions)) {
			return;
		}
		String found = "schema version " + latest(sourceVersions) + " in " + file + ", " + latest(targetVersions)
				+ " in this version of the monitor";
		if (targetVersions.containsAll(sourceVersions)) {
			throw new SqliteCopyException("The SQLite file is older than this monitor (" + found + "). Start this "
					+ "version once with SPRING_DATASOURCE_URL=jdbc:sqlite:" + file
					+ " so that it upgrades the file, then run --migrate-from again");
		}
		throw new SqliteCopyException("The SQLite file was written by a newer monitor (" + found
				+ "). Run --migrate-from with the version that wrote it");
	}

	private static String latest(Set<String> versions) {
		return versions.stream()
			.map(MigrationVersion::fromVersion)
			.max(Comparator.naturalOrder())
			.map(MigrationVersion::getVersion)
			.orElse("none");
	}

	/**
	 * Checks that each table contains only the rows the migrations inserted, which is
	 * none for most tables.
	 */
	private void requireEmpty(Connection target, List<Table> tables) throws SQLException {
		List<String> filled = new ArrayList<>();
		for (Table table : tables) {
			long rows = Long.parseLong(TargetTables.strings(target, "SELECT COUNT(*) FROM " + table.name()).get(0));
			if (rows != this.seedRows.getOrDefault(table.name(), 0L)) {
				filled.add(table.name() + ": " + rows(rows));
			}
		}
		if (!filled.isEmpty()) {
			throw new SqliteCopyException("The PostgreSQL database already contains data (" + String.join(", ", filled)
					+ "). --migrate-from copies only into an empty database: create a new database, or empty this "
					+ "one, and run it again");
		}
	}

	/**
	 * Deletes the rows the migrations inserted, children first, so that the copied rows
	 * replace them.
	 */
	private void deleteSeedRows(Connection target, List<Table> tables) throws SQLException {
		List<Table> childrenFirst = new ArrayList<>(tables);
		Collections.reverse(childrenFirst);
		for (Table table : childrenFirst) {
			if (this.seedRows.containsKey(table.name())) {
				try (PreparedStatement delete = target.prepareStatement("DELETE FROM " + table.name())) {
					delete.executeUpdate();
				}
			}
		}
	}

	/**
	 * Returns a row count with its noun, for example {@code 1 row} or {@code 12 rows}.
	 */
	static String rows(long count) {
		return count + ((count == 1) ? " row" : " rows");
	}

	private static long copyTable(Connection source, Connection target, Table table) throws SQLException {
		String placeholders = String.join(", ", table.columns().stream().map((column) -> "?").toList());
		String insert = "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + placeholders + ")";
		long copied = 0;
		try (PreparedStatement select = source
			.prepareStatement("SELECT " + table.columnList() + " FROM " + table.name());
				ResultSet rows = select.executeQuery();
				PreparedStatement statement = target.prepareStatement(insert)) {
			while (rows.next()) {
				bind(statement, rows, table.columns());
				statement.addBatch();
				copied++;
				if (copied % BATCH_SIZE == 0) {
					statement.executeBatch();
				}
			}
			statement.executeBatch();
		}
		return copied;
	}

	private static void bind(PreparedStatement statement, ResultSet row, List<Column> columns) throws SQLException {
		for (int index = 1; index <= columns.size(); index++) {
			Object value = row.getObject(index);
			int type = columns.get(index - 1).sqlType();
			if (value == null) {
				statement.setNull(index, type);
			}
			else {
				statement.setObject(index, value, type);
			}
		}
	}

	private static void continueSequence(Connection target, String table, String column) throws SQLException {
		String sql = "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX(" + column + ") FROM " + table
				+ "), 0) + 1, false)";
		try (PreparedStatement statement = target.prepareStatement(sql)) {
			statement.setString(1, table);
			statement.setString(2, column);
			statement.executeQuery().close();
		}
	}

}
