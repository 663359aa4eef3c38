package dev.usagemonitor.alert;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries over transcript tokens and collection runs that the account-level
 * alert rules need.
 */
@Repository
class ActivityRepository {

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tells whether any transcript token row exists for the account.
	 */
	boolean hasTokenUsage(long accountId) {
		return this.jdbc.sql("SELECT 1 FROM token_usage WHERE account_id = :account LIMIT 1")
			.param("account", accountId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Returns the tokens used in {@code [from, to)}: input, output and cache writes.
	 * Cache reads are left out because every turn re-reads the whole cached context, so
	 * they would dwarf the tokens that represent new work.
	 */
	long tokensBetween(long accountId, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					SELECT COALESCE(SUM(input_tokens + output_tokens + cache_creation_5m_tokens + cache_creation_1h_tokens), 0)
					FROM token_usage WHERE account_id = :account AND occurred_at >= :from AND occurred_at < :to
					""")
			.param("account", accountId)
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.query(Long.class)
			.single();
	}

	/**
	 * Returns the start of the account's first collection run.
	 */
	Optional<Instant> firstRunStart(long accountId) {
		return this.jdbc
			.sql("SELECT started_at FROM collection_runs WHERE account_id = :account ORDER BY started_at LIMIT 1")
			.param("account", accountId)
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

}
