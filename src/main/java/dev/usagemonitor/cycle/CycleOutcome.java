package dev.usagemonitor.cycle;

/**
 * The result of a request for a cycle.
 *
 * @param summaryJson the cycle summary as JSON, exactly as first returned
 * @param replayed {@code true} when the request was a redelivered CloudEvent and no cycle
 * ran
 */
public record CycleOutcome(String summaryJson, boolean replayed) {
}
