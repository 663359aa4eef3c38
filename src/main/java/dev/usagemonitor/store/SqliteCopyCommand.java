package dev.usagemonitor.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line option {@code --migrate-from=<sqlite file>}: starts the application
 * without its web server, so that Flyway creates the schema in the configured PostgreSQL
 * database, copies the SQLite file into it with {@link SqliteCopy}, prints the rows per
 * table and exits.
 */
public final class SqliteCopyCommand {

	/** The option, followed by {@code =} and the SQLite file. */
	public static final String OPTION = "--migrate-from";

	private SqliteCopyCommand() {
	}

	/**
	 * Tells whether the arguments ask for a copy.
	 */
	public static boolean isRequested(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.equals(OPTION) || arg.startsWith(OPTION + "="));
	}

	/**
	 * Runs the copy and returns the exit status: 0 when the rows were copied, 1 when the
	 * copy was rejected or failed (the reason goes to {@code err}), 2 when the option has
	 * no file.
	 * @param sources the application's configuration classes
	 */
	public static int run(String[] args, PrintStream out, PrintStream err, Class<?>... sources) {
		Optional<Path> file = file(args);
		if (file.isEmpty()) {
			err.println("Missing file: use " + OPTION + "=<path of the SQLite database>, for example " + OPTION
					+ "=./data/usage.db");
			return 2;
		}
		try {
			SqliteCopy.requireFile(file.get());
			Map<String, Long> counts = copy(file.get(), args, sources);
			print(out, file.get(), counts);
			return 0;
		}
		catch (SqliteCopyException ex) {
			err.println(ex.getMessage());
			return 1;
		}
	}

	private static Map<String, Long> copy(Path file, String[] args, Class<?>... sources) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.run(args)) {
			Location[] locations = context.getBean(Flyway.class).getConfiguration().getLocations();
			return new SqliteCopy(context.getBean(DataSource.class), MigrationSeeds.count(locations)).copyFrom(file);
		}
	}

	private static Optional<Path> file(String[] args) {
		return Arrays.stream(args)
			.filter((arg) -> arg.startsWith(OPTION + "="))
			.map((arg) -> arg.substring(OPTION.length() + 1))
			.filter((value) -> !value.isBlank())
			.map(Path::of)
			.findFirst();
	}

	private static void print(PrintStream out, Path file, Map<String, Long> counts) {
		out.println("Copied " + file + " into PostgreSQL:");
		counts.forEach((table, rows) -> out.printf("  %-24s %15s%n", table, SqliteCopy.rows(rows)));
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		out.printf("  %-24s %15s%n", "total", SqliteCopy.rows(total));
	}

}
