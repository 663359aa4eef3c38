package dev.usagemonitor.transcript.report;

import dev.usagemonitor.transcript.pricing.TokenCounts;

/**
 * Responses summed by a grouping key (a time bucket or a session) plus model, speed and
 * whether they carried their own cost.
 *
 * @param key the bucket number or the session id
 * @param project project of the group, when grouped by session
 * @param model model id
 * @param fast whether the responses ran in fast mode
 * @param reported whether every response in the group carried its own {@code costUSD}
 * @param reportedCostUsd sum of those costs, 0 when {@code reported} is false
 * @param base token counts up to the tier threshold of each response
 * @param above token counts above the tier threshold of each response
 * @param messages number of responses
 * @param firstAt earliest response, epoch milliseconds
 * @param lastAt latest response, epoch milliseconds
 */
record UsageGroup(String key, String project, String model, boolean fast, boolean reported, double reportedCostUsd,
		TokenCounts base, TokenCounts above, long messages, long firstAt, long lastAt) {

	/**
	 * Returns the token counts, tiers added together.
	 */
	TokenCounts tokens() {
		return new TokenCounts(this.base.input() + this.above.input(), this.base.output() + this.above.output(),
				this.base.cacheWrite5m() + this.above.cacheWrite5m(),
				this.base.cacheWrite1h() + this.above.cacheWrite1h(), this.base.cacheRead() + this.above.cacheRead());
	}

}
