package dev.usagemonitor.collect;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2026-09-14T12:00:00Z");

	@Test
	void zeroMeansNoRequest() {
		assertThat(RetryAfter.parse("0", NOW)).isNull();
	}

	@Test
	void missingOrUnreadableMeansNoRequest() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
		assertThat(RetryAfter.parse(" ", NOW)).isNull();
		assertThat(RetryAfter.parse("soon", NOW)).isNull();
		assertThat(RetryAfter.parse("-5", NOW)).isNull();
	}

	@Test
	void secondsAreAddedToNow() {
		assertThat(RetryAfter.parse(" 120 ", NOW)).isEqualTo(Instant.parse("2026-09-14T12:02:00Z"));
	}

	@Test
	void hugeSecondsAreCappedAtOneYear() {
		assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(NOW.plusSeconds(365L * 24 * 3600));
	}

	@Test
	void httpDateIsHonoured() {
		assertThat(RetryAfter.parse("Mon, 14 Sep 2026 13:30:00 GMT", NOW))
			.isEqualTo(Instant.parse("2026-09-14T13:30:00Z"));
	}

	@Test
	void pastHttpDateMeansNoRequest() {
		assertThat(RetryAfter.parse("Mon, 14 Sep 2026 11:00:00 GMT", NOW)).isNull();
	}

}
