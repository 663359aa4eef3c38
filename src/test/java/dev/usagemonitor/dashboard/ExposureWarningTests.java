package dev.usagemonitor.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.usagemonitor.query.DashboardProperties;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ExposureWarningTests {

	@Test
	void warnsWithoutTokenOnEveryInterface(CapturedOutput output) {
		warning(null, null).warnIfExposed();
		assertThat(output).contains("served without a token on every interface");
	}

	@Test
	void warnsWithoutTokenOnPublicAddress(CapturedOutput output) {
		warning(null, "0.0.0.0").warnIfExposed();
		assertThat(output).contains("served without a token on 0.0.0.0");
	}

	@Test
	void silentOnLoopback(CapturedOutput output) {
		warning(null, "127.0.0.1").warnIfExposed();
		warning(null, "::1").warnIfExposed();
		assertThat(output).doesNotContain("served without a token");
	}

	@Test
	void silentWithToken(CapturedOutput output) {
		warning("secret", null).warnIfExposed();
		assertThat(output).doesNotContain("served without a token");
	}

	private static ExposureWarning warning(String token, String address) {
		MockEnvironment environment = new MockEnvironment();
		if (address != null) {
			environment.setProperty("server.address", address);
		}
		DashboardProperties properties = new DashboardProperties(token, null, Duration.ofDays(30));
		return new ExposureWarning(new DashboardToken(properties), environment);
	}

}
