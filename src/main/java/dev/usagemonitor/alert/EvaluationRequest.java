package dev.usagemonitor.alert;

/**
 * The body of {@code POST /evaluateThresholds}: empty, {@code {}} or
 * {@code {"account":"name"}}.
 *
 * @param account the account to evaluate, or {@code null} for every configured account
 */
public record EvaluationRequest(String account) {

}
