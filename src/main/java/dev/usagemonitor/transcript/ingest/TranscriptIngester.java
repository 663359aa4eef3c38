package dev.usagemonitor.transcript.ingest;

import java.io.IOException;
import java.io.InputStream;

import dev.usagemonitor.transcript.pricing.PriceTable;

import org.springframework.stereotype.Service;

/**
 * Reads Claude Code transcript lines from a stream and stores one row per API response.
 * Memory stays bounded whatever the input size: lines are read with a fixed maximum
 * length and responses are written in chunks.
 */
@Service
public class TranscriptIngester {

	/** Lines longer than this are skipped as malformed (32 MiB). */
	public static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

	private final TokenUsageRepository repository;

	private final PriceTable prices;

	TranscriptIngester(TokenUsageRepository repository, PriceTable prices) {
		this.repository = repository;
		this.prices = prices;
	}

	/**
	 * Ingests every line of a stream and stores the responses in {@code token_usage}.
	 * @param input the JSONL bytes, already decompressed
	 * @param target where the responses belong
	 * @param mayGrow whether the input is a file that may still be written: an
	 * unterminated last line that does not parse is then left for the next import instead
	 * of being counted as malformed
	 */
	public IngestResult ingest(InputStream input, IngestTarget target, boolean mayGrow) throws IOException {
		return ingest(input, target, mayGrow, this.repository::upsertAll);
	}

	/**
	 * Ingests every line of a stream and hands the responses to a sink, in chunks.
	 */
	public IngestResult ingest(InputStream input, IngestTarget target, boolean mayGrow, ResponseSink sink)
			throws IOException {
		IngestBatch batch = new IngestBatch(target, sink, this.prices, mayGrow);
		long complete = new LineReader(input, MAX_LINE_BYTES).read(batch);
		return batch.finish(complete);
	}

	/**
	 * Returns the sink that writes to {@code token_usage}.
	 */
	public ResponseSink repositorySink() {
		return this.repository::upsertAll;
	}

}
