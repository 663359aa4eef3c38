package dev.usagemonitor.store;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * A PostgreSQL session-level advisory lock held on its own connection. Closing the lease
 * unlocks it and returns the connection to the pool. When the unlock fails, the
 * connection is evicted from the pool instead, because a pooled connection that still
 * held the lock would block every later attempt.
 */
final class SessionLease implements StoreLocks.Lease {

	private static final Logger logger = LoggerFactory.getLogger(SessionLease.class);

	private static final String UNLOCK = "SELECT pg_advisory_unlock(" + StoreLocks.KEY + ")";

	private final Connection connection;

	private final String name;

	private final DataSource dataSource;

	private final AtomicBoolean closed = new AtomicBoolean();

	SessionLease(Connection connection, String name, DataSource dataSource) {
		this.connection = connection;
		this.name = name;
		this.dataSource = dataSource;
	}

	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		boolean unlocked = false;
		try {
			unlocked = StoreLocks.call(this.connection, UNLOCK, this.name);
		}
		catch (DataAccessException ex) {
			logger.warn("Unlocking the store lock {} failed; closing its connection instead: {}", this.name,
					ex.getMessage());
		}
		if (!unlocked && this.dataSource instanceof HikariDataSource pool) {
			pool.evictConnection(this.connection);
		}
		StoreLocks.closeQuietly(this.connection);
	}

}
