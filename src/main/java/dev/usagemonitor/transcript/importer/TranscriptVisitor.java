package dev.usagemonitor.transcript.importer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the {@code .jsonl} files below a root with the attributes read during the
 * walk, so each file is stat-ed once. Unreadable entries are logged and skipped.
 */
final class TranscriptVisitor extends SimpleFileVisitor<Path> {

	private static final Logger logger = LoggerFactory.getLogger(TranscriptVisitor.class);

	private final Path root;

	private final Map<Path, TranscriptFile> files;

	TranscriptVisitor(Path root, Map<Path, TranscriptFile> files) {
		this.root = root;
		this.files = files;
	}

	@Override
	public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
		if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".jsonl")) {
			this.files.putIfAbsent(file,
					TranscriptFile.of(this.root, file, attributes.size(), attributes.lastModifiedTime().toMillis()));
		}
		return FileVisitResult.CONTINUE;
	}

	@Override
	public FileVisitResult visitFileFailed(Path file, IOException ex) {
		logger.warn("Skipped unreadable transcript path {}: {}", file, ex.toString());
		return FileVisitResult.CONTINUE;
	}

}
