package dev.usagemonitor.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a kustomization folder as {@code kubectl kustomize} does, for the features the
 * manifests use: {@code resources} (files and folders), {@code namespace}, {@code images}
 * ({@code newName} and {@code newTag}) and {@code patches} given inline, either as a JSON
 * patch with a {@code target} or as a document with {@code $patch: delete}. Any other
 * field fails the test, so that no feature is skipped without notice.
 */
final class Kustomize {

	static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images",
			"patches");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private Kustomize() {
	}

	/**
	 * Returns the resources the kustomization in {@code folder} renders, in order.
	 */
	static List<ObjectNode> render(Path folder) {
		ObjectNode kustomization = (ObjectNode) YAML
			.readTree(Manifests.text(folder.resolve("kustomization.yaml").toString()));
		assertThat(kustomization.propertyNames()).as("fields of %s/kustomization.yaml", folder)
			.isSubsetOf(KUSTOMIZATION_FIELDS);
		List<ObjectNode> resources = new ArrayList<>();
		for (JsonNode entry : kustomization.path("resources")) {
			Path resource = folder.resolve(entry.asString()).normalize();
			if (Files.isDirectory(resource)) {
				resources.addAll(render(resource));
			}
			else {
				resources.add(Manifests.read(resource.toString()));
			}
		}
		for (JsonNode patch : kustomization.path("patches")) {
			patch(resources, patch);
		}
		if (kustomization.has("namespace")) {
			resources.forEach((resource) -> resource.withObject("metadata")
				.put("namespace", kustomization.path("namespace").asString()));
		}
		for (JsonNode image : kustomization.path("images")) {
			resources.forEach((resource) -> setImage(resource, image));
		}
		return resources;
	}

	/**
	 * Returns the one rendered resource of a kind.
	 */
	static ObjectNode only(List<ObjectNode> resources, String kind) {
		List<ObjectNode> matching = resources.stream()
			.filter((resource) -> resource.path("kind").asString().equals(kind))
			.toList();
		assertThat(matching).as("rendered resources of kind %s", kind).hasSize(1);
		return matching.get(0);
	}

	private static void patch(List<ObjectNode> resources, JsonNode patch) {
		assertThat(patch.propertyNames()).as("fields of a patch").isSubsetOf("patch", "target");
		JsonNode document = YAML.readTree(patch.path("patch").asString());
		if (document.isArray()) {
			List<ObjectNode> targets = resources.stream()
				.filter((resource) -> matches(resource, patch.path("target")))
				.toList();
			assertThat(targets).as("resources matching the target %s", patch.path("target")).hasSize(1);
			JsonPatch.apply(targets.get(0), document);
			return;
		}
		assertThat(document.path("$patch").asString()).as("kind of patch %s", document).isEqualTo("delete");
		boolean removed = resources.removeIf((resource) -> sameResource(resource, document));
		assertThat(removed).as("a resource deleted by %s", document).isTrue();
	}

	private static boolean matches(ObjectNode resource, JsonNode target) {
		assertThat(target.propertyNames()).as("fields of a patch target")
			.isSubsetOf("group", "version", "kind", "name");
		String apiVersion = target.has("group")
				? target.path("group").asString() + "/" + target.path("version").asString()
				: target.path("version").asString();
		return resource.path("kind").asString().equals(target.path("kind").asString())
				&& resource.at("/metadata/name").asString().equals(target.path("name").asString())
				&& (!target.has("version") || resource.path("apiVersion").asString().equals(apiVersion));
	}

	private static boolean sameResource(JsonNode resource, JsonNode reference) {
		return resource.path("apiVersion").equals(reference.path("apiVersion"))
				&& resource.path("kind").equals(reference.path("kind"))
				&& resource.at("/metadata/name").equals(reference.at("/metadata/name"));
	}

	private static void setImage(ObjectNode resource, JsonNode image) {
		for (JsonNode container : resource.at("/spec/template/spec/containers")) {
			if (container.path("image").asString().equals(image.path("name").asString())) {
				((ObjectNode) container).put("image",
						image.path("newName").asString() + ":" + image.path("newTag").asString());
			}
		}
	}

}
