package dev.usagemonitor.store;

/**
 * Thrown when {@code --migrate-from} cannot copy an SQLite file into PostgreSQL. The
 * message names the cause and the fix; nothing has been written when it is thrown.
 */
public class SqliteCopyException extends RuntimeException {

	public SqliteCopyException(String message) {
		super(message);
	}

	public SqliteCopyException(String message, Throwable cause) {
		super(message, cause);
	}

}
