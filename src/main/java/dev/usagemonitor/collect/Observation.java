package dev.usagemonitor.collect;

import java.time.Instant;

/**
 * A stored window observation.
 *
 * @param id row id
 * @param accountId account row id
 * @param runId collection run that produced it, or {@code null} for pushed observations
 * @param window the observed window
 * @param observedAt when it was observed
 * @param source where it came from: {@code claude-web}, {@code oauth} or
 * {@code statusline}
 */
public record Observation(long id, long accountId, Long runId, UsageWindow window, Instant observedAt, String source) {

}
