package dev.usagemonitor.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A history range of the dashboard. Each range reads the finest source that keeps the
 * chart at no more than about 300 buckets: raw observations for a day, hourly rollups up
 * to 90 days and daily rollups for a year.
 */
public enum QueryRange {

	/** The last 24 hours in 5-minute buckets (288). */
	DAY("24h", Duration.ofHours(24), Duration.ofMinutes(5), RollupGrain.RAW),
	/** The last 7 days in hourly buckets (168). */
	WEEK("7d", Duration.ofDays(7), Duration.ofHours(1), RollupGrain.HOUR),
	/** The last 30 days in 3-hour buckets (240). */
	MONTH("30d", Duration.ofDays(30), Duration.ofHours(3), RollupGrain.HOUR),
	/** The last 90 days in 8-hour buckets (270). */
	QUARTER("90d", Duration.ofDays(90), Duration.ofHours(8), RollupGrain.HOUR),
	/** The last 365 days in 2-day buckets (183). */
	YEAR("1y", Duration.ofDays(365), Duration.ofDays(2), RollupGrain.DAY);

	private final String code;

	private final Duration length;

	private final Duration bucket;

	private final RollupGrain source;

	QueryRange(String code, Duration length, Duration bucket, RollupGrain source) {
		this.code = code;
		this.length = length;
		this.bucket = bucket;
		this.source = source;
	}

	/**
	 * Returns the code used in URLs and JSON, for example {@code 30d}.
	 */
	public String code() {
		return this.code;
	}

	public Duration length() {
		return this.length;
	}

	/**
	 * Returns the width of one chart bucket.
	 */
	public Duration bucket() {
		return this.bucket;
	}

	RollupGrain source() {
		return this.source;
	}

	/**
	 * Returns the range with the given code.
	 * @throws InvalidQueryException for an unknown code
	 */
	public static QueryRange ofCode(String code) {
		for (QueryRange range : values()) {
			if (range.code.equals(code)) {
				return range;
			}
		}
		throw new InvalidQueryException("range", code, allowedCodes());
	}

	/**
	 * Returns the accepted codes, comma-separated, for error messages.
	 */
	public static String allowedCodes() {
		return Arrays.stream(values()).map(QueryRange::code).collect(Collectors.joining(", "));
	}

}
