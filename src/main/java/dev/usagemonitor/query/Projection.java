package dev.usagemonitor.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.query.UsageReadRepository.Sample;

/**
 * The pace of one window and where it leads. The burn rate covers the last hour of the
 * current window instance. From it follow the utilization expected at the reset and the
 * time at which 100 % is reached, when that comes before the reset.
 *
 * @param burnRatePerHour utilization points per hour, {@code null} when unknown
 * @param atReset utilization expected at the reset, {@code null} when unknown
 * @param exhaustionAt when 100 % is reached, {@code null} when it is not reached before
 * the reset, already reached, or unknown
 */
record Projection(Double burnRatePerHour, Double atReset, Instant exhaustionAt) {

	/** How far back the burn rate looks from the latest observation. */
	static final Duration LOOKBACK = Duration.ofHours(1);

	/** The shortest span of observations a burn rate is computed from. */
	static final Duration MIN_SPAN = Duration.ofMinutes(15);

	static final Projection NONE = new Projection(null, null, null);

	private static final double FULL = 100.0;

	/**
	 * Projects a window from its latest observation and the recent samples of the same
	 * window, in any order and possibly from earlier instances.
	 */
	static Projection of(Observation latest, List<Sample> samples) {
		Double utilization = latest.window().utilization();
		Instant resetsAt = latest.window().resetsAt();
		if (utilization == null || resetsAt == null || !resetsAt.isAfter(latest.observedAt())) {
			return NONE;
		}
		Sample reference = oldestOfInstance(latest, samples);
		if (reference == null) {
			return NONE;
		}
		double hours = hoursBetween(reference.observedAt(), latest.observedAt());
		double rate = (utilization - reference.utilization()) / hours;
		double pace = Math.max(rate, 0);
		double atReset = utilization + pace * hoursBetween(latest.observedAt(), resetsAt);
		return new Projection(rate, atReset, exhaustion(utilization, pace, latest.observedAt(), resetsAt));
	}

	private static Sample oldestOfInstance(Observation latest, List<Sample> samples) {
		Instant earliest = latest.observedAt().minus(LOOKBACK);
		Sample oldest = null;
		for (Sample sample : samples) {
			if (sample.windowId().equals(latest.window().id()) && sameInstance(sample.resetsAt(), latest)
					&& !sample.observedAt().isBefore(earliest) && sample.observedAt().isBefore(latest.observedAt())
					&& (oldest == null || sample.observedAt().isBefore(oldest.observedAt()))) {
				oldest = sample;
			}
		}
		boolean spanLongEnough = oldest != null
				&& Duration.between(oldest.observedAt(), latest.observedAt()).compareTo(MIN_SPAN) >= 0;
		return spanLongEnough ? oldest : null;
	}

	private static boolean sameInstance(Instant resetsAt, Observation latest) {
		return resetsAt != null && Duration.between(resetsAt, latest.window().resetsAt())
			.abs()
			.compareTo(UsageHistory.RESET_DRIFT) <= 0;
	}

	private static Instant exhaustion(double utilization, double pace, Instant observedAt, Instant resetsAt) {
		if (utilization >= FULL || pace <= 0) {
			return null;
		}
		long millis = Math.round((FULL - utilization) / pace * 3_600_000);
		Instant at = observedAt.plusMillis(millis);
		return at.isBefore(resetsAt) ? at : null;
	}

	private static double hoursBetween(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 3_600_000.0;
	}

}
