package dev.usagemonitor.store;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Default size of the connection pool for each vendor, applied unless
 * {@code spring.datasource.hikari.maximum-pool-size} or {@code minimum-idle} is set.
 * <p>
 * SQLite: 4 connections, because WAL lets readers run beside the one writer, and more
 * connections would only queue on the write lock. PostgreSQL: up to 6 connections, one
 * kept idle. A process holds one for the cycle lock, one for the cycle's work, and up to
 * two while it refreshes an OAuth token. The rest serve concurrent requests. Five
 * replicas then stay well under PostgreSQL's default of 100 connections.
 *
 * @param maximum maximum number of connections
 * @param minimumIdle connections kept open while idle
 */
record PoolSize(int maximum, int minimumIdle) {

	static PoolSize of(DatabaseVendor vendor) {
		return switch (vendor) {
			case SQLITE -> new PoolSize(4, 1);
			case POSTGRESQL -> new PoolSize(6, 1);
		};
	}

	/**
	 * Applies this size to the pool, leaving out each value the environment sets.
	 */
	void applyTo(HikariDataSource pool, Environment environment) {
		Binder binder = Binder.get(environment);
		if (!binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).isBound()) {
			pool.setMaximumPoolSize(this.maximum);
		}
		if (!binder.bind("spring.datasource.hikari.minimum-idle", Integer.class).isBound()) {
			pool.setMinimumIdle(Math.min(this.minimumIdle, pool.getMaximumPoolSize()));
		}
	}

}
