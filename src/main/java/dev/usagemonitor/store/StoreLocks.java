package dev.usagemonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Locks that exclude work across every process sharing the store.
 * <p>
 * On PostgreSQL they are advisory locks. Their 64-bit key is a hash of the current schema
 * and the lock name, so monitors in different schemas of one database never block each
 * other. On SQLite one process owns the file, and its write transactions already exclude
 * each other (they begin with {@code BEGIN IMMEDIATE}), so the locks do nothing and
 * {@link #shared()} is {@code false}.
 */
public class StoreLocks {

	/** The advisory lock key of a name: a hash of the current schema and the name. */
	static final String KEY = "hashtextextended(current_schema()::text || ':' || ?, 0)";

	/** Time between two attempts to take a held session lock. */
	private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

	private final DatabaseVendor vendor;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	public StoreLocks(DatabaseVendor vendor, DataSource dataSource) {
		this.vendor = vendor;
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Tells whether several processes may share the store, so that excluding work needs a
	 * database lock: {@code true} on PostgreSQL.
	 */
	public boolean shared() {
		return this.vendor == DatabaseVendor.POSTGRESQL;
	}

	/**
	 * Waits until no other transaction holds the lock {@code name} for {@code id}, then
	 * holds it until the current transaction ends. Does nothing when the store is not
	 * {@link #shared()}.
	 * @throws IllegalStateException when no transaction is active
	 */
	// NOTE: the wait has no timeout. A replica that hangs inside such a
	// transaction blocks the others until PostgreSQL ends its session, which
	// the server setting idle_in_transaction_session_timeout bounds.
	public void lockForTransaction(String name, long id) {
		if (!shared()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The store lock " + name + " for " + id + " needs an active transaction");
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(" + KEY.replace("?", ":key") + ")")
			.param("key", name + ":" + id)
			.query((rs, row) -> Boolean.TRUE)
			.single();
	}

	/**
	 * Takes the lock {@code name} on a connection of its own, waiting at most
	 * {@code wait}. The lock outlives transactions and ends when the lease is closed or
	 * the connection is lost, for example because the process died.
	 * @return the lease, or empty when another process still holds the lock after the
	 * wait
	 * @throws IllegalStateException when the store is not {@link #shared()}
	 * @throws DataAccessResourceFailureException when the database cannot be reached
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public Optional<Lease> tryLock(String name, Duration wait) throws InterruptedException {
		if (!shared()) {
			throw new IllegalStateException("Session locks need a shared store; " + this.vendor + " has none");
		}
		Connection connection = connect(name);
		boolean locked = false;
		try {
			locked = pollLock(connection, name, System.nanoTime() + wait.toNanos());
		}
		finally {
			if (!locked) {
				closeQuietly(connection);
			}
		}
		return locked ? Optional.of(new SessionLease(connection, name, this.dataSource)) : Optional.empty();
	}

	private boolean pollLock(Connection connection, String name, long deadline) throws InterruptedException {
		while (true) {
			if (call(connection, "SELECT pg_try_advisory_lock(" + KEY + ")", name)) {
				return true;
			}
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, remaining / 1_000_000)));
		}
	}

	private Connection connect(String name) {
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot open a connection for the store lock " + name, ex);
		}
	}

	static boolean call(Connection connection, String sql, String name) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("The store lock " + name + " failed: " + ex.getMessage(), ex);
		}
	}

	static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// The pool discards a connection it cannot close; nothing is held on it.
		}
	}

	/**
	 * A held session lock; closing it releases the lock. Closing twice has no effect.
	 */
	public interface Lease extends AutoCloseable {

		@Override
		void close();

	}

}
