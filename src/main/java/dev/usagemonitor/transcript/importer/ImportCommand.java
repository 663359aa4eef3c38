package dev.usagemonitor.transcript.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.config.AccountProperties;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.stereotype.Component;

/**
 * The command line import: {@code --import[=FOLDER,...] [--account=NAME]
 * [--import-threads=N]} reads the transcripts below the folders (by default Claude Code's
 * own folders) into the configured database, prints a summary and exits without starting
 * the web server.
 */
@Component
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String IMPORT_OPTION = "import";

	static final int EXIT_FAILED_FILES = 1;

	static final int EXIT_USAGE = 2;

	private final TranscriptImporter importer;

	private final MonitorProperties properties;

	private final AccountRepository accounts;

	private PrintStream out = System.out;

	private Path home = Path.of(System.getProperty("user.home"));

	private Map<String, String> environment = System.getenv();

	private int exitCode;

	ImportCommand(TranscriptImporter importer, MonitorProperties properties, AccountRepository accounts) {
		this.importer = importer;
		this.properties = properties;
		this.accounts = accounts;
	}

	/**
	 * Tells whether the arguments ask for an import ({@code --import} or
	 * {@code --import=FOLDER}).
	 */
	public static boolean isRequested(String[] args) {
		return Arrays.stream(args)
			.anyMatch((arg) -> arg.equals("--" + IMPORT_OPTION) || arg.startsWith("--" + IMPORT_OPTION + "="));
	}

	/**
	 * Runs the import in its own small application context, without a web server, banner
	 * or start-up logs, and returns the exit status. Called from {@code main}.
	 */
	public static int run(String[] args) {
		SpringApplication application = new SpringApplication(ImportApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "warn",
				"spring.main.log-startup-info", "false", "spring.main.lazy-initialization", "true"));
		return SpringApplication.exit(application.run(args));
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.containsOption(IMPORT_OPTION)) {
			this.exitCode = runImport(args);
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	int runImport(ApplicationArguments args) {
		AccountProperties account = account(args.getOptionValues("account"));
		if (account == null) {
			return EXIT_USAGE;
		}
		List<Path> roots = roots(args.getOptionValues(IMPORT_OPTION));
		if (roots.isEmpty()) {
			return EXIT_USAGE;
		}
		long accountId = this.accounts.ensure(account.name(), account.source());
		ImportProgress progress = (System.console() != null) ? new ProgressBar(this.out) : ImportProgress.NONE;
		ImportSummary summary = this.importer.importFolders(accountId, roots, threads(args), progress);
		this.out.print(summary.describe());
		return (summary.filesFailed() > 0) ? EXIT_FAILED_FILES : 0;
	}

	private AccountProperties account(List<String> names) {
		List<AccountProperties> configured = this.properties.accounts();
		if (names == null || names.isEmpty()) {
			if (configured.size() == 1) {
				return configured.get(0);
			}
			this.out.println("Missing --account=NAME: name one of the configured accounts " + names(configured));
			return null;
		}
		String name = names.get(0);
		for (AccountProperties account : configured) {
			if (name.equals(account.name())) {
				return account;
			}
		}
		this.out.println("Unknown account '" + name + "': configure it as monitor.accounts[N].name or use one of "
				+ names(configured));
		return null;
	}

	private List<Path> roots(List<String> values) {
		List<Path> roots = new ArrayList<>();
		boolean explicit = false;
		for (String value : values) {
			for (String entry : value.split(",")) {
				if (!entry.isBlank()) {
					explicit = true;
					roots.add(Path.of(entry.trim()));
				}
			}
		}
		if (!explicit) {
			roots.addAll(TranscriptFolders.defaults(this.home, this.environment));
			if (roots.isEmpty()) {
				this.out.println("No transcript folder found: none of ~/.claude/projects, ~/.config/claude/projects "
						+ "or CLAUDE_CONFIG_DIR/projects exists; pass --import=FOLDER");
			}
			return roots;
		}
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				this.out.println("Not a folder: " + root + "; pass an existing folder with --import=FOLDER");
				return List.of();
			}
		}
		return roots;
	}

	private static int threads(ApplicationArguments args) {
		List<String> values = args.getOptionValues("import-threads");
		if (values == null || values.isEmpty()) {
			return Runtime.getRuntime().availableProcessors();
		}
		try {
			return Math.max(1, Integer.parseInt(values.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Invalid --import-threads=" + values.get(0) + ": use a whole number of 1 or more", ex);
		}
	}

	private static String names(List<AccountProperties> accounts) {
		return accounts.isEmpty() ? "(none configured: set monitor.accounts[0].name and .source)"
				: accounts.stream().map(AccountProperties::name).toList().toString();
	}

	void redirect(PrintStream output, Path homeFolder, Map<String, String> variables) {
		this.out = output;
		this.home = homeFolder;
		this.environment = variables;
	}

}
