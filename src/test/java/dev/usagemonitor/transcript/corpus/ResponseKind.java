package dev.usagemonitor.transcript.corpus;

/**
 * The kinds of API response the corpus generator writes, one for each assistant-line
 * variant of the sample transcript.
 */
enum ResponseKind {

	/** With {@code requestId}, written as one to three lines with streaming snapshots. */
	STANDARD,
	/** Without {@code requestId} (API proxy), two or three lines. */
	NO_REQUEST_ID,
	/** Opus in fast mode ({@code usage.speed: "fast"}). */
	FAST,
	/** A 1-hour cache write. */
	ONE_HOUR_CACHE,
	/** Server-side web searches. */
	WEB_SEARCH,
	/** An early Claude Code line with a numeric {@code costUSD} and no cache split. */
	LEGACY_COST,
	/** A mid-2025 line with {@code "costUSD":null}. */
	NULL_COST,
	/** A model newer than old price tables, with {@code iterations[].model: null}. */
	NESTED_NULL_MODEL,
	/** A third-party model that is missing from every price table. */
	UNPRICED,
	/** Cache reads above the 200k tier of a tiered model. */
	ABOVE_TIER

}
