package dev.usagemonitor.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.usagemonitor.config.MonitorProperties;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code func.yaml} and {@code knative/} with its SQLite base: schema validation plus the
 * rules a schema cannot express. {@link KnativePostgresOverlayTests} covers the
 * PostgreSQL overlay.
 */
class KnativeManifestTests {

	static final String DATABASE_URL = "jdbc:sqlite:/data/usage.db";

	static final String LIVENESS = "/actuator/health/liveness";

	static final String READINESS = "/actuator/health/readiness";

	final ObjectNode func = Manifests.read("func.yaml");

	final ObjectNode service = Manifests.read("knative/base/service.yaml");

	final ObjectNode pingSource = Manifests.read("knative/base/pingsource.yaml");

	final ObjectNode claim = Manifests.read("knative/base/pvc.yaml");

	final ObjectNode secret = Manifests.read("knative/secret.example.yaml");

	final ObjectNode kustomization = Manifests.read("knative/base/kustomization.yaml");

	@Test
	void funcYamlMatchesSchema() {
		assertThat(Manifests.validate(Manifests.FUNC_SCHEMA, this.func)).isEmpty();
	}

	@Test
	void serviceMatchesSchema() {
		assertThat(Manifests.validate(Manifests.SERVICE_SCHEMA, this.service)).isEmpty();
		assertThat(this.service.path("apiVersion").asString()).isEqualTo("serving.knative.dev/v1");
		assertThat(this.service.path("kind").asString()).isEqualTo("Service");
	}

	@Test
	void pingSourceMatchesSchema() {
		assertThat(Manifests.validate(Manifests.PING_SOURCE_SCHEMA, this.pingSource)).isEmpty();
		assertThat(this.pingSource.path("apiVersion").asString()).isEqualTo("sources.knative.dev/v1");
		assertThat(this.pingSource.path("kind").asString()).isEqualTo("PingSource");
	}

	@Test
	void claimMatchesSchema() {
		assertThat(Manifests.validate(Manifests.PVC_SCHEMA, this.claim)).isEmpty();
	}

	@Test
	void secretTemplateMatchesSchema() {
		assertThat(Manifests.validate(Manifests.SECRET_SCHEMA, this.secret)).isEmpty();
	}

	@Test
	void schemasRejectBrokenManifests() {
		assertRejected(Manifests.FUNC_SCHEMA, this.func, (doc) -> doc.put("invoke", "cloudevents"));
		assertRejected(Manifests.FUNC_SCHEMA, this.func, (doc) -> doc.withObject("run").set("env", doc.arrayNode()));
		assertRejected(Manifests.FUNC_SCHEMA, this.func, (doc) -> doc.remove("created"));
		assertRejected(Manifests.PING_SOURCE_SCHEMA, this.pingSource,
				(doc) -> doc.withObject("spec").put("shedule", "*/10 * * * *"));
		assertRejected(Manifests.SERVICE_SCHEMA, this.service,
				(doc) -> container(doc).set("volumeMount", doc.arrayNode()));
		assertRejected(Manifests.PVC_SCHEMA, this.claim, (doc) -> doc.withObject("spec").put("accessModes", "RWO"));
		assertRejected(Manifests.SECRET_SCHEMA, this.secret, (doc) -> doc.put("stringdata", "x"));
	}

	@Test
	void scaleBoundsSitOnRevisionTemplateAsStrings() {
		JsonNode annotations = this.service.at("/spec/template/metadata/annotations");
		assertThat(annotations.path("autoscaling.knative.dev/min-scale").isString()).isTrue();
		assertThat(annotations.path("autoscaling.knative.dev/min-scale").asString()).isEqualTo("0");
		assertThat(annotations.path("autoscaling.knative.dev/max-scale").isString()).isTrue();
		assertThat(annotations.path("autoscaling.knative.dev/max-scale").asString()).isEqualTo("1");
		assertThat(this.service.at("/spec/template/spec/containerConcurrency").asInt()).isEqualTo(1);
	}

	@Test
	void serviceMetadataHasNoAutoscalingAnnotation() {
		JsonNode annotations = this.service.at("/metadata/annotations");
		assertThat(annotations.propertyNames()).noneMatch((name) -> name.startsWith("autoscaling.knative.dev/"));
	}

	@Test
	void funcYamlScalesWithOptionsNotAnnotations() {
		assertThat(this.func.at("/deploy/options/scale/min").asInt(-1)).isZero();
		assertThat(this.func.at("/deploy/options/scale/max").asInt()).isEqualTo(1);
		assertThat(this.func.at("/deploy/options/resources/limits/concurrency").asInt()).isEqualTo(1);
		assertThat(this.func.at("/deploy/annotations").propertyNames())
			.noneMatch((name) -> name.startsWith("autoscaling.knative.dev/"));
		assertThat(this.func.path("invoke").asString()).isEqualTo("http");
		assertThat(this.func.path("specVersion").asString()).isEqualTo("0.36.0");
		assertThat(this.func.path("runtime").asString()).isEqualTo("springboot");
	}

