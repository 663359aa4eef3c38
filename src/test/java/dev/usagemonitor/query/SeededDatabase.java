package dev.usagemonitor.query;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.CollectionRunRepository;
import dev.usagemonitor.collect.ObservationRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds {@link UsageScenario} once per database, in one transaction.
 */
public final class SeededDatabase {

	private SeededDatabase() {
	}

	public static UsageSeeder seedOnce(JdbcClient jdbc, AccountRepository accounts, ObservationRepository observations,
			CollectionRunRepository runs, TransactionTemplate transactions) {
		UsageSeeder seeder = new UsageSeeder(jdbc, accounts, observations, runs);
		if (accounts.findId("personal").isEmpty()) {
			transactions.executeWithoutResult((status) -> UsageScenario.seed(seeder));
		}
		return seeder;
	}

}
