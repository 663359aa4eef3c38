package dev.usagemonitor.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a receiver's response into a {@link DeliveryOutcome}. Permanent statuses follow
 * the services' documented meanings: 400 and 413 reject the payload, 401 and 403 refuse
 * the sender, 404 and 410 mean the webhook is gone. Every other non-2xx status is
 * retried.
 */
class ResponseClassifier {

	static final Set<Integer> PERMANENT_STATUSES = Set.of(400, 401, 403, 404, 410, 413);

	private static final int MAX_ERROR_LENGTH = 300;

	private final JsonMapper json;

	ResponseClassifier(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Classifies a response.
	 * @param response status, headers and the start of the body
	 * @param now time the response arrived, for HTTP-date {@code Retry-After} values
	 */
	DeliveryOutcome classify(ReceivedResponse response, Instant now) {
		int status = response.status();
		if (status >= 200 && status < 300) {
			return new DeliveryOutcome.Delivered(status, rateLimitPause(response));
		}
		String error = errorText(response);
		if (PERMANENT_STATUSES.contains(status)) {
			return new DeliveryOutcome.Rejected(status, error);
		}
		return new DeliveryOutcome.Retryable(error, retryAfter(response, now).orElse(null));
	}

	private static String errorText(ReceivedResponse response) {
		String body = response.bodyText().replaceAll("\\s+", " ").strip();
		String text = "HTTP " + response.status() + (body.isEmpty() ? "" : ": " + body);
		return TextLimits.shorten(text, MAX_ERROR_LENGTH);
	}

	/**
	 * Returns the wait a Discord-style response requests once its rate-limit bucket is
	 * empty ({@code X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset-After} in
	 * seconds).
	 */
	private static Duration rateLimitPause(ReceivedResponse response) {
		if (!"0".equals(response.header("X-RateLimit-Remaining"))) {
			return Duration.ZERO;
		}
		return seconds(response.header("X-RateLimit-Reset-After")).orElse(Duration.ZERO);
	}

	/**
	 * Returns the delay requested by Discord's JSON {@code retry_after} (seconds, with a
	 * fraction) or else by the {@code Retry-After} header (seconds or an HTTP date).
	 */
	Optional<Duration> retryAfter(ReceivedResponse response, Instant now) {
		Optional<Duration> fromBody = bodyRetryAfter(response);
		if (fromBody.isPresent()) {
			return fromBody;
		}
		String header = response.header("Retry-After");
		if (header == null) {
			return Optional.empty();
		}
		return seconds(header).or(() -> httpDate(header, now));
	}

	private Optional<Duration> bodyRetryAfter(ReceivedResponse response) {
		String contentType = response.header("Content-Type");
		if (contentType == null || !contentType.contains("json")) {
			return Optional.empty();
		}
		try {
			JsonNode retryAfter = this.json.readTree(response.body()).path("retry_after");
			return retryAfter.isNumber() ? secondsOf(retryAfter.asDouble()) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> seconds(String value) {
		if (value == null) {
			return Optional.empty();
		}
		try {
			return secondsOf(Double.parseDouble(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> secondsOf(double seconds) {
		if (Double.isNaN(seconds) || seconds < 0 || seconds > Duration.ofDays(7).toSeconds()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
	}

	private static Optional<Duration> httpDate(String value, Instant now) {
		try {
			Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
