package dev.usagemonitor.config;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.support.CommandLine;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationStartupTests {

	@TempDir
	Path folder;

	@Test
	void startupStopsWithPropertyAndFix(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(UsageMonitorApplication.class)
			.web(WebApplicationType.NONE);
		String[] arguments = CommandLine.arguments(
				"spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db"), "monitor.accounts[0].name=work",
				"monitor.accounts[0].source=claude-web", "monitor.accounts[0].session-key=sk-ant-sid02-STARTUP-SECRET",
				"monitor.accounts[1].name=home", "monitor.accounts[1].source=claude-web");
		assertThatException().isThrownBy(() -> application.run(arguments));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("monitor.accounts[1].session-key is missing (required for source claude-web)")
			.contains("MONITOR_ACCOUNTS_1_SESSIONKEY")
			.doesNotContain("sk-ant-sid02-STARTUP-SECRET");
	}

}
