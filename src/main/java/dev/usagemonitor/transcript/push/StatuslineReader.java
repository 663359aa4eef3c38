package dev.usagemonitor.transcript.push;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.usagemonitor.collect.UsageWindow;
import dev.usagemonitor.collect.WindowKind;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code rate_limits} object of the JSON that Claude Code (2.1.80 and later)
 * passes to a statusline command: {@code five_hour} and {@code seven_day}, each with
 * {@code used_percentage} (0–100, above 100 in overage) and {@code resets_at} (epoch
 * seconds, or an ISO-8601 instant). A window without a numeric percentage is left out: an
 * unknown value is never stored as 0 %.
 */
final class StatuslineReader {

	static final String SESSION_LABEL = "Session (5 h)";

	static final String WEEKLY_LABEL = "Weekly (all models)";

	/**
	 * Epoch values above this are read as milliseconds (it is the year 5138 in seconds).
	 */
	private static final long MILLIS_THRESHOLD = 100_000_000_000L;

	private StatuslineReader() {
	}

	/**
	 * Returns the windows found; empty when the JSON has no {@code rate_limits}.
	 */
	static List<UsageWindow> windows(JsonNode statusline) {
		JsonNode limits = statusline.path("rate_limits");
		List<UsageWindow> windows = new ArrayList<>();
		add(windows, limits.path("five_hour"), "five_hour", WindowKind.SESSION, SESSION_LABEL);
		add(windows, limits.path("seven_day"), "seven_day", WindowKind.WEEKLY, WEEKLY_LABEL);
		return windows;
	}

	private static void add(List<UsageWindow> windows, JsonNode window, String id, WindowKind kind, String label) {
		JsonNode percentage = window.path("used_percentage");
		if (!percentage.isNumber() || percentage.doubleValue() < 0 || !Double.isFinite(percentage.doubleValue())) {
			return;
		}
		windows
			.add(new UsageWindow(id, kind, label, percentage.doubleValue(), resetsAt(window.path("resets_at")), null));
	}

	/**
	 * Returns the reset instant, or {@code null} when it is missing or unreadable; a bad
	 * reset time never discards the percentage.
	 */
	static Instant resetsAt(JsonNode value) {
		if (value.isNumber()) {
			long epoch = value.longValue();
			return (epoch > MILLIS_THRESHOLD) ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
		}
		if (value.isString()) {
			return parseInstant(value.stringValue());
		}
		return null;
	}

	private static Instant parseInstant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
