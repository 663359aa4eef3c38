package dev.usagemonitor.query;

import java.time.Duration;

/**
 * The source of a history range: the raw observations or one of the rollup grains kept in
 * {@code window_rollups}.
 */
enum RollupGrain {

	RAW(Duration.ZERO), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

	private final Duration width;

	RollupGrain(Duration width) {
		this.width = width;
	}

	long millis() {
		return this.width.toMillis();
	}

}
