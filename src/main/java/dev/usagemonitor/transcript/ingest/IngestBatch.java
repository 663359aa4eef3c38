package dev.usagemonitor.transcript.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.usagemonitor.transcript.pricing.PriceTable;

/**
 * The state of one ingest: line counters and the responses not yet written. Lines of one
 * response are merged in memory, keeping the one with the largest token total; every
 * {@value #CHUNK} responses are written, and the store keeps the larger line when a
 * response spans two chunks.
 */
final class IngestBatch implements LineReader.LineHandler {

	static final int CHUNK = 10_000;

	private static final int MAX_REPORTED_LINE_NUMBERS = 20;

	private final IngestTarget target;

	private final ResponseSink sink;

	private final PriceTable prices;

	private final boolean mayGrow;

	private final TranscriptLineParser parser = new TranscriptLineParser();

	private final Map<String, UsageLine> pending = new HashMap<>();

	private final List<Long> malformedLineNumbers = new ArrayList<>();

	private final Set<String> unpricedModels = new TreeSet<>();

	private long lines;

	private long usageLines;

	private long responses;

	private long stored;

	private long synthetic;

	private long malformed;

	private long unpricedTokens;

	private long tailBytes;

	IngestBatch(IngestTarget target, ResponseSink sink, PriceTable prices, boolean mayGrow) {
		this.target = target;
		this.sink = sink;
		this.prices = prices;
		this.mayGrow = mayGrow;
	}

	@Override
	public void line(byte[] bytes, int offset, int length) {
		this.lines++;
		accept(this.parser.parse(bytes, offset, length));
	}

	@Override
	public void tail(byte[] bytes, int offset, int length) {
		ParsedLine parsed = this.parser.parse(bytes, offset, length);
		if (this.mayGrow && parsed.outcome() == LineOutcome.MALFORMED) {
			return;
		}
		this.lines++;
		this.tailBytes = length;
		accept(parsed);
	}

	@Override
	public void tooLong() {
		this.lines++;
		countMalformed();
	}

	IngestResult finish(long completeBytes) {
		flush();
		return new IngestResult(this.lines, this.usageLines, this.responses, this.stored, this.usageLines - this.stored,
				this.synthetic, this.malformed, List.copyOf(this.malformedLineNumbers), this.unpricedTokens,
				Set.copyOf(this.unpricedModels), completeBytes + this.tailBytes);
	}

	private void accept(ParsedLine parsed) {
		switch (parsed.outcome()) {
			case USAGE -> addUsage(parsed.usage());
			case SYNTHETIC -> this.synthetic++;
			case MALFORMED -> countMalformed();
			case OTHER -> {
			}
		}
	}

	private void addUsage(UsageLine line) {
		this.usageLines++;
		UsageLine withSession = withFallbackSession(line);
		this.pending.merge(withSession.dedupKey(), withSession,
				(kept, next) -> (next.totalTokens() > kept.totalTokens()) ? next : kept);
		if (this.pending.size() >= CHUNK) {
			flush();
		}
	}

	private UsageLine withFallbackSession(UsageLine line) {
		if (line.sessionId() != null || this.target.fallbackSessionId() == null) {
			return line;
		}
		return new UsageLine(line.messageId(), line.requestId(), line.occurredAt(), this.target.fallbackSessionId(),
				line.model(), line.sidechain(), line.inputTokens(), line.outputTokens(), line.cacheWrite5mTokens(),
				line.cacheWrite1hTokens(), line.cacheReadTokens(), line.webSearchRequests(), line.speed(),
				line.reportedCostUsd());
	}

	private void flush() {
		List<UsageLine> chunk = new ArrayList<>(this.pending.values());
		this.pending.clear();
		this.responses += chunk.size();
		for (UsageLine line : chunk) {
			if (line.reportedCostUsd() == null && this.prices.find(line.model()).isEmpty()) {
				this.unpricedTokens += line.totalTokens();
				this.unpricedModels.add(line.model());
			}
		}
		this.stored += this.sink.store(this.target.accountId(), this.target.project(), chunk);
	}

	private void countMalformed() {
		this.malformed++;
		if (this.malformedLineNumbers.size() < MAX_REPORTED_LINE_NUMBERS) {
			this.malformedLineNumbers.add(this.lines);
		}
	}

}
