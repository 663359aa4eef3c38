package dev.usagemonitor.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.ObservationRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UsageScenario.FixedClock.class)
class QueryUsageFunctionTests {

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("usage.db"));
	}

	@BeforeEach
	void seed(@Autowired JdbcClient jdbc, @Autowired AccountRepository accounts,
			@Autowired ObservationRepository observations, @Autowired CollectionRunRepository runs,
			@Autowired TransactionTemplate transactions) {
		SeededDatabase.seedOnce(jdbc, accounts, observations, runs, transactions);
	}

	@Test
	void dump() throws Exception {
		HttpResponse<String> response = get("/queryUsage?account=personal&range=24h");
		System.out.println(response.statusCode() + " " + response.headers().map() + "\n" + response.body());
		HttpResponse<String> bad = get("/queryUsage?range=2d");
		System.out.println(bad.statusCode() + " " + bad.body());
	}

	HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

	JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
