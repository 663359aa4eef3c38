package dev.usagemonitor.collect;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Account rows. Accounts come from configuration; a row is created the first time an
 * account is seen and kept afterwards, so history survives a configuration change.
 */
@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Returns the id of the named account, creating its row when missing and updating its
	 * source.
	 */
	public long ensure(String name, String source) {
		this.jdbc.sql("""
				INSERT INTO accounts (name, source, created_at) VALUES (:name, :source, :now)
				ON CONFLICT (name) DO UPDATE SET source = excluded.source
				""").param("name", name).param("source", source).param("now", this.clock.millis()).update();
		return findId(name).orElseThrow();
	}

	/**
	 * Returns the id of the named account, if it has a row.
	 */
	public Optional<Long> findId(String name) {
		return this.jdbc.sql("SELECT id FROM accounts WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.optional();
	}

	/**
	 * Returns every account row, ordered by name.
	 */
	public List<StoredAccount> findAll() {
		return this.jdbc.sql("SELECT id, name, source FROM accounts ORDER BY name")
			.query((rs, row) -> new StoredAccount(rs.getLong("id"), rs.getString("name"), rs.getString("source")))
			.list();
	}

	/**
	 * An account row.
	 *
	 * @param id row id
	 * @param name configured name
	 * @param source configured source
	 */
	public record StoredAccount(long id, String name, String source) {
	}

}
