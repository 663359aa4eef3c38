package dev.usagemonitor.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.usagemonitor.query.UsageReport.Bucket;
import dev.usagemonitor.query.UsageReport.History;
import dev.usagemonitor.query.UsageReport.Series;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the chart series of one account, downsampled in SQL to the buckets of a
 * {@link QueryRange}: the lowest, highest and newest utilization of each bucket.
 * <p>
 * NOTE: buckets are aligned to UTC (epoch multiples of their width), so a daily bucket
 * starts at midnight UTC rather than at the viewer's midnight.
 */
@Component
class UsageHistory {

	/** Drift of {@code resets_at} between observations of one window instance. */
	static final Duration RESET_DRIFT = Duration.ofMinutes(10);

	private static final String FROM_OBSERVATIONS = """
			SELECT window_id, bucket, MIN(utilization) AS min_value, MAX(utilization) AS max_value,
			    MAX(CASE WHEN newest = 1 THEN utilization END) AS last_value,
			    MAX(CASE WHEN newest = 1 THEN resets_at END) AS last_resets_at
			FROM (
			    SELECT window_id, utilization, resets_at, (observed_at / :width) * :width AS bucket,
			        ROW_NUMBER() OVER (PARTITION BY window_id, observed_at / :width
			            ORDER BY observed_at DESC, id DESC) AS newest
			    FROM window_observations
			    WHERE account_id = :account AND observed_at >= :from AND observed_at <= :to
			) b
			GROUP BY window_id, bucket ORDER BY window_id, bucket
			""";

	private static final String FROM_ROLLUPS = """
			SELECT window_id, bucket, MIN(min_utilization) AS min_value, MAX(max_utilization) AS max_value,
			    MAX(CASE WHEN newest = 1 THEN last_utilization END) AS last_value,
			    MAX(CASE WHEN newest = 1 THEN last_resets_at END) AS last_resets_at
			FROM (
			    SELECT window_id, min_utilization, max_utilization, last_utilization, last_resets_at,
			        (bucket_start / :width) * :width AS bucket,
			        ROW_NUMBER() OVER (PARTITION BY window_id, bucket_start / :width
			            ORDER BY last_observed_at DESC) AS newest
			    FROM window_rollups
			    WHERE account_id = :account AND grain_ms = :grain AND bucket_start >= :from AND bucket_start <= :to
			) r
			GROUP BY window_id, bucket ORDER BY window_id, bucket
			""";

	private final JdbcClient jdbc;

	private final UsageRollups rollups;

	UsageHistory(JdbcClient jdbc, UsageRollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
	}

	/**
	 * Returns the history of an account over a range ending at {@code now}. Windows
	 * without any known utilization in the range (such as spend windows without a cap)
	 * are left out. Windows without any known utilization in the range (such as spend
	 * windows without a cap) are left out.
	 * @param labels window labels by window id; a window without a label is shown by id
	 */
	History read(long accountId, QueryRange range, Instant now, Map<String, String> labels) {
		long width = range.bucket().toMillis();
		long from = Math.floorDiv(now.minus(range.length()).toEpochMilli(), width) * width;
		List<Row> rows = rows(accountId, range, from, now.toEpochMilli());
		Map<String, List<Row>> byWindow = new LinkedHashMap<>();
		rows.forEach((row) -> byWindow.computeIfAbsent(row.windowId(), (id) -> new ArrayList<>()).add(row));
		List<Series> series = new ArrayList<>();
		byWindow.forEach((id, windowRows) -> {
			if (windowRows.stream().anyMatch((row) -> row.max() != null)) {
				series.add(series(id, labels.getOrDefault(id, id), windowRows, Instant.ofEpochMilli(from), now));
			}
		});
		return new History(Instant.ofEpochMilli(from), now, range.bucket().toSeconds(), series);
	}

	private List<Row> rows(long accountId, QueryRange range, long from, long to) {
		if (range.source() == RollupGrain.RAW) {
			return this.jdbc.sql(FROM_OBSERVATIONS)
				.param("width", range.bucket().toMillis())
				.param("account", accountId)
				.param("from", from)
				.param("to", to)
				.query(UsageHistory::row)
				.list();
		}
		this.rollups.refreshBeforeRead();
		return this.jdbc.sql(FROM_ROLLUPS)
			.param("width", range.bucket().toMillis())
			.param("account", accountId)
			.param("grain", range.source().millis())
			.param("from", from)
			.param("to", to)
			.query(UsageHistory::row)
			.list();
	}

	private static Series series(String windowId, String label, List<Row> rows, Instant from, Instant to) {
		List<Bucket> buckets = new ArrayList<>(rows.size());
		List<Instant> resets = new ArrayList<>();
		Long previousReset = null;
		for (Row row : rows) {
			buckets.add(new Bucket(Instant.ofEpochMilli(row.bucket()), row.min(), row.max(), row.last()));
			if (isNewInstance(previousReset, row.resetsAt())) {
				Instant end = Instant.ofEpochMilli(previousReset);
				if (!end.isBefore(from) && !end.isAfter(to)) {
					resets.add(end);
				}
			}
			previousReset = (row.resetsAt() != null) ? row.resetsAt() : previousReset;
		}
		return new Series(windowId, label, buckets, resets);
	}

	private static boolean isNewInstance(Long previousReset, Long resetsAt) {
		return previousReset != null && resetsAt != null && resetsAt - previousReset > RESET_DRIFT.toMillis();
	}

	private static Row row(ResultSet rs, int rowNumber) throws SQLException {
		return new Row(rs.getString("window_id"), rs.getLong("bucket"), nullableDouble(rs, "min_value"),
				nullableDouble(rs, "max_value"), nullableDouble(rs, "last_value"), nullableLong(rs, "last_resets_at"));
	}

	static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private record Row(String windowId, long bucket, Double min, Double max, Double last, Long resetsAt) {
	}

}
