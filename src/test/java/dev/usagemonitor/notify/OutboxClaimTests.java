package dev.usagemonitor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claiming a message is a conditional update of all its rows: it succeeds only while the
 * rows are pending and due, and moves them past {@code now}. Under concurrent claims one
 * wins. On PostgreSQL a losing update waits for the winner's row locks and then re-checks
 * its condition against the committed rows, which are no longer due.
 */
class OutboxClaimTests extends OutboxTestSupport {

	static final int CLAIMERS = 8;

	@Test
	void concurrentClaimsHaveOneWinner() throws Exception {
		Channel hook = channel("hook", ChannelType.WEBHOOK, "/hook");
		Channel slack = channel("team", ChannelType.SLACK, "/slack");
		long account = account("personal");
		for (String level : List.of("warning", "critical", "exhausted")) {
			event(account, "cycle-1", level);
		}
		assertThat(enqueue("cycle-1", hook, slack)).isEqualTo(6);
		List<String> messages = this.jdbc.sql("SELECT DISTINCT message_id FROM notification_outbox")
			.query(String.class)
			.list();
		assertThat(messages).hasSize(2);

		List<List<Integer>> attemptsByClaimer = claimConcurrently(messages);

		for (int message = 0; message < messages.size(); message++) {
			int index = message;
			List<Integer> results = attemptsByClaimer.stream().map((claims) -> claims.get(index)).toList();
			assertThat(results).as("claims of %s", messages.get(index)).containsOnlyOnce(1);
			assertThat(results).as("claims of %s", messages.get(index)).containsOnly(0, 1);
		}
		assertThat(outbox()).extracting((row) -> ((Number) row.get("attempts")).intValue()).containsOnly(1);
	}

	/**
	 * Lets {@value #CLAIMERS} threads claim every message at the same moment and returns
	 * each thread's results, in message order.
	 */
	private List<List<Integer>> claimConcurrently(List<String> messages) throws Exception {
		OutboxRepository repository = new OutboxRepository(this.jdbc);
		Instant now = this.clock.instant();
		CyclicBarrier start = new CyclicBarrier(CLAIMERS);
		Callable<List<Integer>> claimer = () -> {
			start.await();
			return messages.stream().map((id) -> repository.claim(id, now, now.plus(Duration.ofMinutes(2)))).toList();
		};
		ExecutorService threads = Executors.newFixedThreadPool(CLAIMERS);
		try {
			List<Future<List<Integer>>> futures = new ArrayList<>();
			for (int i = 0; i < CLAIMERS; i++) {
				futures.add(threads.submit(claimer));
			}
			List<List<Integer>> results = new ArrayList<>();
			for (Future<List<Integer>> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
