package dev.usagemonitor.cycle;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.sqlite.SQLiteException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells store failures that a retry a moment later may fix (the database is locked, busy
 * or unreachable) from all others.
 */
final class StoreFailures {

	/** SQLite primary result codes; extended codes carry them in their low byte. */
	private static final int SQLITE_BUSY = 5;

	private static final int SQLITE_LOCKED = 6;

	private StoreFailures() {
	}

	/**
	 * Tells whether the exception or one of its causes means that the store is locked,
	 * busy or unavailable for now.
	 * <p>
	 * Spring translates PostgreSQL lock and connection errors into
	 * {@link TransientDataAccessException} or {@link DataAccessResourceFailureException}
	 * (the latter includes a connection pool that timed out). SQLite reports a locked
	 * database only through its result code, which Spring leaves uncategorized, so
	 * {@code SQLITE_BUSY} and {@code SQLITE_LOCKED} are checked on the cause.
	 */
	static boolean isTemporarilyUnavailable(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable current = failure; current != null
				&& seen.put(current, true) == null; current = current.getCause()) {
			if (isTemporary(current)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTemporary(Throwable failure) {
		return failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
				|| failure instanceof DataAccessResourceFailureException || failure instanceof SQLTransientException
				|| failure instanceof SQLRecoverableException || failure instanceof SQLNonTransientConnectionException
				|| isSqliteBusy(failure);
	}

	private static boolean isSqliteBusy(Throwable failure) {
		if (!(failure instanceof SQLiteException sqlite)) {
			return false;
		}
		int primary = ((SQLException) sqlite).getErrorCode() & 0xff;
		return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
	}

}
