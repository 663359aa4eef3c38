package dev.usagemonitor.transcript.ingest;

/**
 * The result of parsing one transcript line.
 *
 * @param outcome how the line was classified
 * @param usage the usage for {@link LineOutcome#USAGE}, otherwise {@code null}
 */
public record ParsedLine(LineOutcome outcome, UsageLine usage) {

	static final ParsedLine SYNTHETIC = new ParsedLine(LineOutcome.SYNTHETIC, null);

	static final ParsedLine OTHER = new ParsedLine(LineOutcome.OTHER, null);

	static final ParsedLine MALFORMED = new ParsedLine(LineOutcome.MALFORMED, null);

}
