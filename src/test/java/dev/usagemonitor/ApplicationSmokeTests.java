package dev.usagemonitor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationSmokeTests {

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("nested/usage.db"));
	}

	@Test
	void postToRootRunsCycle() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"accounts\"");
	}

	@Test
	void databaseFolderIsCreated() {
		assertThat(folder.resolve("nested/usage.db")).exists();
	}

	@Test
	void unknownPathIsNotFound() throws Exception {
		HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/no-such-page")).GET());
		HttpResponse<String> post = send(
				HttpRequest.newBuilder(uri("/no-such-function")).POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(get.statusCode()).isEqualTo(404);
		assertThat(post.statusCode()).isEqualTo(404);
	}

	@Test
	void healthProbesAnswer() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		{
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
