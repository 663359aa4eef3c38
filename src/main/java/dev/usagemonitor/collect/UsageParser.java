package dev.usagemonitor.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads the usage object that claude.ai and the OAuth usage endpoint return. Windows are
 * data: every top-level object with a {@code utilization} field is a window, whatever its
 * key, every {@code limits[]} entry is one unless it repeats a top-level window, and
 * extra-usage spend is one. Unknown keys are ignored. A missing or {@code null} window is
 * left out, never stored as 0 %.
 */
@Component
public class UsageParser {

	private static final Set<String> KNOWN_KEYS = Set.of(WindowNames.SESSION_KEY, WindowNames.WEEKLY_KEY, "limits",
			"extra_usage", "spend");

	private final JsonMapper json;

	public UsageParser(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Returns the windows of a usage response: top-level windows in response order, then
	 * spend, then the {@code limits[]} entries that repeat none of them.
	 * @throws CollectionFailedException with {@code format_changed} when the body is not
	 * a JSON object or contains none of the known fields
	 */
	public List<UsageWindow> parse(String body) {
		JsonNode root = readObject(body);
		List<UsageWindow> windows = new ArrayList<>();
		boolean knownFieldSeen = false;
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			String key = field.getKey();
			JsonNode value = field.getValue();
			knownFieldSeen |= KNOWN_KEYS.contains(key) || key.startsWith(WindowNames.WEEKLY_SCOPED_PREFIX);
			if (value.isObject() && value.has("utilization") && !isSpendKey(key)) {
				windows.add(topLevel(key, value));
				knownFieldSeen = true;
			}
		}
		if (!knownFieldSeen) {
			throw formatChanged("contained none of the known usage fields");
		}
		UsageWindow spend = SpendWindows.read(root);
		if (spend != null) {
			windows.add(spend);
		}
		return List.copyOf(LimitWindows.merge(windows, root.path("limits")));
	}

	private JsonNode readObject(String body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw formatChanged("is not valid JSON");
		}
		if (root == null || !root.isObject()) {
			throw formatChanged("is not a JSON object");
		}
		return root;
	}

	private static UsageWindow topLevel(String key, JsonNode value) {
		return new UsageWindow(key, WindowNames.kindOf(key), WindowNames.labelOf(key),
				JsonValues.number(value.path("utilization")), JsonValues.instant(value.path("resets_at")), null);
	}

	private static boolean isSpendKey(String key) {
		return "extra_usage".equals(key) || "spend".equals(key);
	}

	private static CollectionFailedException formatChanged(String problem) {
		return new CollectionFailedException(CollectionStatus.FORMAT_CHANGED, "The usage response " + problem
				+ ", so its format has probably changed; the raw response is stored for re-parsing after an update",
				null);
	}

}
