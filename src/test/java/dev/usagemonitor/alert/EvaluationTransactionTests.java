package dev.usagemonitor.alert;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The evaluation joins the caller's transaction and never commits on its own.
 */
class EvaluationTransactionTests extends AlertTestSupport {

	@Test
	void evaluationWithoutTransactionIsRejected() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.evaluation.evaluate("cycle-test", List.of("nobody")));
	}

	@Test
	void rolledBackEvaluationLeavesNothing() {
		String account = uniqueName("rollback");
		long accountId = account(account);
		observe(accountId, session(91.0, START.plus(Duration.ofHours(2))));
		List<AlertEvent> discarded = this.transactions.execute((status) -> {
			status.setRollbackOnly();
			return this.evaluation.evaluate("cycle-discarded", List.of(account));
		});
		assertThat(summary(discarded)).containsExactly("threshold:critical:firing");
		assertThat(alertRows(accountId)).isZero();
		assertThat(summary(evaluate(account))).containsExactly("threshold:critical:firing");
		assertThat(alertRows(accountId)).isOne();
	}

	@Test
	void eventsCarryCycleId() {
		String account = uniqueName("cycle");
		long accountId = account(account);
		observe(accountId, session(91.0, START.plus(Duration.ofHours(2))));
		List<AlertEvent> events = evaluate(account);
		String stored = this.jdbc.sql("SELECT cycle_id FROM alert_events WHERE id = :id")
			.param("id", events.get(0).id())
			.query(String.class)
			.single();
		assertThat(events.get(0).cycleId()).isEqualTo("cycle-test");
		assertThat(stored).isEqualTo("cycle-test");
	}

	@Test
	void unknownAccountIsSkipped() {
		assertThat(evaluate("never-stored")).isEmpty();
	}

	private long alertRows(long accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

}
