package dev.usagemonitor.transcript.ingest;

/**
 * The token usage of one transcript line that carries an API response. Token counts are
 * never negative; a missing count is 0.
 *
 * @param messageId the response's {@code message.id}
 * @param requestId the line's {@code requestId}, or {@code null} when missing (API
 * proxies, some sub-agent paths)
 * @param occurredAt the line's timestamp, epoch milliseconds
 * @param sessionId the Claude Code session id, or {@code null}
 * @param model the top-level {@code message.model}
 * @param sidechain whether the line belongs to a sub-agent or side question
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheWrite5mTokens cache writes with the 5-minute lifetime, including writes
 * whose lifetime the line does not state
 * @param cacheWrite1hTokens cache writes with the 1-hour lifetime
 * @param cacheReadTokens cache reads
 * @param webSearchRequests server-side web searches
 * @param speed {@code usage.speed} ({@code standard} or {@code fast}), or {@code null}
 * @param reportedCostUsd the line's own {@code costUSD}, or {@code null} when null or
 * absent
 */
public record UsageLine(String messageId, String requestId, long occurredAt, String sessionId, String model,
		boolean sidechain, long inputTokens, long outputTokens, long cacheWrite5mTokens, long cacheWrite1hTokens,
		long cacheReadTokens, int webSearchRequests, String speed, Double reportedCostUsd) {

	/**
	 * Returns the key that identifies one API response: message id and request id, or the
	 * message id alone when the request id is missing.
	 */
	public String dedupKey() {
		return (this.requestId != null) ? this.messageId + ":" + this.requestId : this.messageId;
	}

	/**
	 * Returns the sum of all token counts, used to pick the final line of a response
	 * written as several lines.
	 */
	public long totalTokens() {
		return this.inputTokens + this.outputTokens + this.cacheWrite5mTokens + this.cacheWrite1hTokens
				+ this.cacheReadTokens;
	}

}
