package dev.usagemonitor.deploy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.usagemonitor.config.MonitorProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openfaas/stack.yml} and {@code openfaas/Dockerfile}. faas-cli ignores unknown
 * keys and no schema exists, so the keys are checked here.
 */
class OpenFaasStackTests {

	static final String FUNCTION = "claude-usage-monitor";

	static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "provider", "functions", "configuration");

	static final Set<String> FUNCTION_KEYS = Set.of("lang", "handler", "image", "fprocess", "environment",
			"environment_file", "secrets", "skip_build", "constraints", "labels", "annotations", "limits", "requests",
			"readonly_root_filesystem", "build_options", "build_args", "build_secrets", "platforms", "namespace");

	/** Kubernetes DNS-1123 subdomain, the rule faas-cli applies to secret names. */
	static final String SECRET_NAME = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

	final ObjectNode stack = Manifests.read("openfaas/stack.yml");

	final JsonNode function = this.stack.at("/functions/" + FUNCTION);

	final Map<String, String> watchdog = Dockerfiles.environment(Manifests.text("openfaas/Dockerfile"));

	@Test
	void stackHasRequiredFields() {
		assertThat(this.stack.propertyNames()).isSubsetOf(TOP_LEVEL_KEYS);
		assertThat(this.stack.path("version").asString()).isEqualTo("1.0");
		assertThat(this.stack.at("/provider/name").asString()).isEqualTo("openfaas");
		assertThat(this.stack.path("functions").propertyNames()).containsExactly(FUNCTION);
		assertThat(this.function.propertyNames()).isSubsetOf(FUNCTION_KEYS);
		assertThat(this.function.path("lang").asString()).isEqualTo("dockerfile");
		assertThat(this.function.path("image").asString()).isNotBlank();
	}

	@Test
	void handlerFolderHoldsDockerfile() {
		Path handler = Path.of("openfaas").resolve(this.function.path("handler").asString());
		assertThat(handler.resolve("Dockerfile")).isRegularFile();
	}

	@Test
	void cronAnnotationsAreValid() {
		JsonNode annotations = this.function.path("annotations");
		assertThat(annotations.path("topic").asString()).isEqualTo("cron-function");
		String schedule = annotations.path("schedule").asString();
		assertThat(Cron.isValidFiveField(schedule)).as("five-field cron '%s'", schedule).isTrue();
		assertThat(schedule).isEqualTo(Manifests.read("knative/base/pingsource.yaml").at("/spec/schedule").asString());
	}

	@Test
	void cronCheckRejectsInvalidExpressions() {
		assertThat(Cron.isValidFiveField("*/10 * * * *")).isTrue();
		assertThat(Cron.isValidFiveField("0 */10 * * * *")).isFalse();
		assertThat(Cron.isValidFiveField("*/10 * * *")).isFalse();
		assertThat(Cron.isValidFiveField("61 * * * *")).isFalse();
		assertThat(Cron.isValidFiveField("@every 10m")).isFalse();
	}

	@Test
	void secretsAreValidNamesListedInReadme() {
		String readme = Manifests.text("README.md");
		assertThat(readme).contains("\n## Deploy on OpenFaaS\n");
		String section = readme.substring(readme.indexOf("\n## Deploy on OpenFaaS\n"));
		List<String> secrets = secrets();
		assertThat(secrets).isNotEmpty();
		for (String secret : secrets) {
			assertThat(secret).matches(SECRET_NAME);
			assertThat(section).as("README section Deploy on OpenFaaS").contains("faas-cli secret create " + secret);
		}
	}

	@Test
	void secretsBindAsProperties(@TempDir Path folder) throws Exception {
		for (String secret : secrets()) {
			Files.writeString(folder.resolve(secret), "value-of-" + secret + "\n");
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new ConfigTreePropertySource("secrets", folder,
					ConfigTreePropertySource.Option.AUTO_TRIM_TRAILING_NEW_LINE));
		ConfigurationPropertySources.attach(environment);
		MonitorProperties monitor = Binder.get(environment).bindOrCreate("monitor", MonitorProperties.class);
		assertThat(monitor.accounts()).hasSize(1);
		assertThat(monitor.accounts().get(0).name()).isEqualTo("value-of-monitor.accounts.0.name");
		assertThat(monitor.accounts().get(0).sessionKey()).isEqualTo("value-of-monitor.accounts.0.session-key");
		assertThat(environment.getProperty("spring.datasource.password"))
			.isEqualTo("value-of-spring.datasource.password");
	}

	@Test
	void imageReadsSecretsAsConfigTree() {
		assertThat(this.watchdog.get("SPRING_CONFIG_IMPORT")).isEqualTo("optional:configtree:/var/openfaas/secrets/");
	}

	@Test
	void watchdogForwardsToSpringPort() {
		assertThat(Dockerfiles.arguments(Manifests.text("openfaas/Dockerfile"), "EXPOSE")).containsExactly("8080");
		assertThat(this.watchdog.get("mode")).isEqualTo("http");
		URI upstream = URI.create(this.watchdog.get("upstream_url"));
		assertThat(upstream.getHost()).isEqualTo("127.0.0.1");
		assertThat(upstream.getPort()).isEqualTo(Integer.parseInt(this.watchdog.get("SERVER_PORT")));
		assertThat(upstream.getPort()).isNotEqualTo(8080);
		assertThat(this.watchdog.get("ready_path")).isEqualTo(KnativeManifestTests.READINESS);
	}

	@Test
	void watchdogStartsProductJar() {
		List<String> entrypoint = Dockerfiles.arguments(Manifests.text("Dockerfile"), "ENTRYPOINT");
		assertThat(entrypoint).hasSize(1);
		String jar = entrypoint.get(0).replaceAll(".*\"(/[^\"]+\\.jar)\".*", "$1");
		assertThat(this.watchdog.get("fprocess")).isEqualTo("java -jar " + jar);
		assertThat(Dockerfiles.arguments(Manifests.text("openfaas/Dockerfile"), "ENTRYPOINT"))
			.containsExactly("[\"fwatchdog\"]");
	}

	@Test
	void imagesMatchDockerfiles() {
		String image = this.function.path("image").asString();
		String appImage = this.function.at("/build_args/APP_IMAGE").asString();
		assertThat(image).endsWith("/claude-usage-monitor-openfaas:" + tag(appImage));
		assertThat(appImage).startsWith("${REGISTRY:-ghcr.io/example}/");
		String defaultAppImage = Dockerfiles.arguments(Manifests.text("openfaas/Dockerfile"), "ARG")
			.stream()
			.filter((arg) -> arg.startsWith("APP_IMAGE="))
			.findFirst()
			.orElseThrow();
		assertThat(defaultAppImage)
			.isEqualTo("APP_IMAGE=" + appImage.replace("${REGISTRY:-ghcr.io/example}", "ghcr.io/example"));
		JsonNode kustomizeImage = Manifests.read("knative/base/kustomization.yaml").at("/images/0");
		assertThat(tag(appImage)).isEqualTo(kustomizeImage.path("newTag").asString());
	}

	@Test
	void databaseIsServerNotFile() {
		assertThat(this.function.at("/environment/SPRING_DATASOURCE_URL").asString()).startsWith("jdbc:postgresql://");
		assertThat(this.function.at("/environment/SPRING_DATASOURCE_USERNAME").asString()).isNotBlank();
		assertThat(this.function.at("/environment").has("SPRING_DATASOURCE_PASSWORD")).isFalse();
		assertThat(secrets()).contains("spring.datasource.password");
	}

	@Test
	void replicasWithinCommunityLimits() {
		assertThat(this.function.at("/labels/com.openfaas.scale.min").asString()).isEqualTo("1");
		assertThat(this.function.at("/labels/com.openfaas.scale.max").isString()).isTrue();
		assertThat(Integer.parseInt(this.function.at("/labels/com.openfaas.scale.max").asString())).isBetween(2, 5);
		assertThat(this.function.at("/limits/memory").asString()).isEqualTo("384Mi");
	}

	private List<String> secrets() {
		List<String> names = new ArrayList<>();
		this.function.path("secrets").forEach((secret) -> names.add(secret.asString()));
		return names;
	}

	private static String tag(String image) {
		return image.substring(image.lastIndexOf(':') + 1);
	}

}
