package dev.usagemonitor.notify;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseClassifierTests {

	private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

	private final ResponseClassifier classifier = new ResponseClassifier(JsonMapper.builder().build());

	@ParameterizedTest
	@ValueSource(ints = { 200, 202, 204 })
	void successStatusIsDelivered(int status) {
		assertThat(classify(status, Map.of(), "")).isEqualTo(new DeliveryOutcome.Delivered(status, Duration.ZERO));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 410, 413 })
	void permanentStatusIsRejected(int status) {
		assertThat(classify(status, Map.of(), "no_service"))
			.isEqualTo(new DeliveryOutcome.Rejected(status, "HTTP " + status + ": no_service"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 405, 408, 409, 422, 429, 500, 502, 503, 504 })
	void otherStatusIsRetryable(int status) {
		assertThat(classify(status, Map.of(), "")).isInstanceOf(DeliveryOutcome.Retryable.class);
	}

	@Test
	void retryAfterSecondsIsRead() {
		assertThat(retryAfter(Map.of("Retry-After", "120"), "")).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void retryAfterHttpDateIsRead() {
		assertThat(retryAfter(Map.of("Retry-After", "Tue, 3 Mar 2026 08:01:30 GMT"), ""))
			.isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void retryAfterInPastMeansNow() {
		assertThat(retryAfter(Map.of("Retry-After", "Tue, 3 Mar 2026 07:00:00 GMT"), "")).isEqualTo(Duration.ZERO);
	}

	@Test
	void invalidRetryAfterFallsBackToBackoff() {
		assertThat(retryAfter(Map.of("Retry-After", "soon"), "")).isNull();
		assertThat(retryAfter(Map.of("Retry-After", "-5"), "")).isNull();
	}

	@Test
	void discordBodyRetryAfterIsRead() {
		Map<String, String> headers = Map.of("Content-Type", "application/json", "Retry-After", "1");
		assertThat(retryAfter(headers, "{\"message\":\"rate limited\",\"retry_after\":0.731,\"global\":false}"))
			.isEqualTo(Duration.ofMillis(731));
	}

	@Test
	void malformedJsonFallsBackToHeader() {
		Map<String, String> headers = Map.of("Content-Type", "application/json", "Retry-After", "4");
		assertThat(retryAfter(headers, "{\"retry_after\": ")).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void emptyRateLimitBucketPausesChannel() {
		DeliveryOutcome outcome = classify(204, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "0.5"),
				"");
		assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(204, Duration.ofMillis(500)));
	}

	@Test
	void longErrorBodyIsShortened() {
		DeliveryOutcome outcome = classify(400, Map.of(), "invalid\n\n  payload " + "x".repeat(1000));
		String error = ((DeliveryOutcome.Rejected) outcome).error();
		assertThat(error).startsWith("HTTP 400: invalid payload xxx").endsWith("…");
		assertThat(error.length()).isLessThanOrEqualTo(300);
	}

	private Duration retryAfter(Map<String, String> headers, String body) {
		return ((DeliveryOutcome.Retryable) classify(429, headers, body)).retryAfter();
	}

	private DeliveryOutcome classify(int status, Map<String, String> headers, String body) {
		Map<String, List<String>> values = new HashMap<>();
		headers.forEach((name, value) -> values.put(name, List.of(value)));
		HttpHeaders httpHeaders = HttpHeaders.of(values, (name, value) -> true);
		return this.classifier
			.classify(new ReceivedResponse(status, httpHeaders, body.getBytes(StandardCharsets.UTF_8)), NOW);
	}

}
