package dev.usagemonitor.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.query.SeededDatabase;
import dev.usagemonitor.query.UsageScenario;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "monitor.zone=Europe/Paris")
@Import(UsageScenario.FixedClock.class)
class DashboardPageTests {

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

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
		HttpResponse<String> response = get("/");
		System.out.println(response.statusCode() + " " + response.headers().map() + "\n" + response.body());
	}

	Document page(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Jsoup.parse(response.body(), "http://127.0.0.1:" + this.port + "/");
	}

	HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
