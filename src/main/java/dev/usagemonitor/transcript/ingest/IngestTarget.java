package dev.usagemonitor.transcript.ingest;

/**
 * Where ingested responses belong.
 *
 * @param accountId account row id
 * @param project project name stored with every response (for a local import: the
 * transcript folder name, which encodes the working directory)
 * @param fallbackSessionId session id for lines without {@code sessionId}, or
 * {@code null}
 */
public record IngestTarget(long accountId, String project, String fallbackSessionId) {
}
