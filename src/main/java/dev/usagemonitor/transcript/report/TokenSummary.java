package dev.usagemonitor.transcript.report;

/**
 * Token usage summed over a day, a model, a session or a whole report.
 *
 * @param name what was summed: an ISO date, a model id, a session id, or {@code total}
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheCreation5mTokens cache writes with the 5-minute lifetime
 * @param cacheCreation1hTokens cache writes with the 1-hour lifetime
 * @param cacheReadTokens cache reads
 * @param totalTokens the sum of the four kinds
 * @param costUsd cost of the priced responses in USD, or {@code null} when none was
 * priced
 * @param messages number of API responses
 * @param unpricedTokens tokens of responses without a price; when above 0 the cost is
 * incomplete
 */
public record TokenSummary(String name, long inputTokens, long outputTokens, long cacheCreation5mTokens,
		long cacheCreation1hTokens, long cacheReadTokens, long totalTokens, Double costUsd, long messages,
		long unpricedTokens) {

	/**
	 * Tells whether the cost covers every token.
	 */
	public boolean costComplete() {
		return this.unpricedTokens == 0;
	}

	static TokenSummary of(String name, TokenTotals totals) {
		return new TokenSummary(name, totals.inputTokens, totals.outputTokens, totals.cacheWrite5mTokens,
				totals.cacheWrite1hTokens, totals.cacheReadTokens, totals.totalTokens(), totals.costUsd(),
				totals.messages, totals.unpricedTokens);
	}

}
