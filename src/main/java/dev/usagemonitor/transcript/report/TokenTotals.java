package dev.usagemonitor.transcript.report;

import dev.usagemonitor.transcript.pricing.ModelPrice;
import dev.usagemonitor.transcript.pricing.PriceTable;
import dev.usagemonitor.transcript.pricing.TokenCounts;

/**
 * A running sum of tokens and cost. Responses whose model has no price and that carry no
 * {@code costUSD} of their own add to {@link #unpricedTokens} instead of the cost.
 */
final class TokenTotals {

	long inputTokens;

	long outputTokens;

	long cacheWrite5mTokens;

	long cacheWrite1hTokens;

	long cacheReadTokens;

	long messages;

	long unpricedTokens;

	private double costUsd;

	private boolean priced;

	/**
	 * Adds a group, priced with the table.
	 */
	void add(UsageGroup group, PriceTable prices) {
		TokenCounts tokens = group.tokens();
		this.inputTokens += tokens.input();
		this.outputTokens += tokens.output();
		this.cacheWrite5mTokens += tokens.cacheWrite5m();
		this.cacheWrite1hTokens += tokens.cacheWrite1h();
		this.cacheReadTokens += tokens.cacheRead();
		this.messages += group.messages();
		addCost(group, prices, tokens);
	}

	/**
	 * Adds another running sum.
	 */
	void add(TokenTotals other) {
		this.inputTokens += other.inputTokens;
		this.outputTokens += other.outputTokens;
		this.cacheWrite5mTokens += other.cacheWrite5mTokens;
		this.cacheWrite1hTokens += other.cacheWrite1hTokens;
		this.cacheReadTokens += other.cacheReadTokens;
		this.messages += other.messages;
		this.unpricedTokens += other.unpricedTokens;
		this.costUsd += other.costUsd;
		this.priced |= other.priced;
	}

	/**
	 * Returns the cost of the priced responses in USD, or {@code null} when none was
	 * priced, so an unpriced sum never reads as $0.
	 */
	Double costUsd() {
		return this.priced ? this.costUsd : null;
	}

	long cacheCreationTokens() {
		return this.cacheWrite5mTokens + this.cacheWrite1hTokens;
	}

	long totalTokens() {
		return this.inputTokens + this.outputTokens + cacheCreationTokens() + this.cacheReadTokens;
	}

	private void addCost(UsageGroup group, PriceTable prices, TokenCounts tokens) {
		if (group.reported()) {
			this.costUsd += group.reportedCostUsd();
			this.priced = true;
			return;
		}
		ModelPrice price = prices.find(group.model()).orElse(null);
		if (price == null) {
			this.unpricedTokens += tokens.total();
			return;
		}
		this.costUsd += price.cost(group.base(), group.above(), group.fast());
		this.priced = true;
	}

}
