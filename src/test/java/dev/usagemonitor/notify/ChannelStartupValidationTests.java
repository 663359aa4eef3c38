package dev.usagemonitor.notify;

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
class ChannelStartupValidationTests {

	@TempDir
	Path folder;

	@Test
	void invalidChannelStopsStartupWithPropertyAndFix(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(UsageMonitorApplication.class)
			.web(WebApplicationType.NONE);
		String[] arguments = CommandLine.arguments(
				"spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db"), "monitor.channels[0].name=team",
				"monitor.channels[0].type=email", "monitor.channels[0].url=https://hooks.example.test/T0/s3cr3tPath");

		assertThatException().isThrownBy(() -> application.run(arguments))
			.havingRootCause()
			.isInstanceOf(InvalidChannelConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("monitor.channels[0].type 'email' is not supported: use one of slack, discord, teams, ntfy,"
					+ " webhook")
			.contains("Fix the monitor.channels properties listed above")
			.doesNotContain("s3cr3tPath");
	}

}
