package dev.usagemonitor.dashboard;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The warning and critical percentages that color the bars and draw the chart's threshold
 * lines. They are read from the alert settings {@code monitor.thresholds.warning-percent}
 * and {@code critical-percent} (defaults 70 and 90).
 * <p>
 * NOTE: per-kind and per-account threshold overrides of the alert settings are not
 * reflected on the page.
 */
@Component
class Thresholds {

	private final double warning;

	private final double critical;

	Thresholds(@Value("${monitor.thresholds.warning-percent:70}") double warning,
			@Value("${monitor.thresholds.critical-percent:90}") double critical) {
		this.warning = warning;
		this.critical = critical;
	}

	double warning() {
		return this.warning;
	}

	double critical() {
		return this.critical;
	}

	/**
	 * Returns the CSS state of a utilization.
	 */
	String state(double percent) {
		if (percent > 100) {
			return "over";
		}
		if (percent >= this.critical) {
			return "critical";
		}
		return (percent >= this.warning) ? "warning" : "ok";
	}

}
