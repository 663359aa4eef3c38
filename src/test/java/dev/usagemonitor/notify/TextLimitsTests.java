package dev.usagemonitor.notify;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextLimitsTests {

	@Test
	void shortTextIsUnchanged() {
		assertThat(TextLimits.shorten("weekly limit at 91 %", 20)).isEqualTo("weekly limit at 91 %");
	}

	@Test
	void longTextEndsWithEllipsisWithinLimit() {
		String shortened = TextLimits.shorten("a".repeat(50), 10);
		assertThat(shortened).hasSize(10);
		assertThat(shortened).endsWith("…");
	}

	@Test
	void surrogatePairIsNeverSplit() {
		String text = "abcdefgh" + "😀".repeat(5);
		String shortened = TextLimits.shorten(text, 10);
		assertThat(shortened.length()).isLessThanOrEqualTo(10);
		assertThat(Character.isHighSurrogate(shortened.charAt(shortened.length() - 2))).isFalse();
	}

	@Test
	void utf8ShorteningCountsBytes() {
		String text = "é".repeat(100);
		String shortened = TextLimits.shortenUtf8(text, 21);
		assertThat(shortened.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(21);
		assertThat(shortened).startsWith("éééé").endsWith("…");
	}

	@Test
	void utf8TextWithinLimitIsUnchanged() {
		assertThat(TextLimits.shortenUtf8("ok", 2)).isEqualTo("ok");
	}

}
