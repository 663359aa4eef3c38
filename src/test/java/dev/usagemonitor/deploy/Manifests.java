package dev.usagemonitor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the deployment files of the repository and validates them against the JSON
 * schemas under {@code src/test/resources/schemas}.
 */
final class Manifests {

	/**
	 * Dialect id of the Kubernetes schemas (yannh/kubernetes-json-schema). The validator
	 * cannot load it offline, so it is registered as Draft 4, which those schemas follow.
	 */
	static final String KUBERNETES_DIALECT = "http://json-schema.org/schema#";

	static final String FUNC_SCHEMA = "knative-func/func_yaml-schema.json";

	static final String SERVICE_SCHEMA = "knative-crds-catalog/serving.knative.dev/service_v1.json";

	static final String PING_SOURCE_SCHEMA = "knative-crds-catalog/sources.knative.dev/pingsource_v1.json";

	static final String PVC_SCHEMA = "kubernetes/master-standalone-strict/persistentvolumeclaim-v1.json";

	static final String SECRET_SCHEMA = "kubernetes/master-standalone-strict/secret-v1.json";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	// Schemas without $schema (the Knative CRD catalog) are read as Draft 7.
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialects(
			List.of(Dialects.getDraft4(), Dialects.getDraft7(),
					Dialect.builder(KUBERNETES_DIALECT, Dialects.getDraft4()).build()),
			(builder) -> builder.defaultDialectId(Dialects.getDraft7().getId()));

	private Manifests() {
	}

	/**
	 * Reads a YAML file of the repository, for example {@code knative/base/service.yaml}.
	 */
	static ObjectNode read(String path) {
		return (ObjectNode) YAML.readTree(text(path));
	}

	/**
	 * Returns a file of the repository as text.
	 */
	static String text(String path) {
		try {
			return Files.readString(Path.of(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path + "; tests run from the project folder", ex);
		}
	}

	/**
	 * Reads {@code src/main/resources/application.properties}.
	 */
	static Properties applicationProperties() {
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/**
	 * Validates a document against a schema under {@code src/test/resources/schemas} and
	 * returns the errors as readable lines.
	 */
	static List<String> validate(String schema, JsonNode document) {
		Schema loaded = SCHEMAS.getSchema(SchemaLocation.of("classpath:schemas/" + schema));
		List<String> errors = new ArrayList<>();
		for (Error error : loaded.validate(document)) {
			errors.add(error.toString());
		}
		return errors;
	}

}
