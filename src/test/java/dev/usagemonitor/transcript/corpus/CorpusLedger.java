package dev.usagemonitor.transcript.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the corpus generator wrote, for checking an importer against it: every counted API
 * response, and the lines that ccusage 20.0.24 counts differently.
 */
public final class CorpusLedger {

	private final List<Response> responses = new ArrayList<>();

	private final List<Response> droppedByCcusage = new ArrayList<>();

	private final List<Response> addedByCcusage = new ArrayList<>();

	private long lines;

	private long bytes;

	synchronized void counted(Response response) {
		this.responses.add(response);
	}

	/**
	 * Records a response that ccusage leaves out: its line has {@code "costUSD":null}.
	 */
	synchronized void droppedByCcusage(Response response) {
		this.droppedByCcusage.add(response);
	}

	/**
	 * Records an extra line that ccusage counts as a response of its own: a streaming
	 * snapshot of a response without {@code requestId}.
	 */
	synchronized void addedByCcusage(Response line) {
		this.addedByCcusage.add(line);
	}

	synchronized void wrote(long lineCount, long byteCount) {
		this.lines += lineCount;
		this.bytes += byteCount;
	}

	public List<Response> responses() {
		return this.responses;
	}

	public List<Response> droppedByCcusage() {
		return this.droppedByCcusage;
	}

	public List<Response> addedByCcusage() {
		return this.addedByCcusage;
	}

	public long lines() {
		return this.lines;
	}

	public long bytes() {
		return this.bytes;
	}

	/**
	 * One response (or one line counted as a response).
	 *
	 * @param at timestamp
	 * @param model model id
	 * @param input input tokens
	 * @param output output tokens
	 * @param cacheWrite5m 5-minute cache writes
	 * @param cacheWrite1h 1-hour cache writes
	 * @param cacheRead cache reads
	 * @param fast whether {@code speed} is {@code fast}
	 * @param costUsd the line's own {@code costUSD}, or {@code null}
	 */
	public record Response(Instant at, String model, long input, long output, long cacheWrite5m, long cacheWrite1h,
			long cacheRead, boolean fast, Double costUsd) {

		public long total() {
			return this.input + this.output + this.cacheWrite5m + this.cacheWrite1h + this.cacheRead;
		}

	}

}
