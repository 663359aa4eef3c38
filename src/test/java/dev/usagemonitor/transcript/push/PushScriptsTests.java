package dev.usagemonitor.transcript.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "monitor.accounts[0].name=me", "monitor.accounts[0].source=push",
				"monitor.accounts[0].push-token=" + PushScriptsTests.TOKEN })
@StoreTest
class PushScriptsTests {

	static final String TOKEN = "push-token-EXAMPLE-scripts";

	@TempDir
	static Path database;

	@TempDir
	Path work;

	@Value("${local.server.port}")
	int port;

	@Autowired
	ObservationRepository observations;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, database);
	}

	@BeforeAll
	static void toolsPresent() throws Exception {
		for (String tool : List.of("bash", "curl", "gzip")) {
			Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0,
					() -> "Skipped the script tests: " + tool + " is not installed");
		}
	}

	@BeforeEach
	void emptyStore() {
		this.jdbc.sql("DELETE FROM token_usage").update();
		this.jdbc.sql("DELETE FROM window_latest").update();
		this.jdbc.sql("DELETE FROM window_observations").update();
	}

	@Test
	void statuslineScriptReturnsAtOnceAndPosts() throws Exception {
		long started = System.nanoTime();
		Run run = run("scripts/statusline-push.sh", PushEndpointsTests.STATUSLINE,
				environment("http://127.0.0.1:" + this.port));
		long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).isEqualTo("Session 101% · Week 62%\n");
		assertThat(elapsedMillis).as("time until the script returned").isLessThan(1_000);
		long accountId = waitForAccount();
		assertThat(awaitObservations(accountId)).isEqualTo(2);
	}

	@Test
	void statuslineScriptIgnoresUnreachableMonitor() throws Exception {
		Run run = run("scripts/statusline-push.sh", PushEndpointsTests.STATUSLINE, environment("http://127.0.0.1:9"));
		assertThat(run.exitCode()).isZero();
		assertThat(run.output()).startsWith("Session 101%");
	}

	@Test
	void pushScriptSendsOnlyNewLines() throws Exception {
		Path projects = this.work.resolve("projects");
		Path file = projects.resolve("-home-user-example-project/s1.jsonl");
		Files.createDirectories(file.getParent());
		Files.writeString(file, SampleTranscript.lines(1, 25) + "{\"type\":\"user\",\"unfinished");
		Map<String, String> environment = environment("http://127.0.0.1:" + this.port);
		Run first = run("scripts/push-transcripts.sh " + projects, "", environment);
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("1 files sent, 0 unchanged, 0 failed");
		assertThat(rowCount()).isEqualTo(9);
		Run second = run("scripts/push-transcripts.sh " + projects, "", environment);
		assertThat(second.output()).contains("0 files sent, 1 unchanged, 0 failed");
		Files.writeString(file, "\"}\n" + SampleTranscript.lines(26, 31), StandardOpenOption.APPEND);
		Run third = run("scripts/push-transcripts.sh " + projects, "", environment);
		assertThat(third.output()).contains("1 files sent");
		assertThat(rowCount()).isEqualTo(11);
		assertThat(this.jdbc.sql("SELECT DISTINCT project FROM token_usage").query(String.class).list())
			.containsExactly("-home-user-example-project");
	}

	@Test
	void pushScriptReportsRejectedToken() throws Exception {
		Path projects = this.work.resolve("projects");
		Path file = projects.resolve("-p/s1.jsonl");
		Files.createDirectories(file.getParent());
		Files.writeString(file, SampleTranscript.text());
		Map<String, String> environment = new java.util.HashMap<>(environment("http://127.0.0.1:" + this.port));
		environment.put("USAGE_MONITOR_TOKEN", "wrong");
		Run run = run("scripts/push-transcripts.sh " + projects, "", environment);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("HTTP 401")
			.contains("0 files sent, 0 unchanged, 1 failed")
			.doesNotContain("wrong");
		assertThat(rowCount()).isZero();
	}

	private Map<String, String> environment(String url) {
		return Map.of("USAGE_MONITOR_URL", url, "USAGE_MONITOR_ACCOUNT", "me", "USAGE_MONITOR_TOKEN", TOKEN,
				"USAGE_MONITOR_STATE", this.work.resolve("state.tsv").toString(), "HOME", this.work.toString());
	}

	private long waitForAccount() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			var id = this.accounts.findId("me");
			if (id.isPresent()) {
				return id.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The statusline post did not arrive within 5 s");
	}

	private int awaitObservations(long accountId) throws InterruptedException {
		int count = 0;
		for (int i = 0; i < 100 && count < 2; i++) {
			count = this.observations.findLatest(accountId).size();
			Thread.sleep((count < 2) ? 50 : 0);
		}
		return count;
	}

	private long rowCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM token_usage").query(Long.class).single();
	}

	private static Run run(String command, String input, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish within 60 s");
		}
		return new Run(process.exitValue(), output);
	}

	record Run(int exitCode, String output) {
	}

}
