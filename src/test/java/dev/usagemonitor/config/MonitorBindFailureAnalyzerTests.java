package dev.usagemonitor.config;

import java.nio.file.Path;

import dev.usagemonitor.UsageMonitorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class MonitorBindFailureAnalyzerTests {

	private static final String SECRET = "sk-ant-sid02-GAPPEDLISTSECRET";

	@Test
	void gapInAccountListHidesValues(@TempDir Path folder, CapturedOutput output) {
		String[] args = { "--spring.datasource.url=jdbc:sqlite:" + folder.resolve("usage.db"),
				"--monitor.accounts[0].name=first", "--monitor.accounts[0].source=claude-web",
				"--monitor.accounts[0].session-key=sk-ant-sid02-FIRSTKEY", "--monitor.accounts[2].name=third",
				"--monitor.accounts[2].source=claude-web", "--monitor.accounts[2].session-key=" + SECRET };

		assertThatThrownBy(
				() -> new SpringApplicationBuilder(UsageMonitorApplication.class).web(WebApplicationType.NONE)
					.run(args))
			.isNotNull();

		assertThat(output).contains("numbered from 0 without gaps");
		assertThat(output).doesNotContain(SECRET);
	}

}
