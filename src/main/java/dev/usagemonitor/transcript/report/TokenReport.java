package dev.usagemonitor.transcript.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Token usage of one account from Claude Code transcripts, over whole days in the
 * configured time zone.
 *
 * @param zone time zone of the day buckets ({@code monitor.zone})
 * @param from first day, inclusive
 * @param to last day, inclusive
 * @param daily one row per day and model, ordered by date then model
 * @param days one row per day with activity, all models together, oldest first
 * @param models one row per model over the whole period, by model id
 * @param total the whole period
 * @param currentBlock the active 5-hour block, or {@code null} when none is running
 * @param costComplete whether every token in the period has a price; when false the costs
 * are lower bounds
 * @param unpricedModels models without a price in the period
 * @param priceSource where the prices were read from
 */
public record TokenReport(ZoneId zone, LocalDate from, LocalDate to, List<DailyTokens> daily, List<TokenSummary> days,
		List<TokenSummary> models, TokenSummary total, UsageBlock currentBlock, boolean costComplete,
		Set<String> unpricedModels, String priceSource) {

}
