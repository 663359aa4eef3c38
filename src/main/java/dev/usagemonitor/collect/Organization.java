package dev.usagemonitor.collect;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An entry of the claude.ai organization list.
 *
 * @param uuid id used in the usage URL
 * @param name display name, or {@code null}
 * @param capabilities capabilities such as {@code chat}, {@code claude_max},
 * {@code raven}
 */
record Organization(String uuid, String name, List<String> capabilities) {

	/**
	 * Reads the response of {@code GET /api/organizations}: a bare JSON array. Entries
	 * without a uuid are skipped.
	 * @throws CollectionFailedException with {@code format_changed} when the body is not
	 * a JSON array
	 */
	static List<Organization> readAll(JsonMapper json, String body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			root = null;
		}
		if (root == null || !root.isArray()) {
			throw new CollectionFailedException(CollectionStatus.FORMAT_CHANGED, "The claude.ai organization list is "
					+ "not a JSON array, so its format has probably changed; the response is stored for inspection",
					null);
		}
		List<Organization> organizations = new ArrayList<>();
		for (JsonNode entry : root.values()) {
			String uuid = JsonValues.text(entry.path("uuid"));
			if (uuid != null) {
				organizations.add(new Organization(uuid, JsonValues.text(entry.path("name")), capabilities(entry)));
			}
		}
		return organizations;
	}

	private static List<String> capabilities(JsonNode entry) {
		List<String> capabilities = new ArrayList<>();
		for (JsonNode capability : entry.path("capabilities").values()) {
			if (capability.isString()) {
				capabilities.add(capability.stringValue());
			}
		}
		return capabilities;
	}

	boolean isProOrMax() {
		return this.capabilities.contains("claude_max") || this.capabilities.contains("claude_pro");
	}

	/**
	 * Returns the organization as {@code uuid (name)} for messages.
	 */
	String describe() {
		return this.uuid + " (" + ((this.name != null) ? this.name : "no name") + ")";
	}

}
