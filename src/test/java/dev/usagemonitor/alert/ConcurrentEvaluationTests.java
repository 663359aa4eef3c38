package dev.usagemonitor.alert;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two evaluations of one account in overlapping transactions, as two replicas of a shared
 * store run them: the second waits for the first to commit and then reads its alert,
 * instead of firing the alert again or failing on the one-firing-alert index.
 */
class ConcurrentEvaluationTests extends AlertTestSupport {

	@Test
	void overlappingEvaluationsFireOnce() throws Exception {
		String account = uniqueName("overlap");
		long accountId = account(account);
		observe(accountId, session(91.0, START.plus(Duration.ofHours(2))));
		CountDownLatch firstEvaluated = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);

		CompletableFuture<List<AlertEvent>> first = CompletableFuture
			.supplyAsync(() -> this.transactions.execute((status) -> {
				List<AlertEvent> events = this.evaluation.evaluate("cycle-first", List.of(account));
				firstEvaluated.countDown();
				await(commitFirst);
				return events;
			}));
		assertThat(firstEvaluated.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<List<AlertEvent>> second = CompletableFuture.supplyAsync(() -> this.transactions
			.execute((status) -> this.evaluation.evaluate("cycle-second", List.of(account))));
		// Give the second evaluation time to reach the lock (or, without it, the insert).
		Thread.sleep(300);
		commitFirst.countDown();

		assertThat(summary(first.get(10, TimeUnit.SECONDS))).containsExactly("threshold:critical:firing");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alert_events WHERE account_id = :account")
			.param("account", accountId)
			.query(Integer.class)
			.single()).isOne();
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
