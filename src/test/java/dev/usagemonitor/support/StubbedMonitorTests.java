package dev.usagemonitor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application against a {@link StubServer} standing
 * in for claude.ai and the OAuth endpoints, with a real store (see {@link TestDatabase})
 * and a {@link MutableClock}. Subclasses share one application context; each test starts
 * with no back-off and no stored token.
 *
 * <p>
 * Accounts: {@code web-auto} (claude-web, organization chosen), {@code web-pinned}
 * (claude-web, organization {@link #MAX_ORG} pinned), {@code oauth-main} (oauth, token
 * valid until 18:00), {@code oauth-expired} (oauth, token expired at 11:00) and
 * {@code pusher} (push). The clock starts at {@link #START}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@StoreTest
public abstract class StubbedMonitorTests {

	public static final Instant START = Instant.parse("2026-09-14T12:00:00Z");

	public static final String MAX_ORG = "00000000-0000-4000-8000-00000000000a";

	public static final String ORGANIZATIONS_PATH = "/api/organizations";

	public static final String MAX_USAGE_PATH = "/api/organizations/" + MAX_ORG + "/usage";

	public static final String OAUTH_USAGE_PATH = "/api/oauth/usage";

	public static final String TOKEN_PATH = "/v1/oauth/token";

	public static final String WEB_AUTO_KEY = "sk-ant-sid02-WEBAUTO-TEST-SECRET-0001";

	public static final String WEB_PINNED_KEY = "sk-ant-sid02-WEBPINNED-TEST-SECRET-0002";

	public static final String MAIN_ACCESS = "sk-ant-oat01-MAIN-ACCESS-TEST-SECRET-0003";

	public static final String MAIN_REFRESH = "sk-ant-ort01-MAIN-REFRESH-TEST-SECRET-0004";

	public static final String EXPIRED_ACCESS = "sk-ant-oat01-EXPIRED-ACCESS-TEST-SECRET-0005";

	public static final String EXPIRED_REFRESH = "sk-ant-ort01-EXPIRED-REFRESH-TEST-SECRET-0006";

	public static final String PUSH_TOKEN = "push-token-TEST-SECRET-0007";

	/** Access token of {@code oauth-token-refresh-response.json}. */
	public static final String ROTATED_ACCESS = "sk-ant-oat01-EXAMPLE-NOT-A-REAL-TOKEN-2222222222222222222222222222";

	/** Refresh token of {@code oauth-token-refresh-response.json}. */
	public static final String ROTATED_REFRESH = "sk-ant-ort01-EXAMPLE-NOT-A-REAL-TOKEN-3333333333333333333333333333";

	protected static final StubServer stub = StubServer.start();

	private static final Path folder = createFolder();

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
		registry.add("monitor.claude-web.base-url", stub::baseUrl);
		registry.add("monitor.oauth.base-url", stub::baseUrl);
		registry.add("monitor.oauth.token-url", () -> stub.baseUrl() + TOKEN_PATH);
		registry.add("monitor.http.request-timeout", () -> "2s");
		account(registry, 0, "web-auto", "claude-web", "session-key", WEB_AUTO_KEY);
		account(registry, 1, "web-pinned", "claude-web", "session-key", WEB_PINNED_KEY);
		registry.add("monitor.accounts[1].organization-id", () -> MAX_ORG);
		account(registry, 2, "oauth-main", "oauth", "access-token", MAIN_ACCESS);
		registry.add("monitor.accounts[2].refresh-token", () -> MAIN_REFRESH);
		registry.add("monitor.accounts[2].expires-at", () -> "2026-09-14T18:00:00Z");
		account(registry, 3, "oauth-expired", "oauth", "access-token", EXPIRED_ACCESS);
		registry.add("monitor.accounts[3].refresh-token", () -> EXPIRED_REFRESH);
		registry.add("monitor.accounts[3].expires-at", () -> "2026-09-14T11:00:00Z");
		account(registry, 4, "pusher", "push", "push-token", PUSH_TOKEN);
	}

	private static void account(DynamicPropertyRegistry registry, int index, String name, String source,
			String secretKey, String secret) {
		String prefix = "monitor.accounts[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "source", () -> source);
		registry.add(prefix + secretKey, () -> secret);
	}

	@BeforeEach
	void resetState() {
		this.clock.set(START);
		this.jdbc.sql("DELETE FROM account_backoff").update();
		this.jdbc.sql("DELETE FROM oauth_tokens").update();
	}

	/**
	 * Returns the number of requests the stub received so far, to find the requests of
	 * one test.
	 */
	protected static int requestCount() {
		return stub.requests().size();
	}

	private static Path createFolder() {
		try {
			Path created = Files.createTempDirectory("usage-monitor-test");
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
