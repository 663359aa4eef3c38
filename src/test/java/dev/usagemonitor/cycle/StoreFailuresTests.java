package dev.usagemonitor.cycle;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFailuresTests {

	@Test
	void sqliteBusyIsTemporary() {
		assertThat(StoreFailures.isTemporarilyUnavailable(uncategorized(SQLiteErrorCode.SQLITE_BUSY))).isTrue();
		assertThat(StoreFailures.isTemporarilyUnavailable(uncategorized(SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))
			.isTrue();
		assertThat(StoreFailures.isTemporarilyUnavailable(uncategorized(SQLiteErrorCode.SQLITE_LOCKED))).isTrue();
	}

	@Test
	void otherSqliteErrorsAreNotTemporary() {
		assertThat(StoreFailures.isTemporarilyUnavailable(uncategorized(SQLiteErrorCode.SQLITE_CONSTRAINT))).isFalse();
		assertThat(StoreFailures.isTemporarilyUnavailable(uncategorized(SQLiteErrorCode.SQLITE_CORRUPT))).isFalse();
	}

	@Test
	void translatedLockAndConnectionFailuresAreTemporary() {
		assertThat(StoreFailures.isTemporarilyUnavailable(new CannotAcquireLockException("lock not available")))
			.isTrue();
		assertThat(StoreFailures.isTemporarilyUnavailable(new CannotGetJdbcConnectionException("pool timed out",
				new SQLTransientConnectionException("Connection is not available"))))
			.isTrue();
	}

	@Test
	void wrappedCauseIsFound() {
		RuntimeException wrapped = new IllegalStateException("collection failed",
				uncategorized(SQLiteErrorCode.SQLITE_BUSY));
		assertThat(StoreFailures.isTemporarilyUnavailable(wrapped)).isTrue();
	}

	@Test
	void constraintViolationsAreNotTemporary() {
		assertThat(StoreFailures.isTemporarilyUnavailable(new DuplicateKeyException("duplicate"))).isFalse();
		assertThat(StoreFailures.isTemporarilyUnavailable(new DataIntegrityViolationException("null"))).isFalse();
		assertThat(StoreFailures.isTemporarilyUnavailable(new IllegalStateException("bug"))).isFalse();
	}

	private static UncategorizedSQLException uncategorized(SQLiteErrorCode code) {
		SQLException cause = new SQLiteException("[" + code.name() + "] " + code.message, code);
		return new UncategorizedSQLException("DELETE", "DELETE FROM cycle_deliveries", cause);
	}

}
