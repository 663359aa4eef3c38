package dev.usagemonitor.transcript.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTests {

	@Test
	void linesAndTailAreSplit() throws IOException {
		Recorder recorder = read("one\r\ntwo\n\nthree", 1024);
		assertThat(recorder.lines).containsExactly("one", "two", "");
		assertThat(recorder.tail).isEqualTo("three");
		assertThat(recorder.completeBytes).isEqualTo(10);
	}

	@Test
	void longLinesGrowBuffer() throws IOException {
		String longLine = "x".repeat(200_000);
		Recorder recorder = read("a\n" + longLine + "\nb\n", 1_000_000);
		assertThat(recorder.lines).containsExactly("a", longLine, "b");
		assertThat(recorder.tail).isNull();
	}

	@Test
	void tooLongLineIsSkipped() throws IOException {
		Recorder recorder = read("a\n" + "x".repeat(300_000) + "\nb\n", 100_000);
		assertThat(recorder.lines).containsExactly("a", "b");
		assertThat(recorder.tooLong).isEqualTo(1);
		assertThat(recorder.completeBytes).isEqualTo(300_005);
	}

	@Test
	void smallReadsKeepLinesWhole() throws IOException {
		byte[] bytes = "first line\nsecond line\n".getBytes(StandardCharsets.UTF_8);
		InputStream trickle = new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] target, int offset, int length) {
				return super.read(target, offset, Math.min(length, 3));
			}
		};
		Recorder recorder = new Recorder();
		recorder.completeBytes = new LineReader(trickle, 1024).read(recorder);
		assertThat(recorder.lines).containsExactly("first line", "second line");
	}

	private static Recorder read(String text, int maxLineBytes) throws IOException {
		Recorder recorder = new Recorder();
		InputStream input = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		recorder.completeBytes = new LineReader(input, maxLineBytes).read(recorder);
		return recorder;
	}

	static final class Recorder implements LineReader.LineHandler {

		final List<String> lines = new ArrayList<>();

		String tail;

		int tooLong;

		long completeBytes;

		@Override
		public void line(byte[] bytes, int offset, int length) {
			this.lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
		}

		@Override
		public void tail(byte[] bytes, int offset, int length) {
			this.tail = new String(bytes, offset, length, StandardCharsets.UTF_8);
		}

		@Override
		public void tooLong() {
			this.tooLong++;
		}

	}

}
