package dev.usagemonitor.transcript.pricing;

/**
 * Token prices in USD per million tokens.
 *
 * @param input uncached input
 * @param output output
 * @param cacheWrite5m cache writes with the 5-minute lifetime
 * @param cacheWrite1h cache writes with the 1-hour lifetime
 * @param cacheRead cache reads
 */
public record Rates(double input, double output, double cacheWrite5m, double cacheWrite1h, double cacheRead) {

	/**
	 * Returns the cost in USD of the given token counts.
	 */
	public double cost(TokenCounts tokens) {
		double micro = tokens.input() * this.input + tokens.output() * this.output
				+ tokens.cacheWrite5m() * this.cacheWrite5m + tokens.cacheWrite1h() * this.cacheWrite1h
				+ tokens.cacheRead() * this.cacheRead;
		return micro / 1_000_000d;
	}

	void validate(String model) {
		double[] values = { this.input, this.output, this.cacheWrite5m, this.cacheWrite1h, this.cacheRead };
		for (double value : values) {
			if (!(value >= 0)) {
				throw new PricingException("Invalid price " + value + " for model '" + model
						+ "': every rate must be a number of USD per million tokens, 0 or more");
			}
		}
	}

}
