package dev.usagemonitor.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code knative/overlays/postgresql/}: the base rendered with PostgreSQL instead of the
 * volume claim and with several pods, validated like the base.
 */
class KnativePostgresOverlayTests {

	static final Path OVERLAY = Path.of("knative/overlays/postgresql");

	static final String DATABASE_SECRET = "claude-usage-monitor-database";

	final List<ObjectNode> rendered = Kustomize.render(OVERLAY);

	final ObjectNode service = Kustomize.only(this.rendered, "Service");

	final ObjectNode databaseSecret = Manifests.read(OVERLAY.resolve("database-secret.example.yaml").toString());

	@Test
	void rendersServiceAndPingSourceWithoutClaim() {
		assertThat(this.rendered).extracting((resource) -> resource.path("kind").asString())
			.containsExactlyInAnyOrder("Service", "PingSource");
		assertThat(Manifests.validate(Manifests.SERVICE_SCHEMA, this.service)).isEmpty();
		assertThat(Manifests.validate(Manifests.PING_SOURCE_SCHEMA, Kustomize.only(this.rendered, "PingSource")))
			.isEmpty();
		assertThat(this.rendered).allSatisfy(
				(resource) -> assertThat(resource.at("/metadata/namespace").asString()).isEqualTo("claude-usage"));
	}

	@Test
	void databaseSecretTemplateMatchesSchema() {
		assertThat(Manifests.validate(Manifests.SECRET_SCHEMA, this.databaseSecret)).isEmpty();
		assertThat(this.databaseSecret.at("/metadata/name").asString()).isEqualTo(DATABASE_SECRET);
		assertThat(this.databaseSecret.at("/stringData/url").asString()).startsWith("jdbc:postgresql://");
		assertThat(Kustomize.render(OVERLAY))
			.noneMatch((resource) -> resource.path("kind").asString().equals("Secret"));
	}

	@Test
	void podHasNoVolumeButTmp() {
		JsonNode spec = this.service.at("/spec/template/spec");
		assertThat(spec.path("volumes")).extracting((volume) -> volume.path("name").asString()).containsExactly("tmp");
		assertThat(spec.at("/volumes/0/emptyDir").isObject()).isTrue();
		assertThat(KnativeManifestTests.container(this.service).path("volumeMounts"))
			.extracting((mount) -> mount.path("mountPath").asString())
			.containsExactly("/tmp");
		assertThat(spec.at("/securityContext").has("fsGroup")).isFalse();
		assertThat(spec.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
	}

	@Test
	void datasourceComesFromDatabaseSecret() {
		JsonNode env = KnativeManifestTests.container(this.service).path("env");
		assertThat(env).extracting((variable) -> variable.path("name").asString())
			.containsExactly("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
		for (JsonNode variable : env) {
			assertThat(variable.has("value")).as("plain value of %s", variable).isFalse();
			assertThat(variable.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo(DATABASE_SECRET);
			String key = variable.at("/valueFrom/secretKeyRef/key").asString();
			assertThat(this.databaseSecret.path("stringData").has(key)).as("key %s in the template", key).isTrue();
		}
	}

	@Test
	void secretKeysConfigureDatasource() {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (JsonNode variable : KnativeManifestTests.container(this.service).path("env")) {
			String key = variable.at("/valueFrom/secretKeyRef/key").asString();
			variables.put(variable.path("name").asString(), this.databaseSecret.at("/stringData/" + key).asString());
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		DataSourceProperties datasource = Binder.get(environment)
			.bindOrCreate("spring.datasource", DataSourceProperties.class);
		assertThat(datasource.getUrl()).isEqualTo(this.databaseSecret.at("/stringData/url").asString());
		assertThat(datasource.getUsername()).isEqualTo("usage_monitor");
		assertThat(datasource.getPassword()).startsWith("REPLACE_WITH_");
	}

	@Test
	void severalPodsTakeSeveralRequests() {
		JsonNode annotations = this.service.at("/spec/template/metadata/annotations");
		assertThat(annotations.path("autoscaling.knative.dev/max-scale").isString()).isTrue();
		assertThat(Integer.parseInt(annotations.path("autoscaling.knative.dev/max-scale").asString())).isGreaterThan(1);
		assertThat(annotations.path("autoscaling.knative.dev/min-scale").asString()).isEqualTo("0");
		assertThat(this.service.at("/spec/template/spec/containerConcurrency").asInt()).isGreaterThan(1);
		assertThat(this.service.at("/metadata/annotations").propertyNames())
			.noneMatch((name) -> name.startsWith("autoscaling.knative.dev/"));
	}

	@Test
	void baseKeepsEverythingElse() {
		ObjectNode base = Kustomize.only(Kustomize.render(Path.of("knative")), "Service");
		JsonNode container = KnativeManifestTests.container(this.service);
		JsonNode baseContainer = KnativeManifestTests.container(base);
		for (String field : List.of("image", "ports", "envFrom", "resources", "livenessProbe", "readinessProbe",
				"securityContext")) {
			assertThat(container.path(field)).as(field).isEqualTo(baseContainer.path(field));
		}
		assertThat(this.service.at("/spec/template/spec/timeoutSeconds"))
			.isEqualTo(base.at("/spec/template/spec/timeoutSeconds"));
	}

	@Test
	void volumeRemovalIsGuardedByTest(@TempDir Path copy) throws IOException {
		Path base = copy.resolve("base");
		Path overlay = copy.resolve("overlays/postgresql");
		Files.createDirectories(overlay);
		copyFolder(Path.of("knative/base"), base);
		Files.copy(OVERLAY.resolve("kustomization.yaml"), overlay.resolve("kustomization.yaml"));
		ObjectNode service = Manifests.read(base.resolve("service.yaml").toString());
		ArrayNode volumes = (ArrayNode) service.at("/spec/template/spec/volumes");
		volumes.add(volumes.remove(0));
		Files.writeString(base.resolve("service.yaml"), YAMLMapper.builder().build().writeValueAsString(service));

		assertThatIllegalStateException().isThrownBy(() -> Kustomize.render(overlay))
			.withMessageContaining("test failed: /spec/template/spec/volumes/0/name");
	}

	@Test
	void rendersLikeKubectl() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed");
		Process process = new ProcessBuilder("kubectl", "kustomize", OVERLAY.toString()).redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		List<JsonNode> kubectl = new ArrayList<>();
		YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(output).forEachRemaining((node) -> {
			kubectl.add((JsonNode) node);
		});
		// JsonNode equality ignores the order of fields, which kubectl sorts.
		assertThat(kubectl).containsExactlyInAnyOrderElementsOf(this.rendered);
	}

	private static void copyFolder(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (var files = Files.list(from)) {
			for (Path file : files.toList()) {
				Files.copy(file, to.resolve(file.getFileName()));
			}
		}
	}

}
