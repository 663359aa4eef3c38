package dev.usagemonitor.transcript.report;

import java.time.LocalDate;

/**
 * Token usage of one model on one day.
 *
 * @param date the day in the configured time zone ({@code monitor.zone})
 * @param model model id
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheCreationTokens cache writes, both lifetimes
 * @param cacheReadTokens cache reads
 * @param costUsd cost of the priced responses in USD, or {@code null} when none was
 * priced
 * @param messages number of API responses
 * @param unpricedTokens tokens of responses without a price; when above 0 the cost is
 * incomplete
 */
public record DailyTokens(LocalDate date, String model, long inputTokens, long outputTokens, long cacheCreationTokens,
		long cacheReadTokens, Double costUsd, long messages, long unpricedTokens) {

	static DailyTokens of(LocalDate date, String model, TokenTotals totals) {
		return new DailyTokens(date, model, totals.inputTokens, totals.outputTokens, totals.cacheCreationTokens(),
				totals.cacheReadTokens, totals.costUsd(), totals.messages, totals.unpricedTokens);
	}

}
