package dev.usagemonitor.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application serves every path the manifests point at, and Spring Cloud
 * Function endpoints next to the cycle endpoint do not echo CloudEvent headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.function.definition=upperCaseProbe")
@Import(DeployedEndpointsTests.Functions.class)
@StoreTest
class DeployedEndpointsTests {

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	final HttpClient client = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
	}

	@Test
	void manifestProbePathsReturnUp() throws Exception {
		for (String path : probePaths()) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
			assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
			assertThat(response.body()).as("GET %s", path).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void pingSourceSinkRunsCycle() throws Exception {
		String sinkPath = Manifests.read("knative/base/pingsource.yaml").at("/spec/sink/uri").asString();
		HttpResponse<String> response = send(pingEvent(HttpRequest.newBuilder(uri(sinkPath))));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"cycleId\"");
		assertNoCloudEventHeaders(response.headers());
	}

	@Test
	void functionEndpointDoesNotEchoCloudEventHeaders() throws Exception {
		HttpResponse<String> response = send(pingEvent(HttpRequest.newBuilder(uri("/upperCaseProbe"))));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("HELLO");
		assertNoCloudEventHeaders(response.headers());
	}

	@Test
	void consumerEndpointDoesNotEchoCloudEventHeaders() throws Exception {
		HttpResponse<String> response = send(pingEvent(HttpRequest.newBuilder(uri("/recordProbe"))));
		assertThat(response.statusCode()).isEqualTo(202);
		assertNoCloudEventHeaders(response.headers());
	}

	private List<String> probePaths() {
		JsonNode container = KnativeManifestTests.container(Manifests.read("knative/base/service.yaml"));
		JsonNode health = Manifests.read("func.yaml").at("/deploy/healthEndpoints");
		List<String> paths = new ArrayList<>();
		paths.add(container.at("/livenessProbe/httpGet/path").asString());
		paths.add(container.at("/readinessProbe/httpGet/path").asString());
		paths.add(health.path("liveness").asString());
		paths.add(health.path("readiness").asString());
		paths.add(Dockerfiles.environment(Manifests.text("openfaas/Dockerfile")).get("ready_path"));
		return paths;
	}

	private static HttpRequest.Builder pingEvent(HttpRequest.Builder request) {
		return request.header("Content-Type", "application/json")
			.header("ce-specversion", "1.0")
			.header("ce-id", UUID.randomUUID().toString())
			.header("ce-source", "/apis/v1/namespaces/claude-usage/pingsources/claude-usage-monitor-cron")
			.header("ce-type", "dev.knative.sources.ping")
			.header("ce-time", "2026-12-04T10:00:00.217Z")
			.header("Kn-Namespace", "claude-usage")
			.POST(BodyPublishers.ofString("\"hello\""));
	}

	private static void assertNoCloudEventHeaders(HttpHeaders headers) {
		assertThat(headers.map().keySet())
			.noneSatisfy((name) -> assertThat(name.toLowerCase(Locale.ROOT)).startsWith("ce-"));
		assertThat(headers.firstValue("Kn-Namespace")).isEmpty();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Two functions, one of them the definition, as the application has once its
	 * functions are in place.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		Function<String, String> upperCaseProbe() {
			return (text) -> text.toUpperCase(Locale.ROOT);
		}

		@Bean
		Consumer<String> recordProbe() {
			return (text) -> {
			};
		}

	}

}
