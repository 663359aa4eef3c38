package dev.usagemonitor.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import dev.usagemonitor.collect.WindowKind;
import dev.usagemonitor.config.MonitorProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Binding and validation of {@code monitor.thresholds} and {@code monitor.alerts}.
 */
class ThresholdPropertiesTests {

	@Test
	void defaultsMatchDocumentation() {
		ThresholdProperties properties = bind(Map.of());
		ThresholdProperties.WindowLevels levels = properties.levels("personal", WindowKind.SESSION);
		assertThat(levels.warningPercent()).isEqualTo(70);
		assertThat(levels.criticalPercent()).isEqualTo(90);
		assertThat(levels.warningAmount()).isNull();
		assertThat(properties.hysteresisPercent()).isEqualTo(5);
		assertThat(properties.resetTolerance()).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.dailyTokens("personal"))
			.isEqualTo(new ThresholdProperties.DailyTokenLevels(10000, 20000));
		assertThat(properties.failingAfterRuns()).isEqualTo(3);
		assertThat(properties.staleAfter(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.projection().minSpan()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void mostSpecificScopeWins() {
		ThresholdProperties properties = bind(Map.of("monitor.thresholds.warning-percent", "65",
				"monitor.thresholds.kinds.weekly-scoped.warning-percent", "50",
				"monitor.thresholds.accounts.work.warning-percent", "60",
				"monitor.thresholds.accounts.work.kinds.session.warning-percent", "55"));
		assertThat(properties.levels("personal", WindowKind.SESSION).warningPercent()).isEqualTo(65);
		assertThat(properties.levels("personal", WindowKind.WEEKLY_SCOPED).warningPercent()).isEqualTo(50);
		assertThat(properties.levels("work", WindowKind.WEEKLY_SCOPED).warningPercent()).isEqualTo(60);
		assertThat(properties.levels("work", WindowKind.SESSION).warningPercent()).isEqualTo(55);
	}

	@Test
	void environmentVariablesBind() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("MONITOR_THRESHOLDS_CRITICALPERCENT", "85",
									"MONITOR_THRESHOLDS_KINDS_WEEKLYSCOPED_WARNINGPERCENT", "50",
									"MONITOR_THRESHOLDS_ACCOUNTS_WORK_SPENDWARNINGAMOUNT", "12.50",
									"MONITOR_THRESHOLDS_ACCOUNTS_WORK_KINDS_SESSION_CRITICALPERCENT", "80",
									"MONITOR_THRESHOLDS_PROJECTION_MINSPAN", "20m")));
		ThresholdProperties properties = Binder.get(environment)
			.bindOrCreate("monitor.thresholds", ThresholdProperties.class);
		assertThat(properties.levels("personal", WindowKind.WEEKLY).criticalPercent()).isEqualTo(85);
		assertThat(properties.levels("personal", WindowKind.WEEKLY_SCOPED).warningPercent()).isEqualTo(50);
		assertThat(properties.levels("work", WindowKind.SPEND).warningAmount()).isEqualByComparingTo("12.50");
		assertThat(properties.levels("work", WindowKind.SESSION).criticalPercent()).isEqualTo(80);
		assertThat(properties.projection().minSpan()).isEqualTo(Duration.ofMinutes(20));
	}

	@Test
	void invalidLevelsNameTheProperty() {
		ThresholdProperties properties = bind(Map.of("monitor.thresholds.accounts.work.kinds.session.warning-percent",
				"95", "monitor.thresholds.spend-warning-amount", "60", "monitor.thresholds.spend-critical-amount",
				"50"));
		assertThatIllegalArgumentException().isThrownBy(() -> ThresholdValidator.validate(properties))
			.withMessageContaining("accounts.work.warning-percent 95.0 and critical-percent 90.0 for session windows"
					+ " must satisfy 0 < warning <= critical <= 100")
			.withMessageContaining("spend-warning-amount 60 must not exceed spend-critical-amount 50")
			.withMessageNotContaining("for weekly windows");
	}

	@Test
	void validDefaultsPass() {
		ThresholdValidator.validate(bind(Map.of()));
		assertThat(bind(Map.of("monitor.thresholds.spend-warning-amount", "20")).spendWarningAmount())
			.isEqualTo(new BigDecimal("20"));
	}

	@Test
	void silenceWithoutEndIsRejected() {
		Map<String, String> values = Map.of("monitor.alerts.silences[0].account", "work",
				"monitor.alerts.silences[0].comment", "travelling");
		assertThatIllegalArgumentException().isThrownBy(() -> suppressions(values))
			.withMessage("monitor.alerts.silences[0].ends-at is missing: set the instant the silence ends, for example"
					+ " 2026-12-24T18:00:00Z");
	}

	@Test
	void silenceWithUnknownTypeIsRejected() {
		Map<String, String> values = Map.of("monitor.alerts.silences[0].type", "thresholds",
				"monitor.alerts.silences[0].ends-at", "2026-12-24T18:00:00Z", "monitor.alerts.silences[0].comment",
				"typo");
		assertThatIllegalArgumentException().isThrownBy(() -> suppressions(values))
			.withMessageStartingWith("monitor.alerts.silences[0].type is invalid: Unknown alert type 'thresholds'");
	}

	@Test
	void quietHoursSpanMidnight() {
		AlertProperties.QuietHours night = new AlertProperties.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
		assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
		assertThat(night.contains(LocalTime.of(6, 59))).isTrue();
		assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
		assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
	}

	@Test
	void quietHoursNeedBothEnds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> suppressions(Map.of("monitor.alerts.quiet-hours.start", "22:00")))
			.withMessageStartingWith("monitor.alerts.quiet-hours needs both start and end");
	}

	private static ThresholdProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("monitor.thresholds",
				ThresholdProperties.class);
	}

	private static Suppressions suppressions(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return new Suppressions(binder.bindOrCreate("monitor.alerts", AlertProperties.class),
				binder.bindOrCreate("monitor", MonitorProperties.class));
	}

}