	@Test
	void probesUseActuatorPaths() {
		JsonNode container = container(this.service);
		assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo(LIVENESS);
		assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo(READINESS);
		assertThat(this.func.at("/deploy/healthEndpoints/liveness").asString()).isEqualTo(LIVENESS);
		assertThat(this.func.at("/deploy/healthEndpoints/readiness").asString()).isEqualTo(READINESS);
	}

	@Test
	void serviceDatabaseLivesOnClaim() {
		JsonNode spec = this.service.at("/spec/template/spec");
		assertThat(env(container(this.service), "SPRING_DATASOURCE_URL")).isEqualTo(DATABASE_URL);
		JsonNode mount = mountHolding(container(this.service).path("volumeMounts"), "/data/usage.db");
		assertThat(mount.path("readOnly").asBoolean(false)).isFalse();
		JsonNode volume = named(spec.path("volumes"), mount.path("name").asString());
		assertThat(volume.at("/persistentVolumeClaim/claimName").asString()).isEqualTo(claimName());
		assertThat(volume.at("/persistentVolumeClaim/readOnly").asBoolean(false)).isFalse();
	}

	@Test
	void funcDatabaseLivesOnClaim() {
		assertThat(env(this.func.at("/run"), "SPRING_DATASOURCE_URL")).isEqualTo(DATABASE_URL);
		JsonNode volume = mountHolding(this.func.at("/run/volumes"), "/data/usage.db");
		assertThat(volume.at("/persistentVolumeClaim/claimName").asString()).isEqualTo(claimName());
		assertThat(volume.at("/persistentVolumeClaim/readOnly").asBoolean(false)).isFalse();
	}

	@Test
	void claimIsReadWriteOnceGibibyte() {
		assertThat(this.claim.at("/spec/accessModes").get(0).asString()).isEqualTo("ReadWriteOnce");
		assertThat(this.claim.at("/spec/accessModes")).hasSize(1);
		assertThat(this.claim.at("/spec/resources/requests/storage").asString()).isEqualTo("1Gi");
	}

	@Test
	void secretNamesAreConsistent() {
		String secretName = this.secret.at("/metadata/name").asString();
		assertThat(container(this.service).at("/envFrom/0/secretRef/name").asString()).isEqualTo(secretName);
		List<String[]> references = secretReferences(this.func);
		assertThat(references).isNotEmpty();
		for (String[] reference : references) {
			assertThat(reference[0]).as("secret named in func.yaml").isEqualTo(secretName);
			assertThat(this.secret.path("stringData").has(reference[1]))
				.as("key %s in the Secret template", reference[1])
				.isTrue();
		}
	}

	@Test
	void secretTemplateKeysConfigureAccount() {
		Map<String, Object> variables = new JsonMapper().convertValue(this.secret.path("stringData"), Map.class);
		StandardEnvironment environment = new StandardEnvironment();
		// Only a source named systemEnvironment gets the MONITOR_ACCOUNTS_0_NAME naming
		// rules.
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		MonitorProperties monitor = Binder.get(environment).bindOrCreate("monitor", MonitorProperties.class);
		assertThat(monitor.accounts()).hasSize(1);
		assertThat(monitor.accounts().get(0).name()).isEqualTo("personal");
		assertThat(monitor.accounts().get(0).source()).isEqualTo("claude-web");
		assertThat(monitor.accounts().get(0).sessionKey()).startsWith("REPLACE_WITH_");
	}

	@Test
	void pingSourceTargetsCycleEndpoint() {
		JsonNode sink = this.pingSource.at("/spec/sink");
		assertThat(sink.at("/ref/apiVersion").asString()).isEqualTo(this.service.path("apiVersion").asString());
		assertThat(sink.at("/ref/kind").asString()).isEqualTo("Service");
		assertThat(sink.at("/ref/name").asString()).isEqualTo(this.service.at("/metadata/name").asString());
		assertThat(sink.path("uri").asString()).isEqualTo("/");
	}

	@Test
	void pingSourceSendsJsonObject() {
		JsonNode spec = this.pingSource.path("spec");
		assertThat(spec.path("contentType").asString()).isEqualTo("application/json");
		assertThat(new JsonMapper().readTree(spec.path("data").asString()).isObject()).isTrue();
		assertThat(ZoneId.of(spec.path("timezone").asString())).isNotNull();
	}

	@Test
	void pingScheduleMatchesCycleInterval() {
		String schedule = this.pingSource.at("/spec/schedule").asString();
		assertThat(Cron.isValidFiveField(schedule)).isTrue();
		MonitorProperties defaults = Binder.get(new StandardEnvironment())
			.bindOrCreate("monitor", Bindable.of(MonitorProperties.class));
		assertThat(schedule).isEqualTo("*/" + defaults.cycleInterval().toMinutes() + " * * * *");
	}

