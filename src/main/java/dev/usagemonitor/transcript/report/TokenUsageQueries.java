package dev.usagemonitor.transcript.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.usagemonitor.transcript.pricing.ModelPrice;
import dev.usagemonitor.transcript.pricing.TokenCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums of stored responses for reports. Sidechain replays (a sidechain row whose message
 * id also exists as a non-sidechain row) are left out of every sum, wherever they were
 * imported from and in whichever order.
 */
@Repository
class TokenUsageQueries {

	/** Width of a time bucket: 15 minutes, the finest step of any time-zone offset. */
	static final long BUCKET_MILLIS = 15 * 60 * 1000;

	private static final String COUNTED = """
			t.account_id = :account AND t.occurred_at >= :from AND t.occurred_at < :to
			AND NOT (t.sidechain = 1 AND EXISTS (SELECT 1 FROM token_usage p
			    WHERE p.account_id = t.account_id AND p.message_id = t.message_id AND p.sidechain = 0))
			""";

	private static final String SUMS = "t.model, CASE WHEN t.speed = 'fast' THEN 1 ELSE 0 END AS fast,"
			+ " CASE WHEN t.reported_cost_usd IS NULL THEN 0 ELSE 1 END AS reported,"
			+ " COALESCE(SUM(t.reported_cost_usd), 0) AS reported_cost, COUNT(*) AS messages,"
			+ " MIN(t.occurred_at) AS first_at, MAX(t.occurred_at) AS last_at, " + tiered("input_tokens", "input")
			+ ", " + tiered("output_tokens", "output") + ", " + tiered("cache_creation_5m_tokens", "write5m") + ", "
			+ tiered("cache_creation_1h_tokens", "write1h") + ", " + tiered("cache_read_tokens", "read");

	private final JdbcClient jdbc;

	TokenUsageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the responses in {@code [from, to)} summed per 15-minute bucket, model,
	 * speed and cost origin.
	 */
	List<UsageGroup> byBucket(long accountId, long from, long to) {
		String sql = "SELECT t.occurred_at / " + BUCKET_MILLIS + " AS group_key, NULL AS project, " + SUMS
				+ " FROM token_usage t WHERE " + COUNTED + " GROUP BY t.occurred_at / " + BUCKET_MILLIS
				+ ", t.model, fast, reported";
		return query(sql, accountId, from, to);
	}

	/**
	 * Returns the responses in {@code [from, to)} summed per session, model, speed and
	 * cost origin.
	 */
	List<UsageGroup> bySession(long accountId, long from, long to) {
		String sql = "SELECT COALESCE(t.session_id, '') AS group_key, MIN(t.project) AS project, " + SUMS
				+ " FROM token_usage t WHERE " + COUNTED
				+ " GROUP BY COALESCE(t.session_id, ''), t.model, fast, reported";
		return query(sql, accountId, from, to);
	}

	/**
	 * Returns every counted response in {@code [from, to)}, oldest first, each as its own
	 * group.
	 */
	List<UsageGroup> responses(long accountId, long from, long to) {
		String sql = "SELECT t.id AS group_key, NULL AS project, " + SUMS + " FROM token_usage t WHERE " + COUNTED
				+ " GROUP BY t.id, t.model, fast, reported ORDER BY first_at, t.id";
		return query(sql, accountId, from, to);
	}

	private List<UsageGroup> query(String sql, long accountId, long from, long to) {
		return this.jdbc.sql(sql)
			.param("account", accountId)
			.param("from", from)
			.param("to", to)
			.query(TokenUsageQueries::map)
			.list();
	}

	private static UsageGroup map(ResultSet rs, int row) throws SQLException {
		TokenCounts base = new TokenCounts(rs.getLong("input_base"), rs.getLong("output_base"),
				rs.getLong("write5m_base"), rs.getLong("write1h_base"), rs.getLong("read_base"));
		TokenCounts above = new TokenCounts(rs.getLong("input_above"), rs.getLong("output_above"),
				rs.getLong("write5m_above"), rs.getLong("write1h_above"), rs.getLong("read_above"));
		return new UsageGroup(rs.getString("group_key"), rs.getString("project"), rs.getString("model"),
				rs.getInt("fast") == 1, rs.getInt("reported") == 1, rs.getDouble("reported_cost"), base, above,
				rs.getLong("messages"), rs.getLong("first_at"), rs.getLong("last_at"));
	}

	private static String tiered(String column, String alias) {
		long limit = ModelPrice.TIER_THRESHOLD;
		return "SUM(CASE WHEN t." + column + " > " + limit + " THEN " + limit + " ELSE t." + column + " END) AS "
				+ alias + "_base, SUM(CASE WHEN t." + column + " > " + limit + " THEN t." + column + " - " + limit
				+ " ELSE 0 END) AS " + alias + "_above";
	}

}
