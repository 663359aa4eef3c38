package dev.usagemonitor.store;

import java.nio.file.Path;

/**
 * Reads the database file out of a {@code jdbc:sqlite:} URL.
 */
final class SqliteUrl {

	private SqliteUrl() {
	}

	/**
	 * Returns the database file of the URL, or {@code null} for an in-memory database.
	 */
	static Path file(String url) {
		String rest = url.substring("jdbc:sqlite:".length());
		int query = rest.indexOf('?');
		String location = (query >= 0) ? rest.substring(0, query) : rest;
		if (location.startsWith("file:")) {
			location = location.substring("file:".length());
		}
		if (location.isEmpty() || location.startsWith(":memory:") || location.contains("mode=memory")) {
			return null;
		}
		return Path.of(location);
	}

}
