package dev.usagemonitor.notify;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

	@Test
	void backoffDoublesPerAttempt() {
		RetryPolicy policy = policy(0.0);
		assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void jitterStaysInUpperHalf() {
		assertThat(policy(0.0).backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy(0.5).backoff(1)).isEqualTo(Duration.ofSeconds(45));
		assertThat(policy(0.999).backoff(1)).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
	}

	@Test
	void backoffIsCapped() {
		assertThat(policy(0.999).backoff(10)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
		assertThat(policy(0.0).backoff(10)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void manyAttemptsDoNotOverflow() {
		assertThat(policy(0.5).backoff(10_000)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
	}

	@Test
	void retryAfterReplacesBackoff() {
		assertThat(policy(0.5).nextAttempt(NOW, 5, Duration.ofSeconds(7))).isEqualTo(NOW.plusSeconds(7));
		assertThat(policy(0.5).nextAttempt(NOW, 1, null)).isEqualTo(NOW.plusSeconds(45));
	}

	private static RetryPolicy policy(double random) {
		return new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), () -> random);
	}

}
