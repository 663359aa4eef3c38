package dev.usagemonitor.alert;

import java.time.Instant;
import java.util.List;

/**
 * The response body of {@code POST /evaluateThresholds}.
 *
 * @param cycleId cycle id stored with the events
 * @param evaluatedAt evaluation instant
 * @param accounts the accounts evaluated
 * @param events the events produced, in order
 */
public record EvaluationResult(String cycleId, Instant evaluatedAt, List<String> accounts, List<AlertEvent> events) {

}
