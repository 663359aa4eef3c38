package dev.usagemonitor.transcript.ingest;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSearchTests {

	@Test
	void usageKeyFoundAtEveryAlignment() {
		for (int before = 0; before < 20; before++) {
			for (int after = 0; after < 20; after++) {
				String line = "x".repeat(before) + "\"usage\"" + "y".repeat(after);
				byte[] bytes = ("ab" + line + "cd").getBytes(StandardCharsets.US_ASCII);
				assertThat(ByteSearch.containsUsageKey(bytes, 2, line.length())).as(line).isTrue();
			}
		}
	}

	@Test
	void usageKeyOutsideRangeIsIgnored() {
		byte[] bytes = "\"usage\"0123456789\"usage\"".getBytes(StandardCharsets.US_ASCII);
		assertThat(ByteSearch.containsUsageKey(bytes, 1, 22)).isFalse();
		assertThat(ByteSearch.containsUsageKey(bytes, 0, 6)).isFalse();
	}

	@Test
	void nearMissesAreNotMatches() {
		String[] lines = { "\"usage", "usage\"", "\"usagE\"", "\"us age\"", "\"usagg\"gggggggg\"ugage\"", "" };
		for (String line : lines) {
			byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
			assertThat(ByteSearch.containsUsageKey(bytes, 0, bytes.length)).as(line).isFalse();
		}
	}

	@Test
	void multiByteTextAroundKeyIsHandled() {
		byte[] bytes = "über→✓ \"usage\" café".getBytes(StandardCharsets.UTF_8);
		assertThat(ByteSearch.containsUsageKey(bytes, 0, bytes.length)).isTrue();
	}

	@Test
	void indexOfFindsFirstMatch() {
		for (int position = 0; position < 30; position++) {
			byte[] bytes = ("a".repeat(position) + "\nb\n").getBytes(StandardCharsets.US_ASCII);
			assertThat(ByteSearch.indexOf(bytes, 0, bytes.length, (byte) '\n')).isEqualTo(position);
		}
	}

	@Test
	void indexOfRespectsBounds() {
		byte[] bytes = "\n0123456789\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(ByteSearch.indexOf(bytes, 1, 11, (byte) '\n')).isEqualTo(-1);
		assertThat(ByteSearch.indexOf(bytes, 1, 12, (byte) '\n')).isEqualTo(11);
	}

	@Test
	void indexOfIgnoresBytesWithHighBit() {
		byte[] bytes = "éééééééééé\n".getBytes(StandardCharsets.UTF_8);
		assertThat(ByteSearch.indexOf(bytes, 0, bytes.length, (byte) '\n')).isEqualTo(bytes.length - 1);
	}

	@Test
	void objectShapeIsChecked() {
		assertThat(ByteSearch.looksLikeObject(bytes(" {\"a\":1} "), 0, 9)).isTrue();
		assertThat(ByteSearch.looksLikeObject(bytes("{\"a\":1"), 0, 6)).isFalse();
		assertThat(ByteSearch.looksLikeObject(bytes("\"text\""), 0, 6)).isFalse();
		assertThat(ByteSearch.looksLikeObject(bytes("   "), 0, 3)).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
