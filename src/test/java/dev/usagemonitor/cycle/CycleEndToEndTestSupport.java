package dev.usagemonitor.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.support.MutableClock;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.TestClockConfiguration;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end cycle tests: the whole application on a random port runs
 * {@code POST /} against a stub claude.ai and stub chat receivers, over a real database
 * and a {@link MutableClock} that starts at {@link #START}. Subclasses share one
 * application context, and each test starts with empty tables.
 * <p>
 * Accounts: {@code personal} and {@code work}, both claude-web with a pinned
 * organization, so a cycle makes one usage request per account, and {@code laptop}, whose
 * usage Claude Code pushes, so a cycle never collects it. Channels: one of each type,
 * named after the type, at {@code /<type>/hook} on {@link #receivers}; the webhook
 * channel signs with {@link #WEBHOOK_SECRET}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@Tag("store")
abstract class CycleEndToEndTestSupport {

	static final Instant START = Instant.parse("2026-09-14T12:00:00Z");

	static final List<String> CHANNELS = List.of("slack", "discord", "teams", "ntfy", "webhook");

	static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String NTFY_TOKEN = "tk_e2e_ntfy_token";

	static final String PERSONAL_USAGE = "/api/organizations/00000000-0000-4000-8000-00000000000a/usage";

	static final String WORK_USAGE = "/api/organizations/00000000-0000-4000-8000-00000000000b/usage";

	/** Stands in for claude.ai. */
	static final StubServer claude = StubServer.start();

	/** Stands in for Slack, Discord, Teams, ntfy and a generic webhook receiver. */
	static final StubServer receivers = StubServer.start();

	private static final DateTimeFormatter RESET_FORMAT = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/**
	 * Tables emptied before each test, children first so that no foreign key blocks a
	 * delete.
	 */
	private static final List<String> TABLES = List.of("notification_outbox", "notification_channels", "alert_events",
			"alerts", "cycle_deliveries", "window_latest", "raw_payloads", "window_observations", "collection_runs",
			"account_backoff", "oauth_tokens", "token_usage");

	private static final Path folder = createFolder();

	@Value("${local.server.port}")
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
		registry.add("monitor.claude-web.base-url", claude::baseUrl);
		registry.add("monitor.http.request-timeout", () -> "2s");
		registry.add("monitor.dashboard.public-url", () -> "https://usage.example.test/");
		account(registry, 0, "personal", "00000000-0000-4000-8000-00000000000a");
		account(registry, 1, "work", "00000000-0000-4000-8000-00000000000b");
		registry.add("monitor.accounts[2].name", () -> "laptop");
		registry.add("monitor.accounts[2].source", () -> "push");
		registry.add("monitor.accounts[2].push-token", () -> "push-token-E2E-LAPTOP-SECRET");
		for (int index = 0; index < CHANNELS.size(); index++) {
			String type = CHANNELS.get(index);
			registry.add("monitor.channels[" + index + "].name", () -> type);
			registry.add("monitor.channels[" + index + "].type", () -> type);
			registry.add("monitor.channels[" + index + "].url", () -> receivers.baseUrl() + hookPath(type));
		}
		registry.add("monitor.channels[3].token", () -> NTFY_TOKEN);
		registry.add("monitor.channels[4].secret", () -> WEBHOOK_SECRET);
	}

	private static void account(DynamicPropertyRegistry registry, int index, String name, String organization) {
		String prefix = "monitor.accounts[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "source", () -> "claude-web");
		registry.add(prefix + "session-key", () -> "sk-ant-sid02-E2E-" + name.toUpperCase(Locale.ROOT) + "-SECRET");
		registry.add(prefix + "organization-id", () -> organization);
	}

	@BeforeEach
	void startEmpty() {
		this.clock.set(START);
		TABLES.forEach((table) -> this.jdbc.sql("DELETE FROM " + table).update());
		claude.reset();
		receivers.reset();
		CHANNELS.forEach((type) -> receivers.on(hookPath(type), StubResponse.status(200).body("ok")));
		claude.on(WORK_USAGE, usageResponse(10, START.plusSeconds(3 * 3600), 20, START.plusSeconds(3 * 86400)));
	}

	static String hookPath(String type) {
		return "/" + type + "/hook";
	}

	/**
	 * Returns a usage response with a session and a weekly window, reset instants written
	 * with microseconds and an offset as claude.ai writes them.
	 */
	static StubResponse usageResponse(double session, Instant sessionResets, double weekly, Instant weeklyResets) {
		return StubResponse.json(200, """
				{"five_hour": {"utilization": %s, "resets_at": "%s"},
				 "seven_day": {"utilization": %s, "resets_at": "%s"},
				 "seven_day_opus": null, "extra_usage": null}
				""".formatted(session, RESET_FORMAT.format(sessionResets), weekly, RESET_FORMAT.format(weeklyResets)));
	}

	/**
	 * Runs a cycle with a plain {@code POST /}, as the OpenFaaS cron connector sends it,
	 * and returns its summary.
	 */
	JsonNode runCycle() throws Exception {
		return summary(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/**
	 * Runs a cycle for a Knative PingSource CloudEvent in binary mode and returns its
	 * summary.
	 */
	JsonNode runCycle(String eventId) throws Exception {
		return summary(HttpRequest.newBuilder(uri("/"))
			.header("Content-Type", "application/json")
			.header("ce-specversion", "1.0")
			.header("ce-id", eventId)
			.header("ce-source", "/apis/v1/namespaces/claude-usage/pingsources/claude-usage-monitor-cron")
			.header("ce-type", "dev.knative.sources.ping")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
	}

	/**
	 * Returns the {@code GET /queryUsage} response for one account.
	 */
	JsonNode queryUsage(String account) throws Exception {
		return summary(HttpRequest.newBuilder(uri("/queryUsage?account=" + account)).GET());
	}

	private JsonNode summary(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/**
	 * Returns the summary entry of one account.
	 */
	static JsonNode account(JsonNode summary, String name) {
		return summary.path("accounts")
			.valueStream()
			.filter((account) -> account.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No account " + name + " in the summary " + summary));
	}

	/**
	 * Returns the events a cycle summary reports for one account, each written as
	 * {@code window: type level state}, with {@code account} for account-level alerts.
	 */
	static List<String> reportedEvents(JsonNode summary, String name) {
		return account(summary, name).path("events")
			.valueStream()
			.map((event) -> describe(event.path("window").asString(), event.path("type").asString(),
					event.path("level").asString(), event.path("state").asString()))
			.toList();
	}

	/**
	 * Returns every stored alert event of one account, oldest first, written as
	 * {@link #reportedEvents} writes them.
	 */
	List<String> storedEvents(String name) {
		return this.jdbc.sql("""
				SELECT e.window_id, e.type, e.level, e.state FROM alert_events e
				JOIN accounts a ON a.id = e.account_id WHERE a.name = :name ORDER BY e.id
				""")
			.param("name", name)
			.query((rs, row) -> describe(rs.getString("window_id"), rs.getString("type"), rs.getString("level"),
					rs.getString("state")))
			.list();
	}

	private static String describe(String window, String type, String level, String state) {
		return (window.isEmpty() ? "account" : window) + ": " + type + " " + level + " " + state;
	}

	/**
	 * Returns the number of rows of a table.
	 */
	int count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static Path createFolder() {
		try {
			Path created = Files.createTempDirectory("usage-monitor-e2e");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: the folder is under the temporary directory.
		}
	}

}
