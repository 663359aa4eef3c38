package dev.usagemonitor.collect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.support.CommandLine;
import dev.usagemonitor.support.MutableClock;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.TestClockConfiguration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the application through successful, failing and refreshing collections, then
 * checks that no secret reached the logs, a database column outside the token table, or
 * an HTTP response.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests {

	private static final String ECHOED_KEY = "sk-ant-sid02-ECHOED-BY-SERVER-LEAK-1111";

	private static final String PLAIN_KEY = "sk-ant-sid02-PLAIN-LEAK-2222";

	private static final String EXPIRED_ACCESS = "sk-ant-oat01-EXPIRED-LEAK-3333";

	private static final String EXPIRED_REFRESH = "sk-ant-ort01-EXPIRED-LEAK-4444";

	private static final String ECHOED_ACCESS = "opaque-access-LEAK-5555";

	private static final String ECHOED_REFRESH = "opaque-refresh-LEAK-6666";

	private static final String PUSH_TOKEN = "push-token-LEAK-7777";

	private static final String ROTATED_ACCESS = "sk-ant-oat01-EXAMPLE-NOT-A-REAL-TOKEN-2222222222222222222222222222";

	private static final String ROTATED_REFRESH = "sk-ant-ort01-EXAMPLE-NOT-A-REAL-TOKEN-3333333333333333333333333333";

	private static final List<String> SECRETS = List.of(ECHOED_KEY, PLAIN_KEY, EXPIRED_ACCESS, EXPIRED_REFRESH,
			ECHOED_ACCESS, ECHOED_REFRESH, PUSH_TOKEN, ROTATED_ACCESS, ROTATED_REFRESH);

	private final StubServer stub = StubServer.start();

	@TempDir
	Path folder;

	@AfterEach
	void stopStub() {
		this.stub.close();
	}

	@Test
	void secretsStayOutOfLogsStoreAndAnswers(CapturedOutput output) throws Exception {
		stubEveryPath();
		List<String> responses = new ArrayList<>();
		try (ConfigurableApplicationContext context = start()) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			responses
				.add(send(HttpRequest.newBuilder(URI.create(base + "/")).POST(HttpRequest.BodyPublishers.noBody())));
			context.getBean(MutableClock.class).advance(Duration.ofHours(9));
			responses.add(send(HttpRequest.newBuilder(URI.create(base + "/scrapeUsage"))
				.header("Authorization", "Bearer " + PUSH_TOKEN)
				.header("Cookie", "sessionKey=" + PLAIN_KEY)));
			responses.add(send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))));
			responses.add(send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))));
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(String.join(" ", storedTokenValues(jdbc))).contains(ROTATED_ACCESS, ROTATED_REFRESH);
			assertNoSecretIn(storedValuesOutsideTokenTable(jdbc), "the database");
		}
		assertThat(this.folder.resolve("usage.db")).exists();
		assertThat(this.stub.requests("/v1/oauth/token")).isNotEmpty();
		assertNoSecretIn(responses, "an HTTP response");
		assertNoSecretIn(List.of(output.getAll()), "the logs");
	}

	private void stubEveryPath() {
		String org = "/api/organizations/00000000-0000-4000-8000-00000000000a/usage";
		this.stub.on("/api/organizations", StubResponse.fixture(200, "claude-orgs-single.json"));
		this.stub.on(org,
				StubResponse.json(403,
						"{\"type\":\"error\",\"error\":{\"type\":\"permission_error\","
								+ "\"message\":\"Invalid authorization for sessionKey=" + ECHOED_KEY + "\"}}"),
				StubResponse.fixture(200, "claude-usage-2026.json"));
		this.stub.on("/v1/oauth/token", StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		this.stub.on("/api/oauth/usage", StubResponse
			.json(429,
					"{\"error\":{\"message\":\"Rate limited: token " + ECHOED_ACCESS + " refresh " + ECHOED_REFRESH
							+ "\",\"type\":\"rate_limit_error\"},\"access_token\":\"" + ECHOED_ACCESS + "\"}")
			.header("retry-after", "0"), StubResponse.fixture(401, "error-401.json"),
				StubResponse.fixture(200, "oauth-usage.json"));
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(UsageMonitorApplication.class, TestClockConfiguration.class).run(CommandLine
			.arguments("server.port=0", "spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db"),
					"logging.level.dev.usagemonitor=TRACE", "logging.level.org.springframework.web=DEBUG",
					"monitor.claude-web.base-url=" + this.stub.baseUrl(),
					"monitor.oauth.base-url=" + this.stub.baseUrl(),
					"monitor.oauth.token-url=" + this.stub.baseUrl() + "/v1/oauth/token",
					"monitor.accounts[0].name=echoed", "monitor.accounts[0].source=claude-web",
					"monitor.accounts[0].session-key=" + ECHOED_KEY, "monitor.accounts[1].name=plain",
					"monitor.accounts[1].source=claude-web", "monitor.accounts[1].session-key=" + PLAIN_KEY,
					"monitor.accounts[2].name=expired", "monitor.accounts[2].source=oauth",
					"monitor.accounts[2].access-token=" + EXPIRED_ACCESS,
					"monitor.accounts[2].refresh-token=" + EXPIRED_REFRESH,
					"monitor.accounts[2].expires-at=2026-09-14T11:00:00Z", "monitor.accounts[3].name=echoing",
					"monitor.accounts[3].source=oauth", "monitor.accounts[3].access-token=" + ECHOED_ACCESS,
					"monitor.accounts[3].refresh-token=" + ECHOED_REFRESH, "monitor.accounts[4].name=pusher",
					"monitor.accounts[4].source=push", "monitor.accounts[4].push-token=" + PUSH_TOKEN));
	}

	private static List<String> storedValuesOutsideTokenTable(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'oauth_tokens'")
			.query(String.class)
			.list();
		assertThat(tables).contains("collection_runs", "raw_payloads", "window_observations");
		List<String> values = new ArrayList<>();
		for (String table : tables) {
			for (Map<String, Object> row : jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
				row.values().stream().filter(Objects::nonNull).map(String::valueOf).forEach(values::add);
			}
		}
		assertThat(values).anySatisfy((value) -> assertThat(value).contains("[redacted]"));
		return values;
	}

	private static List<String> storedTokenValues(JdbcClient jdbc) {
		return jdbc.sql("SELECT access_token || ' ' || refresh_token FROM oauth_tokens").query(String.class).list();
	}

	private static void assertNoSecretIn(List<String> texts, String place) {
		for (String text : texts) {
			for (String secret : SECRETS) {
				assertThat(text).as("a secret in %s", place).doesNotContain(secret);
			}
		}
	}

	private static String send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return response.headers().map() + "\n" + response.body();
	}

}
