package dev.usagemonitor.transcript.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes API responses to {@code token_usage}. A response already stored is replaced only
 * by a line with a larger token total, so importing a file twice, or overlapping parts of
 * it, changes nothing.
 */
@Repository
public class TokenUsageRepository {

	private static final String UPSERT = """
			INSERT INTO token_usage (account_id, dedup_key, message_id, occurred_at, project, session_id, model,
			    sidechain, input_tokens, output_tokens, cache_creation_5m_tokens, cache_creation_1h_tokens,
			    cache_read_tokens, web_search_requests, speed, reported_cost_usd)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (account_id, dedup_key) DO UPDATE SET occurred_at = excluded.occurred_at,
			    session_id = excluded.session_id, model = excluded.model, sidechain = excluded.sidechain,
			    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
			    cache_creation_5m_tokens = excluded.cache_creation_5m_tokens,
			    cache_creation_1h_tokens = excluded.cache_creation_1h_tokens,
			    cache_read_tokens = excluded.cache_read_tokens, web_search_requests = excluded.web_search_requests,
			    speed = excluded.speed, reported_cost_usd = excluded.reported_cost_usd
			WHERE excluded.input_tokens + excluded.output_tokens + excluded.cache_creation_5m_tokens
			    + excluded.cache_creation_1h_tokens + excluded.cache_read_tokens
			  > token_usage.input_tokens + token_usage.output_tokens + token_usage.cache_creation_5m_tokens
			    + token_usage.cache_creation_1h_tokens + token_usage.cache_read_tokens
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final TranscriptWriteLock writeLock;

	TokenUsageRepository(JdbcTemplate jdbc, TransactionTemplate transaction, TranscriptWriteLock writeLock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.writeLock = writeLock;
	}

	/**
	 * Inserts or enlarges the responses in one transaction and returns how many rows were
	 * inserted or replaced by a larger line.
	 */
	public int upsertAll(long accountId, String project, List<UsageLine> lines) {
		if (lines.isEmpty()) {
			return 0;
		}
		int[] counts = this.writeLock.call(() -> this.transaction
			.execute((status) -> this.jdbc.batchUpdate(UPSERT, new Rows(accountId, project, lines))));
		int changed = 0;
		for (int count : counts) {
			changed += Math.max(count, 0);
		}
		return changed;
	}

	private record Rows(long accountId, String project, List<UsageLine> lines) implements BatchPreparedStatementSetter {

		@Override
		public void setValues(PreparedStatement ps, int i) throws SQLException {
			UsageLine line = this.lines.get(i);
			ps.setLong(1, this.accountId);
			ps.setString(2, line.dedupKey());
			ps.setString(3, line.messageId());
			ps.setLong(4, line.occurredAt());
			ps.setString(5, this.project);
			ps.setString(6, line.sessionId());
			ps.setString(7, line.model());
			ps.setInt(8, line.sidechain() ? 1 : 0);
			ps.setLong(9, line.inputTokens());
			ps.setLong(10, line.outputTokens());
			ps.setLong(11, line.cacheWrite5mTokens());
			ps.setLong(12, line.cacheWrite1hTokens());
			ps.setLong(13, line.cacheReadTokens());
			ps.setInt(14, line.webSearchRequests());
			ps.setString(15, line.speed());
			if (line.reportedCostUsd() != null) {
				ps.setDouble(16, line.reportedCostUsd());
			}
			else {
				ps.setNull(16, Types.DOUBLE);
			}
		}

		@Override
		public int getBatchSize() {
			return this.lines.size();
		}

	}

}
