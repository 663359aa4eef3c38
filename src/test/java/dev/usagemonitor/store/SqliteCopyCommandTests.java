package dev.usagemonitor.store;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.query.UsageRollups;
import dev.usagemonitor.support.CommandLine;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --migrate-from}: an SQLite file filled by real cycles is copied into a fresh
 * PostgreSQL schema.
 */
@StoreTest
class SqliteCopyCommandTests {

	@TempDir
	Path folder;

	final StubServer stub = StubServer.start();

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@AfterEach
	void stopStub() {
		this.stub.close();
	}

	@Test
	void copiesEveryRowWithItsId() throws Exception {
		Assumptions.assumeTrue(TestDatabase.postgres(), "copies into PostgreSQL");
		Path file = this.folder.resolve("usage.db");
		Map<String, List<Map<String, Object>>> source = fillSqliteFile(file);
		List<String> target = TestDatabase.properties(this.folder);

		assertThat(copy(target, file)).as("exit status, errors: %s", text(this.err)).isZero();

		try (ConfigurableApplicationContext copied = start(target, List.of())) {
			JdbcClient jdbc = copied.getBean(JdbcClient.class);
			for (Map.Entry<String, List<Map<String, Object>>> table : source.entrySet()) {
				assertThat(rows(jdbc, table.getKey())).as("rows of %s", table.getKey()).isEqualTo(table.getValue());
			}
			long highest = jdbc.sql("SELECT MAX(id) FROM accounts").query(Long.class).single();
			assertThat(copied.getBean(AccountRepository.class).ensure("added-later", "push")).isEqualTo(highest + 1);
		}
		assertThat(text(this.out)).contains("Copied " + file + " into PostgreSQL:")
			.containsPattern("accounts +2 rows\n")
			.containsPattern("alert_events +[1-9]\\d* rows?\n");
	}

	@Test
	void nonEmptyTargetIsRejected() throws Exception {
		Assumptions.assumeTrue(TestDatabase.postgres(), "copies into PostgreSQL");
		Path file = this.folder.resolve("usage.db");
		fillSqliteFile(file);
		List<String> target = TestDatabase.properties(this.folder);
		assertThat(copy(target, file)).isZero();

		assertThat(copy(target, file)).isEqualTo(1);
		assertThat(text(this.err)).contains("The PostgreSQL database already contains data (")
			.contains("accounts: 2 rows")
			.contains("create a new database, or empty this one");
	}

	@Test
	void olderSqliteFileIsRejected() {
		Assumptions.assumeTrue(TestDatabase.postgres(), "copies into PostgreSQL");
		Path file = this.folder.resolve("old.db");
		start(List.of("spring.datasource.url=jdbc:sqlite:" + file), List.of("spring.flyway.target=3")).close();

		assertThat(copy(TestDatabase.properties(this.folder), file)).isEqualTo(1);
		assertThat(text(this.err)).contains("The SQLite file is older than this monitor (schema version 3 in " + file)
			.contains("SPRING_DATASOURCE_URL=jdbc:sqlite:" + file);
	}

