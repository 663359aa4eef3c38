package dev.usagemonitor.transcript.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ccusage 20.0.24, installed with npm into {@code target/ccusage-20.0.24} on first
 * use.
 */
public final class Ccusage {

	/** The pinned version. */
	public static final String VERSION = "20.0.24";

	private final Path prefix;

	public Ccusage(Path prefix) {
		this.prefix = prefix;
	}

	/**
	 * Returns the reason ccusage cannot run here, or {@code null} when it is installed or
	 * could be installed.
	 */
	public String unavailableReason() throws IOException, InterruptedException {
		Result node = run(List.of("node", "--version"), Map.of(), 30);
		if (node == null || node.exitCode() != 0) {
			return "Node.js was not found on PATH; install Node.js 20 or newer to compare with ccusage";
		}
		if (Files.isExecutable(executable())) {
			return null;
		}
		Result install = run(List.of("npm", "install", "--prefix", this.prefix.toString(), "--no-audit", "--no-fund",
				"ccusage@" + VERSION), Map.of(), 300);
		if (install == null || install.exitCode() != 0 || !Files.isExecutable(executable())) {
			return "npm install ccusage@" + VERSION + " failed: "
					+ ((install != null) ? install.output() : "npm not found");
		}
		return null;
	}

	/**
	 * Runs {@code ccusage claude daily --json --offline --breakdown --timezone ZONE} on
	 * the transcripts below {@code claudeFolder/projects} and returns its JSON output.
	 */
	public String daily(Path claudeFolder, Path emptyHome, String zone) throws IOException, InterruptedException {
		Files.createDirectories(emptyHome);
		Result result = run(List.of(executable().toString(), "claude", "daily", "--json", "--offline", "--breakdown",
				"--timezone", zone), Map.of("HOME", emptyHome.toString(), "CLAUDE_CONFIG_DIR", claudeFolder.toString()),
				600);
		if (result == null || result.exitCode() != 0) {
			throw new IllegalStateException("ccusage failed: " + ((result != null) ? result.output() : "not started"));
		}
		return result.output();
	}

	/**
	 * Returns the path of the ccusage launcher.
	 */
	public Path executable() {
		return this.prefix.resolve("node_modules/.bin/ccusage");
	}

	private static Result run(List<String> command, Map<String, String> environment, int timeoutSeconds)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false);
		builder.environment().putAll(environment);
		Path output = Files.createTempFile("ccusage", ".out");
		builder.redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return null;
		}
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		return new Result(process.exitValue(), text);
	}

	private record Result(int exitCode, String output) {
	}

}
