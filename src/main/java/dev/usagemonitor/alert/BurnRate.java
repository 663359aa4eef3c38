package dev.usagemonitor.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A burn rate measured over the recent observations of one window instance, and the
 * instant it would reach 100 % if it held.
 *
 * @param percentPerHour rise in percentage points an hour, positive
 * @param exhaustedAt when the window would reach 100 %
 */
record BurnRate(double percentPerHour, Instant exhaustedAt) {

	private static final double MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();

	/**
	 * Measures the burn rate between the first and the last of some timed values, oldest
	 * first. Call it only when {@link #measured} holds.
	 * @return the burn rate, or empty when the value does not rise, so it never reaches
	 * 100 %
	 */
	static Optional<BurnRate> measure(List<Point> points) {
		Point first = points.get(0);
		Point last = points.get(points.size() - 1);
		double hours = Duration.between(first.at(), last.at()).toMillis() / MILLIS_PER_HOUR;
		double rate = (last.percent() - first.percent()) / hours;
		if (!(rate > 0)) {
			return Optional.empty();
		}
		long millisToFull = (long) ((100 - last.percent()) / rate * MILLIS_PER_HOUR);
		return Optional.of(new BurnRate(rate, last.at().plusMillis(millisToFull)));
	}

	/**
	 * Tells whether enough values exist to measure a rate.
	 */
	static boolean measured(List<Point> points, int minPoints, Duration minSpan) {
		if (points.size() < minPoints || points.size() < 2) {
			return false;
		}
		Duration span = Duration.between(points.get(0).at(), points.get(points.size() - 1).at());
		return span.compareTo(minSpan) >= 0;
	}

	/**
	 * A percentage observed at an instant.
	 *
	 * @param at observation instant
	 * @param percent observed percentage
	 */
	record Point(Instant at, double percent) {
	}

}
