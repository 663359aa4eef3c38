package dev.usagemonitor.alert;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.usagemonitor.collect.AccountRepository;
import dev.usagemonitor.collect.Observation;
import dev.usagemonitor.collect.ObservationRepository;
import dev.usagemonitor.store.StoreLocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the stored observations, collection runs and transcript tokens of accounts into
 * alerts and alert events at {@code clock.instant()}. Evaluation is idempotent: running
 * it again over the same data fires nothing new.
 */
@Service
public class ThresholdEvaluation {

	/** Name of the store lock that evaluations share. */
	static final String EVALUATION_LOCK = "alert-evaluation";

	private static final Logger logger = LoggerFactory.getLogger(ThresholdEvaluation.class);

	private final Clock clock;

	private final AccountRepository accounts;

	private final ObservationRepository observations;

	private final WindowRules windowRules;

	private final DailyTokensRule dailyTokensRule;

	private final CollectionHealthRule collectionHealthRule;

	private final StoreLocks locks;

	ThresholdEvaluation(Clock clock, AccountRepository accounts, ObservationRepository observations,
			WindowRules windowRules, DailyTokensRule dailyTokensRule, CollectionHealthRule collectionHealthRule,
			ThresholdProperties thresholds, StoreLocks locks) {
		ThresholdValidator.validate(thresholds);
		this.clock = clock;
		this.accounts = accounts;
		this.observations = observations;
		this.windowRules = windowRules;
		this.dailyTokensRule = dailyTokensRule;
		this.collectionHealthRule = collectionHealthRule;
		this.locks = locks;
	}

	/**
	 * Evaluates the named accounts and returns the events they produced, in order. Names
	 * without an account row are skipped. Every event row is stored with {@code cycleId}.
	 * <p>
	 * Runs in the caller's transaction, so the alerts commit or roll back together with
	 * the observations of the cycle. On a shared store it first takes the store lock
	 * {@value #EVALUATION_LOCK} until that transaction ends, so that evaluations on
	 * several replicas run one after the other and each reads the alerts the previous one
	 * fired. SQLite write transactions exclude each other anyway.
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<AlertEvent> evaluate(String cycleId, Collection<String> accountNames) {
		this.locks.lockForTransaction(EVALUATION_LOCK, 0);
		List<AlertEvent> events = new ArrayList<>();
		for (String name : accountNames) {
			Optional<Long> accountId = this.accounts.findId(name);
			if (accountId.isEmpty()) {
				logger.debug("Skipping account {} in cycle {}: nothing stored for it yet", name, cycleId);
				continue;
			}
			events.addAll(evaluateAccount(new AccountEvaluation(cycleId, this.clock.instant(), accountId.get(), name)));
		}
		return events;
	}

	private List<AlertEvent> evaluateAccount(AccountEvaluation evaluation) {
		this.collectionHealthRule.evaluate(evaluation);
		for (Observation observation : this.observations.findLatest(evaluation.accountId())) {
			this.windowRules.evaluate(evaluation, observation);
		}
		this.dailyTokensRule.evaluate(evaluation);
		logger.debug("Evaluated account {} in cycle {}: {} events", evaluation.account(), evaluation.cycleId(),
				evaluation.events().size());
		return evaluation.events();
	}

}
