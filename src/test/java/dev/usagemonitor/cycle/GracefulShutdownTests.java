package dev.usagemonitor.cycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the application context, which is what the JVM's shutdown hook does on SIGTERM,
 * while a cycle runs.
 */
class GracefulShutdownTests {

	@TempDir
	Path folder;

	final HttpClient client = HttpClient.newHttpClient();

	@Test
	void runningCycleCompletesBeforeDatabaseCloses() throws Exception {
		ConfigurableApplicationContext context = start("20s");
		CycleGate gate = context.getBean(CycleGate.class);
		HikariDataSource dataSource = context.getBean(HikariDataSource.class);
		gate.close();
		String eventId = UUID.randomUUID().toString();
		CompletableFuture<HttpResponse<String>> response = post(context, eventId);
		gate.awaitEntered(Duration.ofSeconds(10));
		CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
		Thread.sleep(300);
		assertThat(closing).as("shutdown waits for the running cycle").isNotDone();
		gate.open();
		assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		closing.get(20, TimeUnit.SECONDS);
		assertThat(dataSource.isClosed()).isTrue();
		assertThat(this.folder.resolve("usage.db-wal")).as("WAL checkpointed on close").doesNotExist();
		assertThat(storedCycleId(eventId)).isEqualTo(cycleIdOf(response.get().body()));
		assertThat(integrityCheck()).isEqualTo("ok");
	}

	@Test
	void shutdownWaitsNoLongerThanPhaseTimeout() throws Exception {
		ConfigurableApplicationContext context = start("500ms");
		CycleGate gate = context.getBean(CycleGate.class);
		gate.close();
		try {
			post(context, UUID.randomUUID().toString());
			gate.awaitEntered(Duration.ofSeconds(10));
			long started = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			// After the graceful phase Tomcat stops its request threads, which takes a
			// moment more.
			assertThat(took).isLessThan(Duration.ofSeconds(8));
			assertThat(context.isActive()).isFalse();
		}
		finally {
			gate.open();
		}
	}

	private ConfigurableApplicationContext start(String shutdownPhase) {
		// Command-line arguments, because application.properties overrides default
		// properties.
		return new SpringApplicationBuilder(UsageMonitorApplication.class, CycleGate.Configuration.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db"),
				"--spring.lifecycle.timeout-per-shutdown-phase=" + shutdownPhase);
	}

	private CompletableFuture<HttpResponse<String>> post(ConfigurableApplicationContext context, String eventId) {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
			.header("Content-Type", "application/json")
			.header("ce-specversion", "1.0")
			.header("ce-id", eventId)
			.header("ce-source", "/apis/v1/namespaces/claude-usage/pingsources/claude-usage-monitor-cron")
			.header("ce-type", "dev.knative.sources.ping")
			.POST(BodyPublishers.ofString("{}"))
			.build();
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private String storedCycleId(String eventId) throws Exception {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("SELECT cycle_id FROM cycle_deliveries WHERE event_id = '" + eventId + "'")) {
			return row.next() ? row.getString(1) : null;
		}
	}

	private String integrityCheck() throws Exception {
		try (Connection connection = DriverManager.getConnection(url());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("PRAGMA integrity_check")) {
			row.next();
			return row.getString(1);
		}
	}

	private String url() {
		return "jdbc:sqlite:" + this.folder.resolve("usage.db");
	}

	private static String cycleIdOf(String summaryJson) {
		return summaryJson.replaceAll(".*\"cycleId\":\"([^\"]+)\".*", "$1");
	}

}
