package dev.usagemonitor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.usagemonitor.UsageMonitorApplication;
import dev.usagemonitor.support.CommandLine;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFilesTests {

	@TempDir
	Path folder;

	@Test
	void accountsAreReadFromConfigTree() throws IOException {
		Path secrets = Files.createDirectories(this.folder.resolve("secrets"));
		Files.writeString(secrets.resolve("monitor.accounts.0.name"), "from-files\n");
		Files.writeString(secrets.resolve("monitor.accounts.0.source"), "oauth\n");
		Files.writeString(secrets.resolve("monitor.accounts.0.access-token"), "sk-ant-oat01-FROM-FILE-ACCESS\n");
		Files.writeString(secrets.resolve("monitor.accounts.0.refresh-token"), "sk-ant-ort01-FROM-FILE-REFRESH\n");
		SpringApplicationBuilder application = new SpringApplicationBuilder(UsageMonitorApplication.class)
			.web(WebApplicationType.NONE);
		String[] arguments = CommandLine.arguments(
				"spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db"),
				"spring.config.import=optional:configtree:" + secrets + "/");
		try (ConfigurableApplicationContext context = application.run(arguments)) {
			Account account = context.getBean(ConfiguredAccounts.class).find("from-files").orElseThrow();
			assertThat(account.source()).isEqualTo(AccountSource.OAUTH);
			assertThat(account.accessToken()).isEqualTo("sk-ant-oat01-FROM-FILE-ACCESS");
			assertThat(account.refreshToken()).isEqualTo("sk-ant-ort01-FROM-FILE-REFRESH");
		}
		assertThat(this.folder.resolve("usage.db")).exists();
	}

}
