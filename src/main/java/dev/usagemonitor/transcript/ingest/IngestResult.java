package dev.usagemonitor.transcript.ingest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outcome of one ingest: line counts and what was stored.
 *
 * @param lines lines read, including blank and malformed ones
 * @param usageLines assistant lines with usage and a real model
 * @param responses distinct API responses among them
 * @param stored responses inserted, or replaced by a line with more tokens
 * @param duplicates usage lines that stored nothing new: further lines of the same
 * response, or responses already stored
 * @param synthetic lines written by Claude Code itself ({@code <synthetic>} model),
 * skipped
 * @param malformed blank, truncated, unparseable, non-object or over-long lines, skipped
 * @param malformedLineNumbers the first malformed line numbers (1-based); in a sum over
 * several inputs, those of the first input that had any
 * @param unpricedTokens tokens of responses whose model has no price and no
 * {@code costUSD}
 * @param unpricedModels the models of those responses
 * @param consumedBytes bytes of input processed; an unterminated last line that did not
 * parse is excluded when the input may still grow
 */
public record IngestResult(long lines, long usageLines, long responses, long stored, long duplicates, long synthetic,
		long malformed, List<Long> malformedLineNumbers, long unpricedTokens, Set<String> unpricedModels,
		long consumedBytes) {

	/**
	 * Returns the sum of two results, for a summary over several files.
	 */
	public IngestResult plus(IngestResult other) {
		List<Long> numbers = this.malformedLineNumbers.isEmpty() ? other.malformedLineNumbers
				: this.malformedLineNumbers;
		Set<String> models = new TreeSet<>(this.unpricedModels);
		models.addAll(other.unpricedModels);
		return new IngestResult(this.lines + other.lines, this.usageLines + other.usageLines,
				this.responses + other.responses, this.stored + other.stored, this.duplicates + other.duplicates,
				this.synthetic + other.synthetic, this.malformed + other.malformed, numbers,
				this.unpricedTokens + other.unpricedTokens, models, this.consumedBytes + other.consumedBytes);
	}

	/**
	 * Returns an empty result.
	 */
	public static IngestResult empty() {
		return new IngestResult(0, 0, 0, 0, 0, 0, 0, List.of(), 0, Set.of(), 0);
	}

}
