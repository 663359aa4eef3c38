package dev.usagemonitor.transcript.importer;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place with a carriage return; only used when a
 * terminal is attached.
 */
final class ProgressBar implements ImportProgress {

	private static final int WIDTH = 30;

	private static final long REDRAW_NANOS = 100_000_000;

	private final PrintStream out;

	private long totalBytes;

	private int totalFiles;

	private long doneBytes;

	private int doneFiles;

	private long lastDrawn;

	ProgressBar(PrintStream out) {
		this.out = out;
	}

	@Override
	public synchronized void start(int files, long bytes) {
		this.totalFiles = files;
		this.totalBytes = Math.max(bytes, 1);
		draw();
	}

	@Override
	public synchronized void fileDone(long bytes) {
		this.doneFiles++;
		this.doneBytes += bytes;
		long now = System.nanoTime();
		if (now - this.lastDrawn >= REDRAW_NANOS || this.doneFiles == this.totalFiles) {
			this.lastDrawn = now;
			draw();
		}
	}

	@Override
	public synchronized void finish() {
		this.out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
		this.out.flush();
	}

	private void draw() {
		int filled = (int) (WIDTH * Math.min(1.0, (double) this.doneBytes / this.totalBytes));
		this.out.printf("\r[%s%s] %3d%% %d/%d files %.1f MB", "#".repeat(filled), " ".repeat(WIDTH - filled),
				100 * filled / WIDTH, this.doneFiles, this.totalFiles, this.doneBytes / 1e6);
		this.out.flush();
	}

}
