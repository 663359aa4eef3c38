package dev.usagemonitor.transcript.report;

import java.time.Instant;
import java.util.List;

/**
 * A 5-hour block as ccusage defines it: it starts at its first response's time floored to
 * the UTC hour and takes every later response until one comes more than 5 hours after the
 * block start or after the previous response. It estimates Anthropic's session window
 * from transcripts only and can be off by an hour or more.
 *
 * @param start block start
 * @param end block start plus 5 hours
 * @param firstAt first response in the block
 * @param lastAt last response in the block
 * @param active whether the block is still running: now is before {@code end} and within
 * 5 hours of the last response
 * @param usage tokens and cost of the block
 * @param models models used, sorted
 * @param burnRate consumption between the first and last response, or {@code null} with
 * fewer than two responses at distinct times
 * @param projected usage at {@code end} if the burn rate holds, for an active block with
 * a burn rate, otherwise {@code null}
 */
public record UsageBlock(Instant start, Instant end, Instant firstAt, Instant lastAt, boolean active,
		TokenSummary usage, List<String> models, BurnRate burnRate, Projection projected) {

	/**
	 * Consumption per unit of time.
	 *
	 * @param tokensPerMinute all tokens (input, output, cache writes and reads) per
	 * minute
	 * @param costUsdPerHour cost of the priced responses per hour, or {@code null} when
	 * none was priced
	 */
	public record BurnRate(double tokensPerMinute, Double costUsdPerHour) {
	}

	/**
	 * Usage expected at the end of the block.
	 *
	 * @param totalTokens projected tokens
	 * @param costUsd projected cost, or {@code null} when none was priced
	 */
	public record Projection(long totalTokens, Double costUsd) {
	}

}