	@Test
	void sqliteTargetIsRejected() {
		Assumptions.assumeFalse(TestDatabase.postgres(), "needs an SQLite target");
		Path file = this.folder.resolve("usage.db");
		start(List.of("spring.datasource.url=jdbc:sqlite:" + file), List.of()).close();

		int status = copy(List.of("spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("target.db")), file);

		assertThat(status).isEqualTo(1);
		assertThat(text(this.err)).contains("--migrate-from copies into PostgreSQL, but spring.datasource.url points "
				+ "at SQLite: set SPRING_DATASOURCE_URL");
	}

	@Test
	void missingFileIsRejectedBeforeStart() {
		Path missing = this.folder.resolve("missing.db");

		int status = copy(List.of("spring.datasource.url=jdbc:postgresql://127.0.0.1:9/none"), missing);

		assertThat(status).isEqualTo(1);
		assertThat(text(this.err)).contains("The SQLite file " + missing + " does not exist");
	}

	@Test
	void optionWithoutFileIsRejected() {
		int status = SqliteCopyCommand.run(new String[] { "--migrate-from" }, print(this.out), print(this.err),
				UsageMonitorApplication.class);

		assertThat(status).isEqualTo(2);
		assertThat(text(this.err)).contains("use --migrate-from=<path of the SQLite database>");
		assertThat(SqliteCopyCommand.isRequested(new String[] { "--server.port=0" })).isFalse();
	}

	/**
	 * Runs two cycles of the application on an SQLite file, one for a CloudEvent, with an
	 * OAuth account whose token is refreshed, an alert that fires and is sent, and a
	 * transcript row, and returns the rows of every table.
	 */
	private Map<String, List<Map<String, Object>>> fillSqliteFile(Path file) throws Exception {
		Instant resetsAt = Clock.systemUTC().instant().plus(Duration.ofHours(3));
		this.stub.on(StubbedMonitorTests.OAUTH_USAGE_PATH, StubResponse.json(200, """
				{"five_hour": {"utilization": 95.0, "resets_at": "%s"}}
				""".formatted(resetsAt)));
		this.stub.on(StubbedMonitorTests.TOKEN_PATH, StubResponse.fixture(200, "oauth-token-refresh-response.json"));
		this.stub.on("/hook", StubResponse.status(204));
		try (ConfigurableApplicationContext context = start(List.of("spring.datasource.url=jdbc:sqlite:" + file),
				sourceProperties())) {
			String port = context.getEnvironment().getProperty("local.server.port");
			post(port,
					HttpRequest.newBuilder()
						.header("ce-specversion", "1.0")
						.header("ce-id", "tick-1")
						.header("ce-source", "/test")
						.header("ce-type", "dev.knative.sources.ping"));
			post(port, HttpRequest.newBuilder());
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			jdbc.sql("""
					INSERT INTO token_usage (account_id, dedup_key, message_id, occurred_at, project, model, sidechain,
					    input_tokens, output_tokens, cache_creation_5m_tokens, cache_creation_1h_tokens,
					    cache_read_tokens, web_search_requests, reported_cost_usd)
					VALUES (1, 'msg-1:req-1', 'msg-1', 1700000000000, 'demo', 'claude-sonnet-4-5', 1, 10, 20, 0, 0,
					    500, 0, 0.25)
					""").update();
			jdbc.sql("INSERT INTO account_backoff (account_id, failures, blocked_until, updated_at) "
					+ "VALUES (2, 1, 1700000600000, 1700000000000)")
				.update();
			jdbc.sql("INSERT INTO transcript_files (account_id, path, size, modified_at, byte_offset, imported_at) "
					+ "VALUES (1, '/home/me/.claude/projects/demo/session.jsonl', 2048, 1700000000000, 2048, "
					+ "1700000000000)")
				.update();
			context.getBean(UsageRollups.class).refresh();
			return tables(jdbc);
		}
	}

	private List<String> sourceProperties() {
		String base = this.stub.baseUrl().toString();
		return List.of("server.port=0", "monitor.oauth.base-url=" + base,
				"monitor.oauth.token-url=" + base + StubbedMonitorTests.TOKEN_PATH, "monitor.accounts[0].name=expired",
				"monitor.accounts[0].source=oauth",
				"monitor.accounts[0].access-token=" + StubbedMonitorTests.EXPIRED_ACCESS,
				"monitor.accounts[0].refresh-token=" + StubbedMonitorTests.EXPIRED_REFRESH,
				"monitor.accounts[0].expires-at=2020-01-01T00:00:00Z", "monitor.accounts[1].name=valid",
				"monitor.accounts[1].source=oauth",
				"monitor.accounts[1].access-token=" + StubbedMonitorTests.MAIN_ACCESS,
				"monitor.accounts[1].refresh-token=" + StubbedMonitorTests.MAIN_REFRESH,
				"monitor.channels[0].name=hook", "monitor.channels[0].type=webhook",
				"monitor.channels[0].url=" + base + "/hook");
	}

	private static Map<String, List<Map<String, Object>>> tables(JdbcClient jdbc) {
		List<String> names = jdbc.sql("""
				SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
				AND name <> 'flyway_schema_history' ORDER BY name
				""").query(String.class).list();
		Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
		names.forEach((name) -> tables.put(name, rows(jdbc, name)));
		tables.forEach((name, rows) -> assertThat(rows).as("rows of %s in the SQLite file", name).isNotEmpty());
		return tables;
	}

	/**
	 * Returns the rows of a table ordered by their first column, with numbers as
	 * {@code long} or {@code double} so that both stores compare equal.
	 */
	private static List<Map<String, Object>> rows(JdbcClient jdbc, String table) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows()) {
			Map<String, Object> normalized = new LinkedHashMap<>();
			row.forEach((column, value) -> normalized.put(column.toLowerCase(), normalize(value)));
			rows.add(normalized);
		}
		return rows;
	}

	private static Object normalize(Object value) {
		if (value instanceof Double || value instanceof Float) {
			return ((Number) value).doubleValue();
		}
		return (value instanceof Number number) ? number.longValue() : value;
	}

	private static void post(String port, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.uri(URI.create("http://127.0.0.1:" + port + "/"))
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private int copy(List<String> target, Path file) {
		List<String> arguments = new ArrayList<>(List.of(CommandLine.arguments(target.toArray(String[]::new))));
		arguments.add("--migrate-from=" + file);
		return SqliteCopyCommand.run(arguments.toArray(String[]::new), print(this.out), print(this.err),
				UsageMonitorApplication.class);
	}

	private static ConfigurableApplicationContext start(List<String> database, List<String> properties) {
		List<String> all = new ArrayList<>(database);
		all.addAll(properties);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(UsageMonitorApplication.class);
		if (all.stream().noneMatch((property) -> property.startsWith("server.port="))) {
			builder.web(WebApplicationType.NONE);
		}
		return builder.run(CommandLine.arguments(all.toArray(String[]::new)));
	}

	private static PrintStream print(ByteArrayOutputStream buffer) {
		return new PrintStream(buffer, true, StandardCharsets.UTF_8);
	}

	private static String text(ByteArrayOutputStream buffer) {
		return buffer.toString(StandardCharsets.UTF_8);
	}

}
