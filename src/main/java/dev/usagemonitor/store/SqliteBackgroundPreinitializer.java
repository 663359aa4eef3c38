package dev.usagemonitor.store;

import org.sqlite.SQLiteJDBCLoader;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads the sqlite-jdbc native library on Spring Boot's background pre-initialization
 * thread, so that the first database connection, which Flyway opens early in start-up,
 * does not wait for it. With PostgreSQL the library is loaded but never used.
 * {@link SQLiteJDBCLoader#initialize()} is synchronized and loads the library once.
 */
class SqliteBackgroundPreinitializer implements BackgroundPreinitializer {

	@Override
	public void preinitialize() throws Exception {
		SQLiteJDBCLoader.initialize();
	}

}
