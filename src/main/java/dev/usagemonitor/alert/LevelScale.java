package dev.usagemonitor.alert;

import java.math.BigDecimal;

import dev.usagemonitor.alert.ThresholdProperties.WindowLevels;

/**
 * The levels of one window in the unit of its reading, with the hysteresis that resolves
 * them.
 *
 * @param warning warning level, or {@code null} when off
 * @param critical critical level, or {@code null} when off
 * @param exhausted exhausted level (100 for percentages), or {@code null} for amounts
 * @param hysteresisPercent points under a percentage level, or percent of an amount
 * level, that a value must fall before its alert resolves
 * @param amount whether the levels are amounts
 */
record LevelScale(Double warning, Double critical, Double exhausted, double hysteresisPercent, boolean amount) {

	static LevelScale of(WindowLevels levels, WindowReading reading, double hysteresisPercent) {
		if (reading.amount()) {
			return new LevelScale(decimal(levels.warningAmount()), decimal(levels.criticalAmount()), null,
					hysteresisPercent, true);
		}
		return new LevelScale(levels.warningPercent(), levels.criticalPercent(), 100.0, hysteresisPercent, false);
	}

	/**
	 * Returns the highest level a value reaches, or {@code null} when it reaches none.
	 */
	AlertLevel reached(double value) {
		for (AlertLevel level : new AlertLevel[] { AlertLevel.EXHAUSTED, AlertLevel.CRITICAL, AlertLevel.WARNING }) {
			Double threshold = threshold(level);
			if (threshold != null && value >= threshold) {
				return level;
			}
		}
		return null;
	}

	/**
	 * Tells whether a value has fallen far enough under a level for its alert to resolve.
	 * A level that is no longer configured resolves at once.
	 */
	boolean clearedBelow(AlertLevel level, double value) {
		Double threshold = threshold(level);
		if (threshold == null) {
			return true;
		}
		double margin = this.amount ? threshold * this.hysteresisPercent / 100 : this.hysteresisPercent;
		return value < threshold - margin;
	}

	/**
	 * Returns the value at which a level starts, or {@code null} when it is off.
	 */
	Double threshold(AlertLevel level) {
		return switch (level) {
			case WARNING -> this.warning;
			case CRITICAL -> this.critical;
			case EXHAUSTED -> this.exhausted;
			case INFO -> null;
		};
	}

	private static Double decimal(BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
