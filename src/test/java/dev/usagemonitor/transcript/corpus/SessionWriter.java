package dev.usagemonitor.transcript.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the lines of one Claude Code session in the shapes of the sample transcript.
 */
final class SessionWriter {

	private static final String[] MAIN_MODELS = { "claude-sonnet-4-6", "claude-opus-4-6", "claude-opus-4-8",
			"claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001" };

	private final Random random;

	private final TextSource text;

	private final CorpusLedger ledger;

	private final AtomicLong ids;

	private final String sessionId;

	private final String cwd;

	private final String mainModel;

	private LineSink main;

	private LineSink sidechain;

	private Instant now;

	private String parent;

	private String lastResponseLine;

	SessionWriter(Random random, CorpusLedger ledger, AtomicLong ids, String sessionId, String cwd, Instant start) {
		this.random = random;
		this.text = new TextSource(random);
		this.ledger = ledger;
		this.ids = ids;
		this.sessionId = sessionId;
		this.cwd = cwd;
		this.now = start;
		this.mainModel = MAIN_MODELS[random.nextInt(MAIN_MODELS.length)];
	}

	/**
	 * Writes one session: header lines, then turns until the session has about
	 * {@code targetBytes}.
	 */
	void write(OutputStream mainOut, OutputStream sidechainOut, long targetBytes) throws IOException {
		this.main = new LineSink(mainOut, this.ledger);
		this.sidechain = (sidechainOut != null) ? new LineSink(sidechainOut, this.ledger) : this.main;
		header();
		while (this.main.bytes() + this.sidechain.bytes() < targetBytes) {
			turn();
		}
		this.main.write(json("{\"type\":\"attachment\",\"sessionId\":%s,\"uuid\":%s,\"timestamp\":%s}",
				q(this.sessionId), q(uuid()), q(tick(1, 5))));
	}

	private void header() throws IOException {
		this.main
			.write(json("{\"type\":\"summary\",\"summary\":%s,\"leafUuid\":%s}", q(this.text.text(60)), q(uuid())));
		String snapshot = this.text.text(2_000 + this.random.nextInt(30_000));
		this.main.write(json("{\"type\":\"file-history-snapshot\",\"messageId\":%s,\"snapshot\":{\"messageId\":%s,"
				+ "\"trackedFileBackups\":{\"src/Parser.java\":{\"backupFileName\":%s}},\"timestamp\":%s},"
				+ "\"isSnapshotUpdate\":false}", q(uuid()), q(uuid()), q(snapshot), q(this.now.toString())));
		this.main.write(json("{\"type\":\"custom-title\",\"customTitle\":%s,\"sessionId\":%s}", q(this.text.text(20)),
				q(this.sessionId)));
	}

	private void turn() throws IOException {
		userPrompt();
		int roll = this.random.nextInt(100);
		response(kindFor(roll), this.mainModel);
		if (this.random.nextInt(3) == 0) {
			toolResult();
			response(ResponseKind.STANDARD, this.mainModel);
		}
		this.main.write(envelope("system", false) + ",\"subtype\":\"turn_duration\",\"durationMs\":"
				+ this.random.nextInt(60_000) + ",\"isMeta\":false,\"uuid\":" + q(nextUuid()) + ",\"timestamp\":"
				+ q(tick(1, 2)) + "}");
		rareLines();
	}

	private static ResponseKind kindFor(int roll) {
		if (roll < 60) {
			return ResponseKind.STANDARD;
		}
		ResponseKind[] others = { ResponseKind.NO_REQUEST_ID, ResponseKind.FAST, ResponseKind.ONE_HOUR_CACHE,
				ResponseKind.WEB_SEARCH, ResponseKind.LEGACY_COST, ResponseKind.NULL_COST,
				ResponseKind.NESTED_NULL_MODEL, ResponseKind.UNPRICED, ResponseKind.ABOVE_TIER };
		return others[(roll - 60) * others.length / 40];
	}

	private void rareLines() throws IOException {
		int roll = this.random.nextInt(100);
		if (roll < 8) {
			sidechainExchange();
		}
		else if (roll < 11) {
			sidechainReplay();
		}
		else if (roll < 14) {
			synthetic(this.random.nextInt(3));
		}
		else if (roll < 16) {
			compaction();
		}
		else if (roll < 17) {
			malformed(this.random.nextInt(3));
		}
		else if (roll < 20) {
			this.now = this.now.plusSeconds(3_600 + this.random.nextInt(6 * 3_600));
		}
	}

	private void userPrompt() throws IOException {
		this.main.write(envelope("user", false) + ",\"message\":{\"role\":\"user\",\"content\":"
				+ q(this.text.text(50 + this.random.nextInt(600))) + "},\"uuid\":" + q(nextUuid()) + ",\"timestamp\":"
				+ q(tick(10, 300)) + "}");
	}

	private void toolResult() throws IOException {
		String content = this.text.text(500 + this.random.nextInt(20_000));
		this.main.write(envelope("user", false) + ",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":"
				+ q("toolu_" + this.ids.incrementAndGet()) + ",\"type\":\"tool_result\",\"content\":" + q(content)
				+ "}]},\"toolUseResult\":{\"type\":\"text\"},\"uuid\":" + q(nextUuid()) + ",\"timestamp\":"
				+ q(tick(1, 20)) + "}");
	}

