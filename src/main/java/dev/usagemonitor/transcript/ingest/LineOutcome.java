package dev.usagemonitor.transcript.ingest;

/**
 * Classification of one transcript line by the parser.
 */
public enum LineOutcome {

	/** An assistant line with usage and a real model. */
	USAGE,
	/** A line written by Claude Code itself ({@code "model":"<synthetic>"}). */
	SYNTHETIC,
	/** A well-formed line without token usage (user, system, summary, unknown types). */
	OTHER,
	/** A blank, truncated, unparseable or non-object line, or one that is too long. */
	MALFORMED

}
