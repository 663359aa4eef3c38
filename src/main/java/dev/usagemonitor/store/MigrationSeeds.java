package dev.usagemonitor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The rows that the migrations insert themselves, for example the single progress row of
 * the chart rollups. They are read from a scratch in-memory SQLite database migrated with
 * the same locations, so that {@link SqliteCopy} can distinguish a freshly migrated
 * PostgreSQL database from one that contains data.
 */
final class MigrationSeeds {

	private MigrationSeeds() {
	}

	/**
	 * Returns the number of rows per table after all migrations ran on an empty database,
	 * for the tables that have any.
	 */
	// NOTE: a vendor-specific migration folder (a location with {vendor}) is read here
	// as resolved for PostgreSQL; seed rows must therefore come from shared migrations.
	static Map<String, Long> count(Location... locations) {
		SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:sqlite::memory:", true);
		try {
			Flyway.configure()
				.dataSource(memory)
				.locations(locations)
				.placeholders(MigrationPlaceholders.of(DatabaseVendor.SQLITE))
				.load()
				.migrate();
			return rowCounts(memory.getConnection());
		}
		catch (SQLException ex) {
			throw new SqliteCopyException("Reading the rows the migrations insert failed: " + ex.getMessage(), ex);
		}
		finally {
			memory.destroy();
		}
	}

	private static Map<String, Long> rowCounts(Connection connection) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TargetTables.strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' "
				+ "AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
			long rows = Long.parseLong(TargetTables.strings(connection, "SELECT COUNT(*) FROM " + table).get(0));
			if (rows > 0) {
				counts.put(table, rows);
			}
		}
		return counts;
	}

}
