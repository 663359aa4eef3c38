package dev.usagemonitor.transcript.importer;

import java.nio.file.Path;

/**
 * A transcript file found under a root folder.
 *
 * @param path absolute, normalized path
 * @param project the first folder below the root (Claude Code's encoded working
 * directory), or the root's own name for files directly inside it
 * @param sessionId the session the file belongs to: the file name without {@code .jsonl},
 * or for sub-agent logs ({@code <session>/subagents/*.jsonl}) the session folder
 * @param size size in bytes when found
 * @param modifiedAt modification time when found, epoch milliseconds
 */
record TranscriptFile(Path path, String project, String sessionId, long size, long modifiedAt) {

	static TranscriptFile of(Path root, Path file, long size, long modifiedAt) {
		Path relative = root.relativize(file);
		String project = (relative.getNameCount() > 1) ? relative.getName(0).toString()
				: String.valueOf(root.getFileName());
		String name = file.getFileName().toString();
		String session = name.substring(0, name.length() - ".jsonl".length());
		if (relative.getNameCount() > 3
				&& "subagents".equals(relative.getName(relative.getNameCount() - 2).toString())) {
			session = relative.getName(relative.getNameCount() - 3).toString();
		}
		return new TranscriptFile(file, project, session, size, modifiedAt);
	}

}