	@Test
	void podRunsAsNonRoot() {
		JsonNode pod = this.service.at("/spec/template/spec/securityContext");
		assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
		assertThat(pod.path("fsGroup").asInt()).isPositive();
		String user = Dockerfiles.arguments(Manifests.text("Dockerfile"), "USER").get(0);
		assertThat(user).isEqualTo(pod.path("runAsUser").asInt() + ":" + pod.path("runAsGroup").asInt());
		assertThat(container(this.service).at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
	}

	@Test
	void containerPortMatchesImage() {
		List<String> exposed = Dockerfiles.arguments(Manifests.text("Dockerfile"), "EXPOSE");
		assertThat(exposed).containsExactly(container(this.service).at("/ports/0/containerPort").asString());
	}

	@Test
	void requestTimeoutExceedsShutdownPhase() {
		String phase = Manifests.applicationProperties().getProperty("spring.lifecycle.timeout-per-shutdown-phase");
		Duration shutdown = DurationStyle.detectAndParse(phase);
		long timeoutSeconds = this.service.at("/spec/template/spec/timeoutSeconds").asLong();
		assertThat(Duration.ofSeconds(timeoutSeconds)).isGreaterThan(shutdown);
		assertThat(timeoutSeconds).isLessThanOrEqualTo(600);
	}

	@Test
	void memoryLimitsAgree() {
		assertThat(container(this.service).at("/resources/limits/memory").asString()).isEqualTo("384Mi");
		assertThat(this.func.at("/deploy/options/resources/limits/memory").asString()).isEqualTo("384Mi");
	}

	@Test
	void kustomizationAppliesAllButSecret() {
		List<String> resources = new ArrayList<>();
		this.kustomization.path("resources").forEach((resource) -> resources.add(resource.asString()));
		assertThat(resources).containsExactlyInAnyOrder("pvc.yaml", "service.yaml", "pingsource.yaml");
		assertThat(resources).allMatch((resource) -> Files.isRegularFile(Path.of("knative/base", resource)));
		assertThat(this.kustomization.path("namespace").asString()).isEqualTo(this.func.path("namespace").asString());
		assertThat(this.kustomization.at("/images/0/name").asString())
			.isEqualTo(container(this.service).path("image").asString());
	}

	@Test
	void topKustomizationRendersBase() {
		List<ObjectNode> rendered = Kustomize.render(Path.of("knative"));
		assertThat(rendered).extracting((resource) -> resource.path("kind").asString())
			.containsExactlyInAnyOrder("PersistentVolumeClaim", "Service", "PingSource");
		ObjectNode service = Kustomize.only(rendered, "Service");
		assertThat(service.at("/metadata/namespace").asString()).isEqualTo(this.func.path("namespace").asString());
		assertThat(container(service).path("image").asString()).isEqualTo("ghcr.io/example/claude-usage-monitor:0.1.0");
		assertThat(env(container(service), "SPRING_DATASOURCE_URL")).isEqualTo(DATABASE_URL);
	}

	@Test
	void serviceNameMatchesFunction() {
		assertThat(this.service.at("/metadata/name").asString()).isEqualTo(this.func.path("name").asString());
	}

	private String claimName() {
		return this.claim.at("/metadata/name").asString();
	}

	static ObjectNode container(JsonNode service) {
		return (ObjectNode) service.at("/spec/template/spec/containers/0");
	}

	/**
	 * Returns the value of an environment variable from a container or a func.yaml run
	 * section.
	 */
	static String env(JsonNode holder, String name) {
		JsonNode list = holder.has("envs") ? holder.path("envs") : holder.path("env");
		return named(list, name).path("value").asString();
	}

	static JsonNode named(JsonNode list, String name) {
		for (JsonNode item : list) {
			if (item.path("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("Nothing named " + name + " in " + list);
	}

	/**
	 * Returns the mount (Kubernetes {@code mountPath} or func {@code path}) whose folder
	 * contains the file.
	 */
	static JsonNode mountHolding(JsonNode mounts, String file) {
		for (JsonNode mount : mounts) {
			String path = mount.has("mountPath") ? mount.path("mountPath").asString() : mount.path("path").asString();
			if (Path.of(file).startsWith(Path.of(path))) {
				return mount;
			}
		}
		throw new AssertionError("No volume mount contains " + file + " in " + mounts);
	}

	/**
	 * Returns the {@code [secret, key]} pairs of the {@code {{ secret:NAME:KEY }}} values
	 * in func.yaml.
	 */
	static List<String[]> secretReferences(JsonNode func) {
		Pattern reference = Pattern.compile("\\{\\{\\s*secret:([^:}\\s]+):([^:}\\s]+)\\s*}}");
		List<String[]> references = new ArrayList<>();
		for (JsonNode env : func.at("/run/envs")) {
			Matcher matcher = reference.matcher(env.path("value").asString());
			if (matcher.matches()) {
				references.add(new String[] { matcher.group(1), matcher.group(2) });
			}
		}
		return references;
	}

	private static void assertRejected(String schema, ObjectNode valid, Consumer<ObjectNode> breakIt) {
		ObjectNode broken = valid.deepCopy();
		breakIt.accept(broken);
		assertThat(Manifests.validate(schema, broken)).as("errors for a broken copy validated by %s", schema)
			.isNotEmpty();
	}

}
