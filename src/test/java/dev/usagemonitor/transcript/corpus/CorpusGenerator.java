package dev.usagemonitor.transcript.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a deterministic corpus of Claude Code transcripts: the same seed and size give
 * byte-identical files. Sessions are spread over September 2026 in eight projects under
 * {@code <folder>/projects}, and every line variant of the sample transcript occurs:
 * summaries, file-history snapshots, user prompts and tool results, responses split over
 * several lines, responses without request id, sidechain answers and replays, fast mode,
 * 1-hour cache writes, web searches, legacy numeric and null {@code costUSD}, nested
 * {@code "model": null}, synthetic errors and limit notices, compaction, custom titles,
 * attachments, and truncated, blank and non-object lines.
 * <p>
 * Run from the command line: {@code java -cp target/test-classes
 * dev.usagemonitor.transcript.corpus.CorpusGenerator FOLDER MEGABYTES [SEED] [single]};
 * {@code single} writes one file instead of one per session.
 */
public final class CorpusGenerator {

	/** The seed used when none is given. */
	public static final long DEFAULT_SEED = 20260914L;

	static final Instant FIRST_DAY = Instant.parse("2026-09-01T00:00:00Z");

	static final int DAYS = 30;

	private final long seed;

	private final boolean singleFile;

	public CorpusGenerator(long seed, boolean singleFile) {
		this.seed = seed;
		this.singleFile = singleFile;
	}

	/**
	 * Writes about {@code targetBytes} of transcripts below {@code folder/projects} and
	 * returns what was written.
	 */
	public CorpusLedger generate(Path folder, long targetBytes) throws IOException {
		Random random = new Random(this.seed);
		CorpusLedger ledger = new CorpusLedger();
		AtomicLong ids = new AtomicLong();
		Path projects = folder.resolve("projects");
		OutputStream single = this.singleFile ? open(projects.resolve("-home-user-big-project/big.jsonl")) : null;
		try {
			int session = 0;
			while (ledger.bytes() < targetBytes) {
				session++;
				writeSession(random, ledger, ids, projects, session, single, targetBytes);
			}
		}
		finally {
			if (single != null) {
				single.close();
			}
		}
		return ledger;
	}

	private void writeSession(Random random, CorpusLedger ledger, AtomicLong ids, Path projects, int number,
			OutputStream single, long targetBytes) throws IOException {
		String project = "-home-user-project-" + (1 + random.nextInt(8));
		String sessionId = String.format("00000000-0000-4000-9000-%012d", number);
		Instant start = FIRST_DAY.plusSeconds(random.nextInt(DAYS * 86_400));
		long sessionBytes = Math.min(targetBytes - ledger.bytes(), 20_000 + random.nextInt(3_000_000));
		SessionWriter writer = new SessionWriter(random, ledger, ids, sessionId, "/home/user/" + project, start);
		if (single != null) {
			writer.write(single, null, sessionBytes);
			return;
		}
		Path folder = projects.resolve(project);
		boolean subagentFile = random.nextInt(4) == 0;
		try (OutputStream main = open(folder.resolve(sessionId + ".jsonl"));
				OutputStream sidechain = subagentFile
						? open(folder.resolve(sessionId + "/subagents/agent-" + number + ".jsonl")) : null) {
			writer.write(main, sidechain, sessionBytes);
		}
	}

	private static OutputStream open(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 16);
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 2) {
			System.err.println("Usage: CorpusGenerator FOLDER MEGABYTES [SEED] [single]");
			System.exit(2);
		}
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : DEFAULT_SEED;
		boolean single = args.length > 3 && "single".equals(args[3]);
		long started = System.nanoTime();
		CorpusLedger ledger = new CorpusGenerator(seed, single).generate(Path.of(args[0]),
				Long.parseLong(args[1]) * 1_000_000L);
		System.out.printf("Wrote %d lines, %.1f MB, %d responses in %.1f s%n", ledger.lines(), ledger.bytes() / 1e6,
				ledger.responses().size(), (System.nanoTime() - started) / 1e9);
	}

}
