package dev.usagemonitor.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Collection attempts, one row each, with their status and operator message.
 */
@Repository
public class CollectionRunRepository {

	private final JdbcClient jdbc;

	CollectionRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an attempt and returns its row id.
	 */
	public long save(long accountId, String cycleId, Instant startedAt, Instant finishedAt, CollectionStatus status,
			String message, Integer httpStatus) {
		return this.jdbc
			.sql("""
					INSERT INTO collection_runs (account_id, cycle_id, started_at, finished_at, status, message, http_status)
					VALUES (:account, :cycle, :started, :finished, :status, :message, :http)
					RETURNING id
					""")
			.param("account", accountId)
			.param("cycle", cycleId)
			.param("started", startedAt.toEpochMilli())
			.param("finished", finishedAt.toEpochMilli())
			.param("status", status.code())
			.param("message", message)
			.param("http", httpStatus)
			.query(Long.class)
			.single();
	}

	/**
	 * Returns the most recent attempts of an account, newest first.
	 */
	public List<CollectionRun> findRecent(long accountId, int limit) {
		return this.jdbc.sql("""
				SELECT id, account_id, cycle_id, started_at, finished_at, status, message, http_status
				FROM collection_runs WHERE account_id = :account ORDER BY started_at DESC, id DESC LIMIT :limit
				""").param("account", accountId).param("limit", limit).query(CollectionRunRepository::map).list();
	}

	/**
	 * Returns the most recent attempt of an account.
	 */
	public Optional<CollectionRun> findLatest(long accountId) {
		return findRecent(accountId, 1).stream().findFirst();
	}

	/**
	 * Returns the most recent successful attempt of an account.
	 */
	public Optional<CollectionRun> findLatestSuccess(long accountId) {
		return this.jdbc.sql("""
				SELECT id, account_id, cycle_id, started_at, finished_at, status, message, http_status
				FROM collection_runs WHERE account_id = :account AND status = 'ok'
				ORDER BY started_at DESC, id DESC LIMIT 1
				""").param("account", accountId).query(CollectionRunRepository::map).optional();
	}

	private static CollectionRun map(ResultSet rs, int row) throws SQLException {
		int http = rs.getInt("http_status");
		Integer httpStatus = rs.wasNull() ? null : http;
		return new CollectionRun(rs.getLong("id"), rs.getLong("account_id"), rs.getString("cycle_id"),
				Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("finished_at")),
				CollectionStatus.ofCode(rs.getString("status")), rs.getString("message"), httpStatus);
	}

}
