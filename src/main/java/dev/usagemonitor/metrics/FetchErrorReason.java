package dev.usagemonitor.metrics;

import java.util.Map;

/**
 * Groups collection statuses into the few {@code reason} label values of
 * {@code claude_usage_fetch_errors_total}, so the label stays low-cardinality.
 */
final class FetchErrorReason {

	private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("session_expired", "auth"),
			Map.entry("token_expired", "auth"), Map.entry("token_refresh_failed", "auth"),
			Map.entry("scope_missing", "auth"), Map.entry("organization_forbidden", "auth"),
			Map.entry("cloudflare_challenge", "cloudflare"), Map.entry("rate_limited", "rate_limited"),
			Map.entry("network_error", "network"), Map.entry("server_error", "server"),
			Map.entry("format_changed", "schema"), Map.entry("organization_ambiguous", "config"),
			Map.entry("not_configured", "config"));

	private FetchErrorReason() {
	}

	/**
	 * Returns the reason of a failed status, {@code other} for a status this version does
	 * not know.
	 */
	static String of(String status) {
		return REASONS.getOrDefault(status, "other");
	}

}
