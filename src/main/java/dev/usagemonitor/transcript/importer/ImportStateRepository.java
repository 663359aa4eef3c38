package dev.usagemonitor.transcript.importer;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.usagemonitor.transcript.ingest.TranscriptWriteLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-file import state in {@code transcript_files}.
 */
@Repository
class ImportStateRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TranscriptWriteLock writeLock;

	ImportStateRepository(JdbcClient jdbc, Clock clock, TranscriptWriteLock writeLock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writeLock = writeLock;
	}

	/**
	 * Returns the state of every file imported for an account, keyed by absolute path.
	 */
	Map<String, FileState> findAll(long accountId) {
		Map<String, FileState> states = new HashMap<>();
		this.jdbc.sql("SELECT path, size, modified_at, byte_offset FROM transcript_files WHERE account_id = :account")
			.param("account", accountId)
			.query((rs) -> {
				states.put(rs.getString("path"),
						new FileState(rs.getLong("size"), rs.getLong("modified_at"), rs.getLong("byte_offset")));
			});
		return states;
	}

	void save(long accountId, String path, FileState state) {
		this.writeLock.call(() -> this.jdbc.sql("""
				INSERT INTO transcript_files (account_id, path, size, modified_at, byte_offset, imported_at)
				VALUES (:account, :path, :size, :modified, :offset, :now)
				ON CONFLICT (account_id, path) DO UPDATE SET size = excluded.size,
				    modified_at = excluded.modified_at, byte_offset = excluded.byte_offset,
				    imported_at = excluded.imported_at
				""")
			.param("account", accountId)
			.param("path", path)
			.param("size", state.size())
			.param("modified", state.modifiedAt())
			.param("offset", state.byteOffset())
			.param("now", this.clock.millis())
			.update());
	}

}
