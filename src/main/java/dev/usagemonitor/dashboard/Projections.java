package dev.usagemonitor.dashboard;

import java.time.Instant;

import dev.usagemonitor.query.UsageReport.WindowUsage;

/**
 * Words for where a window's pace leads.
 */
final class Projections {

	private Projections() {
	}

	/**
	 * Returns one sentence: the time 100 % is reached before the reset, that the window
	 * lasts until the reset, that the limit is reached, or why there is no projection.
	 */
	static String sentence(WindowUsage window, TimeFormats times) {
		double percent = window.utilization();
		Instant resetsAt = window.resetsAt();
		if (percent >= 100) {
			return (resetsAt != null) ? "Limit reached: you can work again at " + times.time(resetsAt) + "."
					: "Limit reached.";
		}
		if (window.stale()) {
			return "No projection: the data is " + TimeFormats.span(java.time.Duration.ofSeconds(window.ageSeconds()))
					+ " old.";
		}
		if (window.projectedExhaustionAt() != null) {
			return "At this pace 100 % at " + times.time(window.projectedExhaustionAt()) + ", before the reset at "
					+ times.time(resetsAt) + ".";
		}
		if (window.projectedUtilizationAtReset() == null) {
			return "Not enough recent data for a projection.";
		}
		return "At this pace it lasts until the reset (about "
				+ WindowView.percentText(Math.round(window.projectedUtilizationAtReset())) + ").";
	}

}
