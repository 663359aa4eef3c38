package dev.usagemonitor.transcript.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folders Claude Code writes transcripts to: {@code ~/.claude/projects},
 * {@code ~/.config/claude/projects}, and {@code
 *
<dir>
 * /projects} for every folder listed in {@code CLAUDE_CONFIG_DIR} (comma-separated).
 */
final class TranscriptFolders {

	static final String CONFIG_DIR_VARIABLE = "CLAUDE_CONFIG_DIR";

	private TranscriptFolders() {
	}

	/**
	 * Returns the default folders that exist, without duplicates.
	 */
	static List<Path> defaults(Path home, Map<String, String> environment) {
		Set<Path> candidates = new LinkedHashSet<>();
		candidates.add(home.resolve(".claude/projects"));
		candidates.add(home.resolve(".config/claude/projects"));
		String configDirs = environment.get(CONFIG_DIR_VARIABLE);
		if (configDirs != null) {
			for (String entry : configDirs.split(",")) {
				if (!entry.isBlank()) {
					candidates.add(Path.of(entry.trim()).resolve("projects"));
				}
			}
		}
		List<Path> existing = new ArrayList<>();
		for (Path candidate : candidates) {
			if (Files.isDirectory(candidate)) {
				existing.add(candidate.toAbsolutePath().normalize());
			}
		}
		return existing;
	}

}
