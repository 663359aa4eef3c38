package dev.usagemonitor.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.usagemonitor.collect.UsageWindow;

/**
 * Renders values, window names and instants for alert messages. Instants are shown in the
 * configured zone, followed by the zone's id, for example {@code Tue 09:00
 * Europe/Paris}.
 */
final class AlertFormat {

	private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

	private final ZoneId zone;

	AlertFormat(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Returns the weekday and time of an instant with the zone's id.
	 */
	String time(Instant instant) {
		return DAY_TIME.format(instant.atZone(this.zone)) + " " + this.zone.getId();
	}

	/**
	 * Returns the zone's id.
	 */
	String zone() {
		return this.zone.getId();
	}

	/**
	 * Returns a reading as {@code 91 %}, {@code 42.5 %} or {@code 23.50 EUR}.
	 */
	static String value(WindowReading reading) {
		return value(reading.value(), reading);
	}

	/**
	 * Returns a value in the unit of a reading.
	 */
	static String value(double value, WindowReading reading) {
		if (reading.amount()) {
			String amount = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
			return (reading.currency() != null) ? amount + " " + reading.currency() : amount;
		}
		return percent(value);
	}

	/**
	 * Returns a percentage with at most one decimal, for example {@code 91 %}.
	 */
	static String percent(double value) {
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.toPlainString() + " %";
	}

	/**
	 * Returns a count with thousands separators, for example {@code 23,400}.
	 */
	static String count(long value) {
		return String.format(Locale.ENGLISH, "%,d", value);
	}

	/**
	 * Returns the name of a window as used in sentences, for example {@code weekly limit
	 * (all models)}.
	 */
	static String windowName(UsageWindow window) {
		return switch (window.kind()) {
			case SESSION -> "5-hour session limit";
			case WEEKLY -> "weekly limit (all models)";
			case WEEKLY_SCOPED -> "weekly limit (" + scope(window.label()) + ")";
			case SPEND -> "extra usage spend";
			case OTHER -> window.label() + " limit";
		};
	}

	private static String scope(String label) {
		int open = label.indexOf('(');
		int close = label.lastIndexOf(')');
		return (open >= 0 && close > open) ? label.substring(open + 1, close) : label;
	}

}
