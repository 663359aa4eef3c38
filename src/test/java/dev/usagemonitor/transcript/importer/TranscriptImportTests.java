package dev.usagemonitor.transcript.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.transcript.SampleTranscript;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "monitor.accounts[0].name=me", "monitor.accounts[0].source=push",
				"monitor.accounts[0].push-token=push-token-of-me", "monitor.accounts[1].name=other",
				"monitor.accounts[1].source=push", "monitor.accounts[1].push-token=push-token-of-other" })
@StoreTest
class TranscriptImportTests {

	static final String SESSION = "00000000-0000-4000-8000-000000000001";

	@TempDir
	static Path database;

	@TempDir
	Path root;

	@Autowired
	TranscriptImporter importer;

	@Autowired
	ImportCommand command;

	@Autowired
	AccountRepository accounts;

	@Autowired
	JdbcClient jdbc;

	long accountId;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, database);
	}

	@BeforeEach
	void emptyStore() {
		this.jdbc.sql("DELETE FROM token_usage").update();
		this.jdbc.sql("DELETE FROM transcript_files").update();
		this.accountId = this.accounts.ensure("me", "push");
	}

	@Test
	void importReadsSampleFile() throws IOException {
		write(sessionFile(), SampleTranscript.text());
		ImportSummary summary = importRoot();
		assertThat(summary.filesFound()).isEqualTo(1);
		assertThat(summary.filesRead()).isEqualTo(1);
		assertThat(summary.lines().stored()).isEqualTo(11);
		assertThat(summary.lines().malformed()).isEqualTo(3);
		assertThat(summary.bytesRead()).isEqualTo(Files.size(sessionFile()));
		assertThat(projects()).containsExactly("-home-user-example-project");
	}

	@Test
	void unchangedFileIsNotRead() throws IOException {
		write(sessionFile(), SampleTranscript.text());
		importRoot();
		ImportSummary second = importRoot();
		assertThat(second.filesUnchanged()).isEqualTo(1);
		assertThat(second.filesRead()).isZero();
		assertThat(second.bytesRead()).isZero();
	}

	@Test
	void appendedLinesAreReadAlone() throws IOException {
		write(sessionFile(), SampleTranscript.lines(1, 25));
		importRoot();
		String rest = SampleTranscript.lines(26, 31);
		Files.writeString(sessionFile(), rest, StandardOpenOption.APPEND);
		touch(sessionFile(), 1);
		ImportSummary second = importRoot();
		assertThat(second.bytesRead()).isEqualTo(rest.getBytes(StandardCharsets.UTF_8).length);
		assertThat(second.lines().lines()).isEqualTo(6);
		assertThat(second.lines().stored()).isEqualTo(2);
		assertThat(rowCount()).isEqualTo(11);
	}

	@Test
	void unfinishedLastLineWaitsForRest() throws IOException {
		String line = SampleTranscript.lines(30, 30);
		write(sessionFile(), SampleTranscript.lines(1, 18) + line.substring(0, 100));
		ImportSummary first = importRoot();
		assertThat(first.lines().malformed()).isZero();
		assertThat(rowCount()).as("five responses and one sidechain replay").isEqualTo(6);
		Files.writeString(sessionFile(), line.substring(100), StandardOpenOption.APPEND);
		touch(sessionFile(), 1);
		ImportSummary second = importRoot();
		assertThat(second.lines().lines()).isEqualTo(1);
		assertThat(second.lines().malformed()).isZero();
		assertThat(rowCount()).isEqualTo(7);
	}

	@Test
	void shrunkFileIsReadAgain() throws IOException {
		write(sessionFile(), SampleTranscript.text());
		importRoot();
		write(sessionFile(), SampleTranscript.lines(1, 8));
		touch(sessionFile(), 1);
		ImportSummary second = importRoot();
		assertThat(second.bytesRead()).isEqualTo(Files.size(sessionFile()));
		assertThat(second.lines().stored()).isZero();
	}

	@Test
	void subagentFileBelongsToItsSession() throws IOException {
		Path subagent = this.root.resolve("-home-user-example-project/" + SESSION + "/subagents/agent-a1.jsonl");
		String line = SampleTranscript.lines(13, 13).replace("\"sessionId\":\"" + SESSION + "\",", "");
		write(subagent, line);
		importRoot();
		assertThat(this.jdbc.sql("SELECT session_id FROM token_usage").query(String.class).single()).isEqualTo(SESSION);
	}

	@Test
	void commandImportsDefaultFolders() throws IOException {
		Path home = this.root.resolve("home");
		Path configDir = this.root.resolve("config-b");
		write(home.resolve(".claude/projects/-p/" + SESSION + ".jsonl"), SampleTranscript.lines(1, 12));
		write(configDir.resolve("projects/-p/" + SESSION + ".jsonl"), SampleTranscript.lines(13, 31));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.command.redirect(new PrintStream(output, true, StandardCharsets.UTF_8), home,
				Map.of("CLAUDE_CONFIG_DIR", "/nonexistent," + configDir));
		int exit = this.command.runImport(new DefaultApplicationArguments("--import", "--account=me"));
		assertThat(exit).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Files: 2 found, 2 read")
			.contains("11 responses stored");
		assertThat(rowCount()).isEqualTo(11);
	}

	@Test
	void commandRejectsUnknownAccount() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.command.redirect(new PrintStream(output, true, StandardCharsets.UTF_8), this.root, Map.of());
		int exit = this.command.runImport(new DefaultApplicationArguments("--import=" + this.root, "--account=ghost"));
		assertThat(exit).isEqualTo(ImportCommand.EXIT_USAGE);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Unknown account 'ghost'").contains("[me, other]");
	}

	@Test
	void commandNeedsAccountWhenSeveralConfigured() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.command.redirect(new PrintStream(output, true, StandardCharsets.UTF_8), this.root, Map.of());
		int exit = this.command.runImport(new DefaultApplicationArguments("--import=" + this.root));
		assertThat(exit).isEqualTo(ImportCommand.EXIT_USAGE);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Missing --account=NAME");
	}

	@Test
	void commandRejectsMissingFolder() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.command.redirect(new PrintStream(output, true, StandardCharsets.UTF_8), this.root, Map.of());
		int exit = this.command.runImport(new DefaultApplicationArguments("--import=/nonexistent", "--account=me"));
		assertThat(exit).isEqualTo(ImportCommand.EXIT_USAGE);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("Not a folder: /nonexistent");
	}

	private ImportSummary importRoot() {
		return this.importer.importFolders(this.accountId, List.of(this.root), 2, ImportProgress.NONE);
	}

	private Path sessionFile() {
		return this.root.resolve("-home-user-example-project/" + SESSION + ".jsonl");
	}

	private List<String> projects() {
		return this.jdbc.sql("SELECT DISTINCT project FROM token_usage").query(String.class).list();
	}

	private long rowCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM token_usage").query(Long.class).single();
	}

	private static void write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	/**
	 * Moves the modification time forward, as a write a second later would.
	 */
	private static void touch(Path file, int seconds) throws IOException {
		Instant modified = Files.getLastModifiedTime(file).toInstant();
		Files.setLastModifiedTime(file, FileTime.from(modified.plusSeconds(seconds)));
	}

}
