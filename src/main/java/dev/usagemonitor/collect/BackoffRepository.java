package dev.usagemonitor.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rate-limit back-off per account, kept in the database so that it survives restarts.
 */
@Repository
public class BackoffRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	BackoffRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Returns the back-off of an account, if it was rate-limited since its last success.
	 */
	public Optional<Backoff> find(long accountId) {
		return this.jdbc.sql("SELECT failures, blocked_until FROM account_backoff WHERE account_id = :account")
			.param("account", accountId)
			.query((rs, row) -> new Backoff(rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("blocked_until"))))
			.optional();
	}

	/**
	 * Stores the back-off of an account, replacing the earlier one.
	 */
	public void save(long accountId, Backoff backoff) {
		this.jdbc.sql("""
				INSERT INTO account_backoff (account_id, failures, blocked_until, updated_at)
				VALUES (:account, :failures, :until, :now)
				ON CONFLICT (account_id) DO UPDATE SET failures = excluded.failures,
				    blocked_until = excluded.blocked_until, updated_at = excluded.updated_at
				""")
			.param("account", accountId)
			.param("failures", backoff.failures())
			.param("until", backoff.blockedUntil().toEpochMilli())
			.param("now", this.clock.millis())
			.update();
	}

	/**
	 * Removes the back-off of an account after a successful collection.
	 */
	public void clear(long accountId) {
		this.jdbc.sql("DELETE FROM account_backoff WHERE account_id = :account").param("account", accountId).update();
	}

	/**
	 * The back-off state of an account.
	 *
	 * @param failures rate-limited responses since the last success
	 * @param blockedUntil no request is sent for the account before this instant
	 */
	public record Backoff(int failures, Instant blockedUntil) {

		/**
		 * Tells whether the account must still wait at the given instant.
		 */
		public boolean blocks(Instant now) {
			return now.isBefore(this.blockedUntil);
		}

	}

}
