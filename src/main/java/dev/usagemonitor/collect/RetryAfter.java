package dev.usagemonitor.collect;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: a positive number of seconds or an HTTP date.
 * {@code 0}, a date in the past and anything unreadable count as no request, because the
 * usage endpoint sends {@code retry-after: 0} while it keeps rejecting requests for
 * hours.
 */
final class RetryAfter {

	/** Maximum wait honoured: a year, so that a huge value cannot overflow. */
	private static final long MAX_SECONDS = 365L * 24 * 3600;

	private RetryAfter() {
	}

	/**
	 * Returns the instant the server asked to wait for, or {@code null} when it asked for
	 * none.
	 */
	static Instant parse(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.chars().allMatch(Character::isDigit)) {
			long seconds = (text.length() > 9) ? MAX_SECONDS : Math.min(Long.parseLong(text), MAX_SECONDS);
			return (seconds > 0) ? now.plusSeconds(seconds) : null;
		}
		try {
			Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return date.isAfter(now) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
