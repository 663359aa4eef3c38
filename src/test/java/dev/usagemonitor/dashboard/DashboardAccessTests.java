package dev.usagemonitor.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "monitor.dashboard.token=" + DashboardAccessTests.TOKEN)
class DashboardAccessTests {

	static final String TOKEN = "correct-horse-battery-staple";

	@TempDir
	static Path folder;

	@Value("${local.server.port}")
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("usage.db"));
	}

	@Test
	void pageWithoutTokenRedirectsToLogin() throws Exception {
		HttpResponse<String> response = send(request("/").header("Accept", "text/html").GET());
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location")).hasValue("/login");
	}

	@Test
	void queryUsageWithoutTokenIsUnauthorized() throws Exception {
		HttpResponse<String> response = send(request("/queryUsage").GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"claude-usage\"");
		assertThat(response.body()).contains("Missing or invalid dashboard token").doesNotContain(TOKEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/scrapeUsage", "/evaluateThresholds", "/notifyWebhook", "/scrapeUsage/x" })
	void functionsThatActOrReadNeedToken(String path) throws Exception {
		HttpResponse<String> get = send(request(path).GET());
		HttpResponse<String> post = send(request(path).POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(get.statusCode()).isEqualTo(401);
		assertThat(post.statusCode()).isEqualTo(401);
	}

	@Test
	void wrongBearerTokenIsRejected() throws Exception {
		HttpResponse<String> response = send(request("/queryUsage").header("Authorization", "Bearer wrong").GET());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void bearerTokenIsAccepted() throws Exception {
		HttpResponse<String> query = send(request("/queryUsage").header("Authorization", "Bearer " + TOKEN).GET());
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(query.body()).contains("\"accounts\"");
		HttpResponse<String> page = send(request("/").header("Authorization", "Bearer " + TOKEN).GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).select("form.sign-out")).hasSize(1);
	}

	@Test
	void composedFunctionPathIsProtected() throws Exception {
		HttpResponse<String> response = send(request("/queryUsage/extra").GET());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void htmxRequestWithoutTokenGetsRedirectHeader() throws Exception {
		HttpResponse<String> response = send(
				request("/fragments/live?account=personal").header("HX-Request", "true").GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
	}

	@Test
	void loginWithWrongTokenShowsError() throws Exception {
		HttpResponse<String> response = send(form("token=nope"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Jsoup.parse(response.body()).selectFirst("form.login .error").text())
			.startsWith("That token is not valid.");
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void loginSetsSessionCookie() throws Exception {
		HttpResponse<String> response = send(form("token=" + TOKEN));
		assertThat(response.statusCode()).isEqualTo(302);
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("usage_dashboard=").contains("HttpOnly").contains("SameSite=Lax");
		assertThat(cookie).doesNotContain(TOKEN);
		String pair = cookie.substring(0, cookie.indexOf(';'));
		HttpResponse<String> page = send(request("/").header("Cookie", pair).GET());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(page.body()).title()).isEqualTo("Claude usage");
	}

	@Test
	void forgedCookieIsRejected() throws Exception {
		HttpResponse<String> response = send(request("/queryUsage").header("Cookie", "usage_dashboard=" + TOKEN).GET());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void logoutClearsCookie() throws Exception {
		HttpResponse<String> response = send(request("/logout").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("usage_dashboard=;")
			.contains("Max-Age=0");
	}

	@Test
	void healthMetricsAndCycleStayOpen() throws Exception {
		assertThat(send(request("/actuator/health/liveness").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/prometheus").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
		assertThat(send(request("/dashboard.css").GET()).statusCode()).isEqualTo(200);
		assertThat(send(request("/login").GET()).statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder form(String body) {
		return request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
