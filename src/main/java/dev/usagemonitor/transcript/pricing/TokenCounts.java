package dev.usagemonitor.transcript.pricing;

/**
 * Token counts by type, for one response or summed over many.
 *
 * @param input uncached input tokens
 * @param output output tokens
 * @param cacheWrite5m cache writes with the 5-minute lifetime
 * @param cacheWrite1h cache writes with the 1-hour lifetime
 * @param cacheRead cache reads
 */
public record TokenCounts(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) {

	/**
	 * Returns the sum of all counts.
	 */
	public long total() {
		return this.input + this.output + this.cacheWrite5m + this.cacheWrite1h + this.cacheRead;
	}

}
