package dev.usagemonitor.collect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for single fields of a usage response: an unreadable field gives
 * {@code null} and never fails the rest of the response.
 */
final class JsonValues {

	private JsonValues() {
	}

	/**
	 * Returns a non-negative number, also from a numeric string, or {@code null}.
	 */
	static Double number(JsonNode node) {
		Double value = null;
		if (node.isNumber()) {
			value = node.doubleValue();
		}
		else if (node.isString()) {
			try {
				value = Double.valueOf(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return (value != null && Double.isFinite(value) && value >= 0) ? value : null;
	}

	/**
	 * Returns a whole number, rounding a fractional one, or {@code null}.
	 */
	static Long wholeNumber(JsonNode node) {
		Double value = number(node);
		return (value != null) ? Math.round(value) : null;
	}

	/**
	 * Returns an ISO-8601 instant with an offset ({@code Z} or {@code ±hh:mm}) and 0 to 9
	 * fraction digits, or {@code null}.
	 */
	static Instant instant(JsonNode node) {
		if (!node.isString()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(node.stringValue().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Returns a non-blank string, or {@code null}.
	 */
	static String text(JsonNode node) {
		return (node.isString() && !node.stringValue().isBlank()) ? node.stringValue().strip() : null;
	}

}
