package dev.usagemonitor.collect;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Raw responses of the collection endpoints, secrets removed, kept so that old responses
 * can be parsed again after a parser fix.
 */
@Repository
public class RawPayloadRepository {

	private final JdbcClient jdbc;

	RawPayloadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores one response, which must already be redacted.
	 */
	public void save(long accountId, Long runId, RawPayload payload) {
		this.jdbc.sql("""
				INSERT INTO raw_payloads (run_id, account_id, fetched_at, endpoint, http_status, content_type, body)
				VALUES (:run, :account, :fetched, :endpoint, :status, :type, :body)
				""")
			.param("run", runId)
			.param("account", accountId)
			.param("fetched", payload.fetchedAt().toEpochMilli())
			.param("endpoint", payload.endpoint())
			.param("status", payload.httpStatus())
			.param("type", payload.contentType())
			.param("body", payload.body())
			.update();
	}

	/**
	 * Returns the responses stored for one collection run, oldest first.
	 */
	public List<RawPayload> findByRun(long runId) {
		return this.jdbc.sql("""
				SELECT fetched_at, endpoint, http_status, content_type, body FROM raw_payloads
				WHERE run_id = :run ORDER BY fetched_at, id
				""")
			.param("run", runId)
			.query((rs, row) -> new RawPayload(Instant.ofEpochMilli(rs.getLong("fetched_at")), rs.getString("endpoint"),
					rs.getInt("http_status"), rs.getString("content_type"), rs.getString("body")))
			.list();
	}

	/**
	 * One stored response.
	 *
	 * @param fetchedAt when the response arrived
	 * @param endpoint request method and URL without query, for example
	 * {@code GET https://claude.ai/api/organizations}
	 * @param httpStatus HTTP status of the response
	 * @param contentType {@code Content-Type} of the response, or {@code null}
	 * @param body response body with secrets removed
	 */
	public record RawPayload(Instant fetchedAt, String endpoint, int httpStatus, String contentType, String body) {
	}

}
