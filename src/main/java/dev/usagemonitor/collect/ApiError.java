package dev.usagemonitor.collect;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readable parts of a JSON error response. Anthropic errors look like
 * {@code {"type":"error","error":{"type":…,"message":…,"details":{"error_code":…}}}},
 * sometimes without the outer {@code type}; OAuth token errors look like
 * {@code {"error":"invalid_grant","error_description":…}}. Every part may be missing.
 *
 * @param type {@code error.type}, or the OAuth {@code error} code
 * @param message {@code error.message}, or the OAuth {@code error_description}
 * @param code {@code error.details.error_code}
 */
record ApiError(String type, String message, String code) {

	static final ApiError NONE = new ApiError(null, null, null);

	/**
	 * Reads an error body, returning {@link #NONE} when the body is not a JSON object.
	 */
	static ApiError read(JsonMapper json, String body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException ex) {
			return NONE;
		}
		if (root == null || !root.isObject()) {
			return NONE;
		}
		JsonNode error = root.path("error");
		if (error.isString()) {
			return new ApiError(error.stringValue(), text(root.path("error_description")), null);
		}
		return new ApiError(text(error.path("type")), text(error.path("message")),
				text(error.path("details").path("error_code")));
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

}
