package dev.usagemonitor.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tuned launch of the image: the Dockerfile's JVM flags agree with its build steps,
 * and no bean depends on a condition that Spring AOT would freeze at build time.
 */
class ImageLaunchTests {

	/**
	 * Conditions whose outcome depends on the deployment (properties, profiles, the cloud
	 * platform). Spring AOT evaluates them when the image is built, so a value set at
	 * deploy time would silently have no effect.
	 */
	private static final Pattern DEPLOY_TIME_CONDITION = Pattern.compile(
			"@(ConditionalOnProperty|ConditionalOnBooleanProperty|ConditionalOnExpression|ConditionalOnCloudPlatform"
					+ "|Profile)\\b");

	final String dockerfile = Manifests.text("Dockerfile");

	final String flags = Dockerfiles.environment(this.dockerfile).get("JAVA_TOOL_OPTIONS");

	@Test
	void springAotFlagMatchesBuild() {
		assertThat(this.flags).contains("-Dspring.aot.enabled=true");
		assertThat(Dockerfiles.arguments(this.dockerfile, "RUN")).anyMatch((run) -> run.contains("-Paot package"));
	}

	@Test
	void aotCacheIsTrainedWhereFlagsPoint() {
		assertThat(this.flags).contains("-XX:AOTCache=/app/app.aot");
		assertThat(Dockerfiles.arguments(this.dockerfile, "RUN"))
			.anyMatch((run) -> run.contains("ColdStart train") && run.contains("--app-dir /app"));
	}

	@Test
	void sqliteLibraryPathIsCopied() {
		assertThat(this.flags).contains("-Dorg.sqlite.lib.path=/app/native");
		assertThat(Dockerfiles.arguments(this.dockerfile, "COPY"))
			.contains("--from=build /workspace/native/ ./native/");
	}

	@Test
	void noBeanDependsOnDeployTimeCondition() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			List<Path> offending = sources.filter((path) -> path.toString().endsWith(".java"))
				.filter(ImageLaunchTests::usesDeployTimeCondition)
				.toList();
			assertThat(offending)
				.as("the image runs Spring AOT, which fixes these conditions at build time; choose the bean "
						+ "inside a @Bean method instead")
				.isEmpty();
		}
	}

	private static boolean usesDeployTimeCondition(Path source) {
		try {
			return DEPLOY_TIME_CONDITION.matcher(Files.readString(source)).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + source, ex);
		}
	}

}
