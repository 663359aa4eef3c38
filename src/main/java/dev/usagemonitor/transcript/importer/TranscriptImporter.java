package dev.usagemonitor.transcript.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.usagemonitor.transcript.ingest.IngestResult;
import dev.usagemonitor.transcript.ingest.IngestTarget;
import dev.usagemonitor.transcript.ingest.ResponseSink;
import dev.usagemonitor.transcript.ingest.TranscriptIngester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Imports every {@code .jsonl} file below a set of folders, reading only what was
 * appended since the last import: a file whose size and modification time are unchanged
 * is not opened, and a grown file is read from the end of its last complete line.
 */
@Service
public class TranscriptImporter {

	private static final Logger logger = LoggerFactory.getLogger(TranscriptImporter.class);

	private final TranscriptIngester ingester;

	private final ImportStateRepository states;

	TranscriptImporter(TranscriptIngester ingester, ImportStateRepository states) {
		this.ingester = ingester;
		this.states = states;
	}

	/**
	 * Imports the folders for an account with the given number of parallel readers.
	 */
	public ImportSummary importFolders(long accountId, List<Path> roots, int threads, ImportProgress progress) {
		long started = System.nanoTime();
		List<TranscriptFile> files = find(roots);
		Map<String, FileState> known = this.states.findAll(accountId);
		List<FileWork> work = new ArrayList<>();
		for (TranscriptFile file : files) {
			FileState state = known.get(file.path().toString());
			long offset = (state != null) ? state.resumeOffset(file.size(), file.modifiedAt()) : 0;
			if (offset >= 0) {
				work.add(new FileWork(file, offset));
			}
		}
		work.sort(Comparator.comparingLong(FileWork::remaining).reversed());
		progress.start(work.size(), work.stream().mapToLong(FileWork::remaining).sum());
		ImportTally tally = run(accountId, work, threads, progress);
		progress.finish();
		return new ImportSummary(roots.stream().map(Path::toString).toList(), files.size(), tally.read,
				files.size() - work.size(), tally.failed, tally.result.consumedBytes(), tally.result,
				Duration.ofNanos(System.nanoTime() - started));
	}

	private ImportTally run(long accountId, List<FileWork> work, int threads, ImportProgress progress) {
		ImportTally tally = new ImportTally();
		if (work.isEmpty()) {
			return tally;
		}
		ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, work.size())));
		SerialWriter writer = new SerialWriter();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (FileWork item : work) {
				futures.add(readers.submit(() -> tally.add(importFile(accountId, item, writer), item, progress)));
			}
			for (Future<?> future : futures) {
				await(future);
			}
		}
		finally {
			readers.shutdownNow();
			writer.close();
		}
		return tally;
	}

	private IngestResult importFile(long accountId, FileWork item, SerialWriter writer) {
		TranscriptFile file = item.file();
		ResponseSink store = this.ingester.repositorySink();
		try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
			channel.position(item.offset());
			InputStream input = Channels.newInputStream(channel);
			IngestResult result = this.ingester.ingest(input,
					new IngestTarget(accountId, file.project(), file.sessionId()), true,
					(account, project, responses) -> writer.call(() -> store.store(account, project, responses)));
			FileState state = new FileState(file.size(), file.modifiedAt(), item.offset() + result.consumedBytes());
			writer.call(() -> {
				this.states.save(accountId, file.path().toString(), state);
				return null;
			});
			return result;
		}
		catch (IOException ex) {
			logger.warn("Skipped transcript file {}: {}", file.path(), ex.toString());
			return null;
		}
	}

	private static void await(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Import interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Import failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private static List<TranscriptFile> find(List<Path> roots) {
		Map<Path, TranscriptFile> files = new LinkedHashMap<>();
		for (Path root : roots) {
			Path absolute = root.toAbsolutePath().normalize();
			try {
				Files.walkFileTree(absolute, new TranscriptVisitor(absolute, files));
			}
			catch (IOException ex) {
				logger.warn("Could not list transcript folder {}: {}", absolute, ex.toString());
			}
		}
		return new ArrayList<>(files.values());
	}

	private record FileWork(TranscriptFile file, long offset) {

		long remaining() {
			return Math.max(0, this.file.size() - this.offset);
		}

	}

	/**
	 * Totals over the files read, updated by the reader threads.
	 */
	private static final class ImportTally {

		IngestResult result = IngestResult.empty();

		int read;

		int failed;

		synchronized void add(IngestResult fileResult, FileWork item, ImportProgress progress) {
			if (fileResult == null) {
				this.failed++;
			}
			else {
				this.read++;
				this.result = this.result.plus(fileResult);
			}
			progress.fileDone(item.remaining());
		}

	}

}
