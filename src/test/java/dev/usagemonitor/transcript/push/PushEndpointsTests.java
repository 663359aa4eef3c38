package dev.usagemonitor.transcript.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
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
				"monitor.accounts[0].push-token=" + PushEndpointsTests.TOKEN, "monitor.accounts[1].name=web",
				"monitor.accounts[1].source=claude-web", "monitor.accounts[1].session-key=sk-ant-sid-EXAMPLE" })
@StoreTest
class PushEndpointsTests {

	static final String TOKEN = "push-token-EXAMPLE-0123456789";

	static final String STATUSLINE = """
			{"session_id":"s1","model":{"id":"claude-opus-4-6","display_name":"Opus"},
			 "cost":{"total_cost_usd":0.42},
			 "rate_limits":{"five_hour":{"used_percentage":101,"resets_at":1789480800},
			                "seven_day":{"used_percentage":62.5,"resets_at":"2026-09-16T10:00:00.123456+00:00"}}}
			""";

	@TempDir
	static Path folder;

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
		TestDatabase.register(registry, folder);
	}

	@BeforeEach
	void emptyStore() {
		this.jdbc.sql("DELETE FROM token_usage").update();
		this.jdbc.sql("DELETE FROM window_latest").update();
		this.jdbc.sql("DELETE FROM window_observations").update();
	}

	@Test
	void statuslineStoresBothWindows() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=me", bearer(TOKEN), STATUSLINE.getBytes());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Stored 2 windows");
		List<Observation> latest = this.observations.findLatest(this.accounts.findId("me").orElseThrow());
		assertThat(latest).hasSize(2);
		Observation session = latest.get(0);
		assertThat(session.window().id()).isEqualTo("five_hour");
		assertThat(session.window().label()).isEqualTo("Session (5 h)");
		assertThat(session.window().utilization()).isEqualTo(101.0);
		assertThat(session.window().resetsAt()).isEqualTo(Instant.ofEpochSecond(1789480800));
		assertThat(session.source()).isEqualTo("statusline");
		Observation weekly = latest.get(1);
		assertThat(weekly.window().id()).isEqualTo("seven_day");
		assertThat(weekly.window().kind().code()).isEqualTo("weekly");
		assertThat(weekly.window().label()).isEqualTo("Weekly (all models)");
		assertThat(weekly.window().resetsAt()).isEqualTo(Instant.parse("2026-09-16T10:00:00.123Z"));
	}

	@Test
	void statuslineWithoutRateLimitsStoresNothing() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=me", bearer(TOKEN),
				"{\"session_id\":\"s1\",\"model\":{\"id\":\"claude-opus-4-6\"}}".getBytes());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Nothing to store");
		assertThat(this.observations.findLatest(this.accounts.findId("me").orElseThrow())).isEmpty();
	}

	@Test
	void statuslineBadResetKeepsPercentage() throws Exception {
		String body = "{\"rate_limits\":{\"five_hour\":{\"used_percentage\":37,\"resets_at\":\"soon\"},"
				+ "\"seven_day\":{\"used_percentage\":null}}}";
		post("/recordStatusline?account=me", bearer(TOKEN), body.getBytes());
		List<Observation> latest = this.observations.findLatest(this.accounts.findId("me").orElseThrow());
		assertThat(latest).hasSize(1);
		assertThat(latest.get(0).window().utilization()).isEqualTo(37.0);
		assertThat(latest.get(0).window().resetsAt()).isNull();
	}

	@Test
	void statuslineInvalidJsonIsBadRequest() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=me", bearer(TOKEN), "{\"rate".getBytes());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Invalid JSON body");
	}

	@Test
	void missingTokenIsUnauthorized() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=me", null, STATUSLINE.getBytes());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("Authorization: Bearer");
	}

	@Test
	void wrongTokenIsUnauthorized() throws Exception {
		HttpResponse<String> response = post("/ingestTranscripts?account=me&project=p", bearer(TOKEN + "x"),
				SampleTranscript.text().getBytes());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("does not match").doesNotContain(TOKEN);
		assertThat(rowCount()).isZero();
	}

	@Test
	void accountWithoutPushTokenIsForbidden() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=web", bearer(TOKEN), STATUSLINE.getBytes());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("push-token");
	}

	@Test
	void unknownAccountIsNotFound() throws Exception {
		HttpResponse<String> response = post("/recordStatusline?account=ghost", bearer(TOKEN), STATUSLINE.getBytes());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("ghost");
	}

	@Test
	void missingAccountIsBadRequest() throws Exception {
		HttpResponse<String> response = post("/recordStatusline", bearer(TOKEN), STATUSLINE.getBytes());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("account=NAME");
	}

	@Test
	void ingestReturnsCounts() throws Exception {
		HttpResponse<String> response = post("/ingestTranscripts?account=me&project=example", bearer(TOKEN),
				SampleTranscript.text().getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"lines\":31")
			.contains("\"stored\":11")
			.contains("\"malformed\":3")
			.contains("\"malformedLineNumbers\":[19,20,21]")
			.contains("\"unpricedTokens\":0");
		assertThat(rowCount()).isEqualTo(11);
	}

	@Test
	void ingestAcceptsAnnouncedGzip() throws Exception {
		HttpRequest.Builder request = request("/ingestTranscripts?account=me&project=example", bearer(TOKEN),
				gzip(SampleTranscript.text()))
			.header("Content-Encoding", "gzip");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(rowCount()).isEqualTo(11);
	}

	@Test
	void ingestRecognizesGzipMagic() throws Exception {
		HttpResponse<String> response = post("/ingestTranscripts?account=me&project=example", bearer(TOKEN),
				gzip(SampleTranscript.text()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"stored\":11");
	}

	@Test
	void truncatedGzipIsBadRequest() throws Exception {
		byte[] whole = gzip(SampleTranscript.text());
		HttpResponse<String> response = post("/ingestTranscripts?account=me&project=example", bearer(TOKEN),
				Arrays.copyOf(whole, whole.length / 2));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Invalid gzip body");
	}

	@Test
	void ingestWithoutProjectIsBadRequest() throws Exception {
		HttpResponse<String> response = post("/ingestTranscripts?account=me", bearer(TOKEN),
				SampleTranscript.text().getBytes());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("project=NAME");
	}

	@Test
	void ingestTwiceStoresNothingNew() throws Exception {
		post("/ingestTranscripts?account=me&project=example", bearer(TOKEN), SampleTranscript.text().getBytes());
		HttpResponse<String> second = post("/ingestTranscripts?account=me&project=example", bearer(TOKEN),
				SampleTranscript.text().getBytes());
		assertThat(second.body()).contains("\"stored\":0").contains("\"duplicates\":14");
		assertThat(rowCount()).isEqualTo(11);
	}

	private long rowCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM token_usage").query(Long.class).single();
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	private HttpResponse<String> post(String path, String authorization, byte[] body) throws Exception {
		return HttpClient.newHttpClient()
			.send(request(path, authorization, body).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String authorization, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
