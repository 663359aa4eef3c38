package dev.usagemonitor.transcript.corpus;

import java.io.IOException;
import java.util.Random;

/**
 * Writes one API response as Claude Code does: one line per content block, all sharing
 * the message id, request id and usage, with small output counts on the early streaming
 * lines and the final count on the last line.
 */
final class ResponseWriter {

	private final SessionWriter session;

	private final ResponseKind kind;

	private final Random random;

	private String model;

	private boolean sidechain;

	private String agentId;

	ResponseWriter(SessionWriter session, ResponseKind kind, String model) {
		this.session = session;
		this.kind = kind;
		this.random = session.random();
		this.model = switch (kind) {
			case FAST -> "claude-opus-4-6";
			case LEGACY_COST -> "claude-3-7-sonnet-20250219";
			case NULL_COST -> "claude-sonnet-4-20250514";
			case NESTED_NULL_MODEL -> "claude-fable-5-1";
			case UNPRICED -> "acme-coder-1";
			case ABOVE_TIER -> "claude-sonnet-4-5-20250929";
			default -> model;
		};
	}

	ResponseWriter sidechain(String agent) {
		this.sidechain = true;
		this.agentId = agent;
		return this;
	}

	void write() throws IOException {
		long input = 1 + this.random.nextInt(3_000);
		long output = 20 + this.random.nextInt(6_000);
		long cacheRead = (this.kind == ResponseKind.ABOVE_TIER) ? 150_000 + this.random.nextInt(250_000)
				: this.random.nextInt(150_000);
		long write1h = (this.kind == ResponseKind.ONE_HOUR_CACHE) ? 500 + this.random.nextInt(8_000) : 0;
		long write5m = (this.random.nextInt(3) == 0) ? 0 : this.random.nextInt(30_000);

		boolean single = this.kind == ResponseKind.LEGACY_COST || this.kind == ResponseKind.NULL_COST;
		int lines = single ? 1
				: (this.kind == ResponseKind.NO_REQUEST_ID) ? 2 + this.random.nextInt(2) : 1 + this.random.nextInt(3);
		String messageId = "msg_" + String.format("%026d", this.session.nextId());
		String requestId = (this.kind == ResponseKind.NO_REQUEST_ID) ? null : "req_" + this.session.nextId();
		Double cost = (this.kind == ResponseKind.LEGACY_COST) ? Math.round(this.random.nextDouble() * 1e4) / 1e5 : null;

		CorpusLedger.Response last = null;
		for (int i = 1; i <= lines; i++) {
			long lineOutput = (i < lines) ? 1 + this.random.nextInt(8) : output;
			last = new CorpusLedger.Response(this.session.now(), this.model, input, lineOutput, write5m, write1h,
					cacheRead, this.kind == ResponseKind.FAST, cost);
			String line = line(messageId, requestId, i, input, lineOutput, write5m, write1h, cacheRead, cost);
			this.session.sink(this.sidechain).write(line);
			if (i < lines && requestId == null) {
				this.session.ledger().addedByCcusage(last);
			}
			if (i == lines && requestId != null && !this.sidechain && this.kind != ResponseKind.NULL_COST
					&& this.kind != ResponseKind.LEGACY_COST) {
				this.session.rememberResponse(line);
			}
		}

		this.session.ledger().counted(last);
		if (this.kind == ResponseKind.NULL_COST) {
			this.session.ledger().droppedByCcusage(last);
		}
	}

	private String line(String messageId, String requestId, int block, long input, long output, long write5m,
			long write1h, long cacheRead, Double cost) {
		String timestamp = this.session.tick(1, 6);
		StringBuilder line = new StringBuilder(512);
		line.append(this.session.envelope(null, this.sidechain)
			.replace("\"version\":\"2.1.200\"", "\"version\":" + SessionWriter.q(version())));
		line.append(",\"message\":{\"id\":").append(SessionWriter.q(messageId));
		line.append(",\"type\":\"message\",\"role\":\"assistant\",\"model\":").append(SessionWriter.q(this.model));
		line.append(",\"content\":[").append(content(block)).append("],\"stop_reason\":null,\"stop_sequence\":null,");
		line.append("\"usage\":").append(usage(input, output, write5m, write1h, cacheRead)).append('}');
		if (requestId != null) {
			line.append(",\"requestId\":").append(SessionWriter.q(requestId));
		}
		line.append(",\"type\":\"assistant\"");
		if (this.kind == ResponseKind.LEGACY_COST) {
			line.append(",\"costUSD\":").append(cost);
		}
		if (this.kind == ResponseKind.NULL_COST) {
			line.append(",\"costUSD\":null");
		}
		if (this.agentId != null) {
			line.append(",\"agentId\":").append(SessionWriter.q(this.agentId));
		}
		line.append(",\"uuid\":").append(SessionWriter.q(this.session.nextUuid()));
		return line.append(",\"timestamp\":").append(SessionWriter.q(timestamp)).append('}').toString();
	}

	private String version() {
		return switch (this.kind) {
			case LEGACY_COST -> "0.2.74";
			case NULL_COST -> "1.0.24";
			default -> "2.1.200";
		};
	}

	private String content(int block) {
		TextSource text = this.session.text();
		return switch (block) {
			case 1 -> "{\"type\":\"thinking\",\"thinking\":"
					+ SessionWriter.q(text.text(200 + this.random.nextInt(3_000))) + ",\"signature\":\"EXAMPLE\"}";
			case 2 ->
				"{\"type\":\"text\",\"text\":" + SessionWriter.q(text.text(50 + this.random.nextInt(4_000))) + "}";
			default -> "{\"type\":\"tool_use\",\"id\":\"toolu_" + this.session.nextId()
					+ "\",\"name\":\"Read\",\"input\":{\"file_path\":\"/home/user/example-project/src/Parser.java\"}}";
		};
	}

	private String usage(long input, long output, long write5m, long write1h, long cacheRead) {
		StringBuilder usage = new StringBuilder(300);
		usage.append("{\"input_tokens\":").append(input);
		usage.append(",\"cache_creation_input_tokens\":").append(write5m + write1h);
		usage.append(",\"cache_read_input_tokens\":").append(cacheRead);
		if (this.kind != ResponseKind.LEGACY_COST && this.kind != ResponseKind.NULL_COST) {
			usage.append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(write5m);
			usage.append(",\"ephemeral_1h_input_tokens\":").append(write1h).append('}');
		}
		usage.append(",\"output_tokens\":").append(output);
		if (this.kind == ResponseKind.WEB_SEARCH) {
			usage.append(",\"server_tool_use\":{\"web_search_requests\":").append(1 + this.random.nextInt(3));
			usage.append(",\"web_fetch_requests\":0}");
		}
		if (this.kind == ResponseKind.NESTED_NULL_MODEL) {
			usage.append(",\"inference_geo\":\"not_available\",\"iterations\":[{\"input_tokens\":").append(input);
			usage.append(",\"output_tokens\":").append(output).append(",\"type\":\"message\",\"model\":null}]");
		}
		if (this.kind == ResponseKind.FAST) {
			usage.append(",\"speed\":\"fast\"");
		}
		if (this.kind != ResponseKind.LEGACY_COST) {
			usage.append(",\"service_tier\":\"standard\"");
		}
		return usage.append('}').toString();
	}

}
