package dev.usagemonitor.deploy;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies JSON Patch (RFC 6902) operations {@code add}, {@code remove}, {@code replace}
 * and {@code test} to a document, as kustomize does for a patch with a target.
 */
final class JsonPatch {

	private JsonPatch() {
	}

	/**
	 * Applies the operations in order.
	 * @throws IllegalStateException when a path does not exist, a {@code test} fails, or
	 * an operation is not supported
	 */
	static void apply(ObjectNode document, JsonNode operations) {
		for (JsonNode operation : operations) {
			apply(document, operation.path("op").asString(), operation.path("path").asString(), operation.get("value"));
		}
	}

	private static void apply(ObjectNode document, String op, String path, JsonNode value) {
		List<String> tokens = tokens(path);
		JsonNode parent = document;
		for (String token : tokens.subList(0, tokens.size() - 1)) {
			parent = child(parent, token, path);
		}
		String last = tokens.get(tokens.size() - 1);
		switch (op) {
			case "test" -> {
				if (!child(parent, last, path).equals(value)) {
					throw new IllegalStateException(
							"JSON patch test failed: " + path + " is " + child(parent, last, path) + ", not " + value);
				}
			}
			case "remove" -> remove(parent, last, path);
			case "replace" -> {
				remove(parent, last, path);
				add(parent, last, value);
			}
			case "add" -> add(parent, last, value);
			default -> throw new IllegalStateException("Unsupported JSON patch operation " + op + " at " + path);
		}
	}

	private static JsonNode child(JsonNode parent, String token, String path) {
		JsonNode child = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
		if (child == null) {
			throw new IllegalStateException("JSON patch path " + path + " does not exist (at " + token + ")");
		}
		return child;
	}

	private static void remove(JsonNode parent, String token, String path) {
		child(parent, token, path);
		if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(token));
		}
		else {
			((ObjectNode) parent).remove(token);
		}
	}

	private static void add(JsonNode parent, String token, JsonNode value) {
		if (parent instanceof ArrayNode array) {
			if (token.equals("-")) {
				array.add(value.deepCopy());
			}
			else {
				array.insert(Integer.parseInt(token), value.deepCopy());
			}
		}
		else {
			((ObjectNode) parent).set(token, value.deepCopy());
		}
	}

	/**
	 * Splits a JSON pointer into its unescaped reference tokens.
	 */
	private static List<String> tokens(String pointer) {
		if (!pointer.startsWith("/")) {
			throw new IllegalStateException("JSON patch path " + pointer + " does not start with /");
		}
		return List.of(pointer.substring(1).split("/", -1))
			.stream()
			.map((token) -> token.replace("~1", "/").replace("~0", "~"))
			.toList();
	}

}
