package dev.usagemonitor.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the tests that read {@link UsageScenario} through a running application. The
 * subclasses share one application context and one SQLite file under
 * {@code target/test-databases}, seeded once, so the year of history is written only once
 * per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "monitor.zone=Europe/Paris")
@Import(UsageScenario.FixedClock.class)
@StoreTest
public abstract class SeededApplicationTests {

	private static final Path DATABASE = createDatabaseFolder().resolve("usage.db");

	@Value("${local.server.port}")
	protected int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE.getParent());
	}

	@BeforeEach
	void seed(@Autowired JdbcClient jdbc, @Autowired AccountRepository accounts,
			@Autowired ObservationRepository observations, @Autowired CollectionRunRepository runs,
			@Autowired TransactionTemplate transactions) {
		SeededDatabase.seedOnce(jdbc, accounts, observations, runs, transactions);
	}

	protected URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Path createDatabaseFolder() {
		try {
			Files.createDirectories(Path.of("target", "test-databases"));
			return Files.createTempDirectory(Path.of("target", "test-databases"), "seeded-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
