package dev.usagemonitor.transcript.importer;

import java.time.Duration;
import java.util.List;

import dev.usagemonitor.transcript.ingest.IngestResult;

/**
 * The outcome of a local import.
 *
 * @param roots the folders scanned
 * @param filesFound transcript files found
 * @param filesRead files with new bytes, read
 * @param filesUnchanged files skipped because size and modification time are unchanged
 * @param filesFailed files that could not be read
 * @param bytesRead bytes parsed
 * @param lines totals of the files read
 * @param elapsed wall-clock time of the import, without application start-up
 */
public record ImportSummary(List<String> roots, int filesFound, int filesRead, int filesUnchanged, int filesFailed,
		long bytesRead, IngestResult lines, Duration elapsed) {

	/**
	 * Returns a few lines for the terminal.
	 */
	public String describe() {
		double seconds = this.elapsed.toNanos() / 1e9;
		double megabytes = this.bytesRead / 1e6;
		StringBuilder text = new StringBuilder();
		text.append(String.format("Scanned %s%n", String.join(", ", this.roots)));
		text.append(String.format("Files: %d found, %d read, %d unchanged, %d failed%n", this.filesFound,
				this.filesRead, this.filesUnchanged, this.filesFailed));
		text.append(String.format(
				"Read %.1f MB in %.3f s; %d lines, %d responses stored, %d duplicates, "
						+ "%d synthetic, %d malformed%n",
				megabytes, seconds, this.lines.lines(), this.lines.stored(), this.lines.duplicates(),
				this.lines.synthetic(), this.lines.malformed()));
		if (this.lines.unpricedTokens() > 0) {
			text.append(String.format("Unpriced: %d tokens of %s; costs that include them are incomplete%n",
					this.lines.unpricedTokens(), String.join(", ", this.lines.unpricedModels())));
		}
		return text.toString();
	}

}
