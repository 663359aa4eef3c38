package dev.usagemonitor.collect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.cycle.CycleSummary;
import dev.usagemonitor.cycle.MonitoringCycle;
import dev.usagemonitor.support.CommandLine;
import dev.usagemonitor.support.MutableClock;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.StubServer.StubResponse;
import dev.usagemonitor.support.StubbedMonitorTests;
import dev.usagemonitor.support.TestClockConfiguration;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@StoreTest
class BackoffRestartTests {

	private final StubServer stub = StubServer.start();

	@TempDir
	Path folder;

	@AfterEach
	void stopStub() {
		this.stub.close();
	}

	@Test
	void backoffSurvivesRestart() {
		String[] database = TestDatabase.properties(this.folder).toArray(String[]::new);
		this.stub.on("/api/oauth/usage", StubResponse.fixture(429, "error-429.json").header("retry-after", "0"),
				StubResponse.fixture(200, "oauth-usage.json"));
		try (ConfigurableApplicationContext first = start(database)) {
			CycleSummary summary = first.getBean(MonitoringCycle.class).run();
			assertThat(summary.accounts()).singleElement()
				.satisfies((account) -> assertThat(account.status()).isEqualTo("rate_limited"));
		}
		assertThat(this.stub.requests("/api/oauth/usage")).hasSize(1);
		try (ConfigurableApplicationContext second = start(database)) {
			second.getBean(MutableClock.class).advance(Duration.ofMinutes(10));
			CycleSummary summary = second.getBean(MonitoringCycle.class).run();
			assertThat(summary.accounts()).singleElement()
				.satisfies((account) -> assertThat(account.message()).startsWith("Skipped"));
		}
		assertThat(this.stub.requests("/api/oauth/usage")).hasSize(1);
	}

	private ConfigurableApplicationContext start(String... database) {
		List<String> properties = new ArrayList<>(List.of(database));
		properties.addAll(List.of("monitor.oauth.base-url=" + this.stub.baseUrl(), "monitor.accounts[0].name=solo",
				"monitor.accounts[0].source=oauth",
				"monitor.accounts[0].access-token=" + StubbedMonitorTests.MAIN_ACCESS,
				"monitor.accounts[0].refresh-token=" + StubbedMonitorTests.MAIN_REFRESH));
		return new SpringApplicationBuilder(UsageMonitorApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.run(CommandLine.arguments(properties.toArray(String[]::new)));
	}

}
