package dev.usagemonitor.transcript.pricing;

/**
 * The prices of one model.
 *
 * @param rates prices of every token
 * @param above200k prices of the tokens of each type above the first 200,000 in one
 * request, or {@code null} when the model has no such tier
 * @param fastMultiplier factor applied to the whole cost of a response with
 * {@code speed: "fast"} (1 when the model has no fast-mode price)
 */
public record ModelPrice(Rates rates, Rates above200k, double fastMultiplier) {

	/** The per-request token count above which {@link #above200k} applies, per type. */
	public static final long TIER_THRESHOLD = 200_000;

	/**
	 * Returns the cost in USD of token counts split at the tier threshold: {@code base}
	 * holds the tokens up to the threshold of each request, {@code above} the rest.
	 */
	public double cost(TokenCounts base, TokenCounts above, boolean fast) {
		double cost = this.rates.cost(base) + ((this.above200k != null) ? this.above200k : this.rates).cost(above);
		return fast ? cost * this.fastMultiplier : cost;
	}

	/**
	 * Returns the cost in USD of one response.
	 */
	public double cost(TokenCounts tokens, boolean fast) {
		return cost(below(tokens), above(tokens), fast);
	}

	private static TokenCounts below(TokenCounts t) {
		return new TokenCounts(Math.min(t.input(), TIER_THRESHOLD), Math.min(t.output(), TIER_THRESHOLD),
				Math.min(t.cacheWrite5m(), TIER_THRESHOLD), Math.min(t.cacheWrite1h(), TIER_THRESHOLD),
				Math.min(t.cacheRead(), TIER_THRESHOLD));
	}

	private static TokenCounts above(TokenCounts t) {
		return new TokenCounts(excess(t.input()), excess(t.output()), excess(t.cacheWrite5m()),
				excess(t.cacheWrite1h()), excess(t.cacheRead()));
	}

	private static long excess(long count) {
		return Math.max(0, count - TIER_THRESHOLD);
	}

}