	private void response(ResponseKind kind, String model) throws IOException {
		new ResponseWriter(this, kind, model).write();
	}

	private void sidechainExchange() throws IOException {
		String agent = "a" + this.ids.incrementAndGet();
		this.sidechain.write(envelope("user", true) + ",\"message\":{\"role\":\"user\",\"content\":"
				+ q(this.text.text(80)) + "},\"agentId\":" + q(agent) + ",\"uuid\":" + q(nextUuid()) + ",\"timestamp\":"
				+ q(tick(1, 10)) + "}");
		new ResponseWriter(this, ResponseKind.STANDARD, "claude-haiku-4-5-20251001").sidechain(agent).write();
	}

	/**
	 * Repeats the last main-chain response as a sidechain line with a new request id, as
	 * a sub-agent replaying its parent's context does.
	 */
	private void sidechainReplay() throws IOException {
		if (this.lastResponseLine == null) {
			return;
		}
		String replay = this.lastResponseLine.replace("\"isSidechain\":false", "\"isSidechain\":true")
			.replaceFirst("\"requestId\":\"req_[0-9]+\"", "\"requestId\":" + q("req_" + this.ids.incrementAndGet()))
			.replaceFirst("\"timestamp\":\"[^\"]+\"", "\"timestamp\":" + q(tick(1, 3)));
		this.sidechain.write(replay);
	}

	private void synthetic(int variant) throws IOException {
		String[] texts = { "API Error: 529 Overloaded. This is a server-side issue, usually temporary.",
				"Claude AI usage limit reached|" + (this.now.getEpochSecond() + 3_600),
				"You've hit your session limit · resets 2pm (Europe/Berlin)" };
		String error = (variant == 2) ? ",\"apiErrorStatus\":429,\"error\":\"rate_limit\""
				: (variant == 0) ? ",\"apiErrorStatus\":529,\"error\":\"server_error\"" : "";
		this.main.write(envelope(null, false) + ",\"message\":{\"id\":" + q(uuid())
				+ ",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"<synthetic>\",\"content\":[{\"type\":"
				+ "\"text\",\"text\":" + q(texts[variant]) + "}],\"stop_reason\":null,\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":0,"
				+ "\"cache_read_input_tokens\":0}},\"type\":\"assistant\",\"isApiErrorMessage\":true" + error
				+ ",\"uuid\":" + q(nextUuid()) + ",\"timestamp\":" + q(tick(1, 30)) + "}");
	}

	private void compaction() throws IOException {
		this.main.write(envelope("system", false) + ",\"subtype\":\"compact_boundary\",\"content\":"
				+ "\"Conversation compacted\",\"compactMetadata\":{\"trigger\":\"auto\",\"preTokens\":155000},"
				+ "\"isMeta\":false,\"uuid\":" + q(nextUuid()) + ",\"timestamp\":" + q(tick(1, 5)) + "}");
		this.main.write(envelope("user", false) + ",\"isCompactSummary\":true,\"message\":{\"role\":\"user\","
				+ "\"content\":" + q(this.text.text(3_000)) + "},\"uuid\":" + q(nextUuid()) + ",\"timestamp\":"
				+ q(tick(1, 2)) + "}");
	}

	private void malformed(int variant) throws IOException {
		switch (variant) {
			case 0 -> this.main.write("{\"parentUuid\":" + q(this.parent)
					+ ",\"isSidechain\":false,\"type\":\"assistant\",\"message\":{\"id\":\"msg_cut\",\"model\":"
					+ "\"claude-sonnet-4-6\",\"usage\":{\"input_tokens\":5,\"outp");
			case 1 -> this.main.write("");
			default -> this.main.write("\"stray non-object line\"");
		}
	}

	String envelope(String type, boolean isSidechain) {
		String version = "2.1.200";
		return "{\"parentUuid\":" + q(this.parent) + ",\"isSidechain\":" + isSidechain
				+ ",\"userType\":\"external\",\"cwd\":" + q(this.cwd) + ",\"sessionId\":" + q(this.sessionId)
				+ ",\"version\":" + q(version) + ",\"gitBranch\":\"main\""
				+ ((type != null) ? ",\"type\":" + q(type) : "");
	}

	String nextUuid() {
		this.parent = uuid();
		return this.parent;
	}

	String uuid() {
		return String.format("00000000-0000-4000-8000-%012x", this.ids.incrementAndGet());
	}

	String tick(int minSeconds, int maxSeconds) {
		this.now = this.now.plusMillis(minSeconds * 1000L + this.random.nextInt((maxSeconds - minSeconds) * 1000 + 1));
		return this.now.toString();
	}

	Instant now() {
		return this.now;
	}

	Random random() {
		return this.random;
	}

	TextSource text() {
		return this.text;
	}

	CorpusLedger ledger() {
		return this.ledger;
	}

	long nextId() {
		return this.ids.incrementAndGet();
	}

	LineSink sink(boolean isSidechain) {
		return isSidechain ? this.sidechain : this.main;
	}

	void rememberResponse(String line) {
		this.lastResponseLine = line;
	}

	static String q(String value) {
		return JsonText.quote(value);
	}

	private static String json(String template, Object... values) {
		return String.format(template, values);
	}

}
