package dev.usagemonitor.transcript.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.usagemonitor.transcript.SampleTranscript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandLineTests {

	@TempDir
	Path folder;

	@Test
	void importRunsInItsOwnContext() throws IOException, SQLException {
		Path file = this.folder.resolve("projects/-home-user-example-project/s1.jsonl");
		Files.createDirectories(file.getParent());
		Files.writeString(file, SampleTranscript.text());
		String database = "jdbc:sqlite:" + this.folder.resolve("data/usage.db");
		String[] args = { "--import=" + this.folder.resolve("projects"), "--account=me",
				"--monitor.accounts[0].name=me", "--monitor.accounts[0].source=push",
				"--spring.datasource.url=" + database };
		assertThat(ImportCommand.isRequested(args)).isTrue();
		assertThat(ImportCommand.run(args)).isZero();
		assertThat(ImportCommand.run(args)).isZero();
		assertThat(count(database, "SELECT COUNT(*) FROM token_usage")).isEqualTo(11);
		assertThat(count(database, "SELECT COUNT(*) FROM transcript_files")).isEqualTo(1);
	}

	@Test
	void unknownAccountExitsWithUsageStatus() {
		String[] args = { "--import=" + this.folder, "--account=ghost",
				"--spring.datasource.url=jdbc:sqlite:" + this.folder.resolve("usage.db") };
		assertThat(ImportCommand.run(args)).isEqualTo(ImportCommand.EXIT_USAGE);
	}

	@Test
	void serverArgumentsAreNoImport() {
		assertThat(ImportCommand.isRequested(new String[] { "--server.port=0", "--importer=x" })).isFalse();
	}

	private static long count(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
