package dev.usagemonitor.store;

/**
 * The two supported stores, distinguished by the JDBC URL.
 */
public enum DatabaseVendor {

	SQLITE, POSTGRESQL;

	/**
	 * Returns the vendor of a JDBC URL.
	 * @throws IllegalArgumentException when the URL names neither SQLite nor PostgreSQL
	 */
	public static DatabaseVendor of(String jdbcUrl) {
		if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:")) {
			return SQLITE;
		}
		if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		throw new IllegalArgumentException("Unsupported spring.datasource.url '" + jdbcUrl
				+ "': use jdbc:sqlite:<file> (the default) or jdbc:postgresql://<host>/<database>");
	}

}
