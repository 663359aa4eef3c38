package dev.usagemonitor.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Adds the entries of the response's {@code limits[]} list to the windows read from its
 * top-level keys. An entry that describes a window already read (same kind, same scope,
 * same reset instant) is dropped, so each window is stored once.
 */
final class LimitWindows {

	/**
	 * Largest difference between two reset instants that still count as the same: the
	 * response writes each instant with microseconds, so copies can differ in the last
	 * digits.
	 */
	static final Duration SAME_RESET_TOLERANCE = Duration.ofSeconds(1);

	private LimitWindows() {
	}

	/**
	 * Returns the given windows followed by every {@code limits[]} entry that is not a
	 * duplicate of one of them.
	 */
	static List<UsageWindow> merge(List<UsageWindow> topLevel, JsonNode limits) {
		List<UsageWindow> windows = new ArrayList<>(topLevel);
		if (!limits.isArray()) {
			return windows;
		}
		for (JsonNode entry : limits.values()) {
			UsageWindow window = entry.isObject() ? read(entry) : null;
			if (window != null && windows.stream().noneMatch((known) -> sameWindow(known, window))) {
				windows.add(window);
			}
		}
		return windows;
	}

	private static UsageWindow read(JsonNode entry) {
		String kind = JsonValues.text(entry.path("kind"));
		if (kind == null) {
			return null;
		}
		JsonNode model = entry.path("scope").path("model");
		String scope = (JsonValues.text(model.path("display_name")) != null)
				? JsonValues.text(model.path("display_name")) : JsonValues.text(model.path("id"));
		Double percent = JsonValues.number(entry.path("percent"));
		Instant resetsAt = JsonValues.instant(entry.path("resets_at"));
		return switch (kind) {
			case "session" ->
				new UsageWindow("session", WindowKind.SESSION, WindowNames.SESSION_LABEL, percent, resetsAt, null);
			case "weekly_all" ->
				new UsageWindow("weekly_all", WindowKind.WEEKLY, WindowNames.WEEKLY_LABEL, percent, resetsAt, null);
			case "weekly_scoped" -> (scope != null) ? new UsageWindow("weekly_scoped:" + WindowNames.slug(scope),
					WindowKind.WEEKLY_SCOPED, "Weekly (" + scope + ")", percent, resetsAt, null) : null;
			case "spend" ->
				new UsageWindow(SpendWindows.ID, WindowKind.SPEND, WindowNames.EXTRA_USAGE_LABEL, percent, null, null);
			default -> other(kind, scope, percent, resetsAt);
		};
	}

	private static UsageWindow other(String kind, String scope, Double percent, Instant resetsAt) {
		String id = (scope != null) ? kind + ":" + WindowNames.slug(scope) : kind;
		String label = WindowNames.humanize(kind) + ((scope != null) ? " (" + scope + ")" : "");
		return new UsageWindow(id, WindowKind.OTHER, label, percent, resetsAt, null);
	}

	private static boolean sameWindow(UsageWindow known, UsageWindow entry) {
		if (known.kind() != entry.kind()) {
			return false;
		}
		if (entry.kind() == WindowKind.SPEND) {
			return true;
		}
		return Objects.equals(scopeOf(known), scopeOf(entry)) && sameInstant(known.resetsAt(), entry.resetsAt());
	}

	private static String scopeOf(UsageWindow window) {
		if (window.kind() != WindowKind.WEEKLY_SCOPED && window.kind() != WindowKind.OTHER) {
			return null;
		}
		String id = window.id();
		int colon = id.indexOf(':');
		if (colon >= 0) {
			return id.substring(colon + 1);
		}
		return (window.kind() == WindowKind.WEEKLY_SCOPED) ? WindowNames.scopeOf(id) : id;
	}

	private static boolean sameInstant(Instant first, Instant second) {
		if (first == null || second == null) {
			return first == second;
		}
		return Duration.between(first, second).abs().compareTo(SAME_RESET_TOLERANCE) <= 0;
	}

}
