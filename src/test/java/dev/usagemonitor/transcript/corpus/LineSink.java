package dev.usagemonitor.transcript.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes lines to a file and counts them.
 */
final class LineSink {

	private final OutputStream out;

	private final CorpusLedger ledger;

	private long bytes;

	LineSink(OutputStream out, CorpusLedger ledger) {
		this.out = out;
		this.ledger = ledger;
	}

	void write(String line) throws IOException {
		byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
		this.out.write(encoded);
		this.out.write('\n');
		this.bytes += encoded.length + 1;
		this.ledger.wrote(1, encoded.length + 1);
	}

	long bytes() {
		return this.bytes;
	}

}
