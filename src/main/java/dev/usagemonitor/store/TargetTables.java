package dev.usagemonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the current PostgreSQL schema, read from its catalog, in an order where
 * every table comes after the tables its foreign keys reference. Flyway's history table
 * is left out.
 */
final class TargetTables {

	private static final String TABLES = """
			SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
			  AND table_name <> 'flyway_schema_history'
			""";

	private static final String FOREIGN_KEYS = """
			SELECT child.relname, parent.relname FROM pg_constraint c
			JOIN pg_class child ON child.oid = c.conrelid
			JOIN pg_class parent ON parent.oid = c.confrelid
			JOIN pg_namespace n ON n.oid = child.relnamespace
			WHERE c.contype = 'f' AND n.nspname = current_schema()
			""";

	private TargetTables() {
	}

	/**
	 * Returns every table with its columns, parents before children.
	 */
	static List<Table> inForeignKeyOrder(Connection connection) throws SQLException {
		Map<String, Set<String>> parents = new TreeMap<>();
		for (String table : strings(connection, TABLES)) {
			parents.put(table, new TreeSet<>());
		}
		try (PreparedStatement statement = connection.prepareStatement(FOREIGN_KEYS);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				if (!rows.getString(1).equals(rows.getString(2)) && parents.containsKey(rows.getString(1))) {
					parents.get(rows.getString(1)).add(rows.getString(2));
				}
			}
		}
		List<Table> tables = new ArrayList<>();
		for (String name : sort(parents)) {
			tables.add(columns(connection, name));
		}
		return tables;
	}

	/**
	 * Sorts the tables so that each follows its parents, by name where the order is free.
	 */
	private static List<String> sort(Map<String, Set<String>> parents) {
		Set<String> sorted = new LinkedHashSet<>();
		while (sorted.size() < parents.size()) {
			String next = parents.entrySet()
				.stream()
				.filter((entry) -> !sorted.contains(entry.getKey()) && sorted.containsAll(entry.getValue()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new SqliteCopyException("The foreign keys of the PostgreSQL tables form a cycle ("
						+ parents + "), so no copy order exists"));
			sorted.add(next);
		}
		return List.copyOf(sorted);
	}

	private static Table columns(Connection connection, String table) throws SQLException {
		List<Column> columns = new ArrayList<>();
		try (ResultSet rows = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
			while (rows.next()) {
				columns.add(new Column(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"),
						rows.getInt("DATA_TYPE"), "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
			}
		}
		columns.sort(Comparator.comparingInt(Column::position));
		return new Table(table, List.copyOf(columns));
	}

	static List<String> strings(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/**
	 * A table to copy.
	 *
	 * @param name table name
	 * @param columns its columns in table order
	 */
	record Table(String name, List<Column> columns) {

		String columnList() {
			return String.join(", ", this.columns.stream().map(Column::name).toList());
		}

		List<String> identityColumns() {
			return this.columns.stream().filter(Column::identity).map(Column::name).toList();
		}

	}

	/**
	 * A column of a table to copy.
	 *
	 * @param position position in the table, from 1
	 * @param name column name
	 * @param sqlType its type as a {@link java.sql.Types} constant
	 * @param identity whether an identity sequence (or serial) generates its values
	 */
	record Column(int position, String name, int sqlType, boolean identity) {
	}

}
