package dev.usagemonitor.collect;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.config.ConfiguredAccounts;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
@StoreTest
class NetworkFailureTests {

	static final StubServer stub = StubServer.start();

	@TempDir
	static Path folder;

	@Autowired
	UsageCollector collector;

	@Autowired
	ConfiguredAccounts accounts;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, folder);
		registry.add("monitor.claude-web.base-url", () -> "http://127.0.0.1:" + closedPort());
		registry.add("monitor.oauth.base-url", stub::baseUrl);
		registry.add("monitor.http.max-response-size", () -> "2KB");
		registry.add("monitor.accounts[0].name", () -> "web");
		registry.add("monitor.accounts[0].source", () -> "claude-web");
		registry.add("monitor.accounts[0].session-key", () -> "sk-ant-sid02-NETWORK-TEST");
		registry.add("monitor.accounts[1].name", () -> "token");
		registry.add("monitor.accounts[1].source", () -> "oauth");
		registry.add("monitor.accounts[1].access-token", () -> "sk-ant-oat01-NETWORK-TEST");
		registry.add("monitor.accounts[1].refresh-token", () -> "sk-ant-ort01-NETWORK-TEST");
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Test
	void refusedConnectionIsNetworkError() {
		CollectionResult result = this.collector.collect(this.accounts.find("web").orElseThrow());
		assertThat(result.status()).isEqualTo(CollectionStatus.NETWORK_ERROR);
		assertThat(result.message()).startsWith("Could not reach http://127.0.0.1:");
		assertThat(result.httpStatus()).isNull();
		assertThat(result.payloads()).isEmpty();
	}

	@Test
	void oversizedAnswerIsRejected() {
		String padding = "x".repeat(4096);
		stub.on("/api/oauth/usage", StubResponse.json(200, "{\"five_hour\":null,\"padding\":\"" + padding + "\"}"));
		CollectionResult result = this.collector.collect(this.accounts.find("token").orElseThrow());
		assertThat(result.status()).isEqualTo(CollectionStatus.FORMAT_CHANGED);
		assertThat(result.message()).contains("monitor.http.max-response-size");
	}

	@Test
	void responseBelowCapIsRead() {
		stub.on("/api/oauth/usage", StubResponse.fixture(200, "oauth-usage.json"));
		CollectionResult result = this.collector.collect(this.accounts.find("token").orElseThrow());
		assertThat(result.status()).isEqualTo(CollectionStatus.OK);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
