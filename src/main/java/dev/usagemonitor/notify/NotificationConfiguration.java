package dev.usagemonitor.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.AccountProperties;
import dev.usagemonitor.config.MonitorProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notification beans: the validated channels (start-up fails with a list of invalid
 * properties), the outbox writer, the flush use case and the {@code notifyWebhook}
 * function.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/** Time a claimed message stays hidden from other flushes beyond one attempt. */
	private static final Duration CLAIM_MARGIN = Duration.ofMinutes(1);

	@Bean
	Channels notificationChannels(NotificationProperties notifications, MonitorProperties monitor) {
		Set<String> accounts = monitor.accounts()
			.stream()
			.map(AccountProperties::name)
			.collect(Collectors.toUnmodifiableSet());
		return new Channels(ChannelSettings.validate(notifications.channels(), accounts));
	}

	@Bean
	NotificationOutbox notificationOutbox(JdbcClient jdbc, Channels channels, Clock clock) {
		return new NotificationOutbox(jdbc, channels, clock);
	}

	@Bean
	FlushNotifications flushNotifications(JdbcClient jdbc, Channels channels, NotificationProperties notifications,
			MonitorProperties monitor, JsonMapper json, Clock clock) {
		return flushNotifications(jdbc, channels, notifications, monitor.http(), json, clock, Pause.sleeping(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	@Bean
	NotificationStatusQuery notificationStatusQuery(JdbcClient jdbc, Channels channels) {
		return new NotificationStatusQuery(jdbc, channels);
	}

	/**
	 * {@code POST /notifyWebhook}: flushes the outbox on demand and returns 202 Accepted.
	 * The body is ignored.
	 */
	@Bean
	Consumer<String> notifyWebhook(FlushNotifications flush) {
		return (ignored) -> flush.flush();
	}

	/**
	 * Builds the flush use case with its collaborators. Tests use it to run several
	 * instances over one database with their own channels, clock and pause.
	 */
	static FlushNotifications flushNotifications(JdbcClient jdbc, Channels channels,
			NotificationProperties notifications, MonitorProperties.Http http, JsonMapper json, Clock clock,
			Pause pause, DoubleSupplier random) {
		NotificationProperties.Delivery settings = notifications.notifications();
		OutboxRepository outbox = new OutboxRepository(jdbc);
		ChannelStateRepository channelStates = new ChannelStateRepository(jdbc);
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(http.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		DeliveryClient client = new DeliveryClient(httpClient, http.requestTimeout(), new ResponseClassifier(json),
				clock);
		Duration claimLease = http.connectTimeout().plus(http.requestTimeout()).plus(CLAIM_MARGIN);
		Pacing pacing = new Pacing(outbox, channelStates, settings.maxPacingWait(), claimLease, pause, clock);
		RetryPolicy retryPolicy = new RetryPolicy(settings.initialBackoff(), settings.maxBackoff(), random);
		MessageDelivery delivery = new MessageDelivery(outbox, channelStates, channels, new MessageFormats(json),
				client, pacing, retryPolicy, notifications.dashboard().publicUrl(), clock);
		return new FlushNotifications(outbox, channelStates, channels, delivery, settings, claimLease, clock);
	}

}
