package dev.usagemonitor.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import dev.usagemonitor.config.MonitorProperties;
import dev.usagemonitor.support.MutableClock;
import dev.usagemonitor.support.StoreTest;
import dev.usagemonitor.support.StubServer;
import dev.usagemonitor.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Base of the outbox tests. Every subclass shares one application context over a real
 * store (see {@link TestDatabase}), which is emptied before each test. Each test gets a
 * receiver stub, a test clock and builders for channels, alert events and flush
 * instances. A new flush instance plays the part of a newly started process.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@StoreTest
abstract class OutboxTestSupport {

	static final Instant START = Instant.parse("2026-03-03T08:00:00Z");

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final Path FOLDER = createDatabaseFolder();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactionManager;

	final MutableClock clock = new MutableClock(START);

	final List<Duration> pauses = new ArrayList<>();

	StubServer receiver;

	private long nextAlertId = 1;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, FOLDER);
	}

	@BeforeEach
	void emptyTablesAndStartReceiver() {
		for (String table : List.of("notification_outbox", "notification_channels", "alert_events", "alerts",
				"accounts")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		this.receiver = StubServer.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	Channel channel(String name, ChannelType type, String path) {
		URI url = URI.create(this.receiver.baseUrl() + path);
		String secret = (type == ChannelType.WEBHOOK) ? SECRET : null;
		return new Channel(name, type, url, secret, null, Severity.INFO, Set.of(), type.defaultMinInterval());
	}

	long account(String name) {
		return this.jdbc.sql("INSERT INTO accounts (name, source, created_at) VALUES (:name, 'oauth', 0) RETURNING id")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts an alert and one event of it, as the alert evaluation would.
	 */
	long event(long accountId, String cycleId, String level, String state, String suppressedBy) {
		long alertId = this.jdbc.sql("""
				INSERT INTO alerts (account_id, window_id, instance_key, type, level, state, started_at, message)
				VALUES (:account, 'seven_day', :instance, 'threshold', :level, :state, :now, 'message')
				RETURNING id
				""")
			.param("account", accountId)
			.param("instance", this.nextAlertId++)
			.param("level", level)
			.param("state", state)
			.param("now", this.clock.millis())
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, account_id, cycle_id, window_id, type, level, state, value,
					resets_at, occurred_at, title, message, suppressed_by)
				VALUES (:alert, :account, :cycle, 'seven_day', 'threshold', :level, :state, 91.0, :resets, :now,
					:title, :message, :suppressed)
				RETURNING id
				""")
			.param("alert", alertId)
			.param("account", accountId)
			.param("cycle", cycleId)
			.param("level", level)
			.param("state", state)
			.param("resets", START.plus(Duration.ofDays(7)).toEpochMilli())
			.param("now", this.clock.millis())
			.param("title", "Weekly limit " + level)
			.param("message", "Weekly limit (all models) at 91 % — resets Tue 09:00 UTC")
			.param("suppressed", suppressedBy)
			.query(Long.class)
			.single();
	}

	long event(long accountId, String cycleId, String level) {
		return event(accountId, cycleId, level, "firing", null);
	}

	/**
	 * Enqueues a cycle in its own transaction, as the cycle does after writing its
	 * events.
	 */
	int enqueue(String cycleId, Channel... channels) {
		NotificationOutbox outbox = new NotificationOutbox(this.jdbc, new Channels(Arrays.asList(channels)),
				this.clock);
		return new TransactionTemplate(this.transactionManager).execute((status) -> outbox.enqueue(cycleId));
	}

	FlushNotifications flusher(Channel... channels) {
		return flusher(Duration.ofSeconds(2), channels);
	}

	/**
	 * Returns a new flush instance, as a freshly started process would build it.
	 */
	FlushNotifications flusher(Duration requestTimeout, Channel... channels) {
		NotificationProperties properties = new NotificationProperties(List.of(),
				new NotificationProperties.Delivery(Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofHours(1),
						50, Duration.ofSeconds(2)),
				new NotificationProperties.Dashboard(URI.create("https://usage.example.test/")));
		MonitorProperties.Http http = new MonitorProperties.Http(Duration.ofSeconds(2), requestTimeout);
		return NotificationConfiguration.flushNotifications(this.jdbc, new Channels(Arrays.asList(channels)),
				properties, http, this.json, this.clock, this::pause, () -> 0.5);
	}

	List<Map<String, Object>> outbox() {
		return this.jdbc.sql("SELECT * FROM notification_outbox ORDER BY id").query().listOfRows();
	}

	Map<String, Object> outboxRow(long eventId) {
		return this.jdbc.sql("SELECT * FROM notification_outbox WHERE event_id = :event")
			.param("event", eventId)
			.query()
			.singleRow();
	}

	Map<String, Object> channelRow(String name) {
		return this.jdbc.sql("SELECT * FROM notification_channels WHERE name = :name")
			.param("name", name)
			.query()
			.singleRow();
	}

	long millisAfterStart(Duration duration) {
		return START.plus(duration).toEpochMilli();
	}

	private void pause(Duration duration) {
		this.pauses.add(duration);
		this.clock.advance(duration);
	}

	private static void deleteFolder(Path folder) {
		try (var files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
			Files.deleteIfExists(folder);
		}
		catch (IOException ex) {
			// The folder is under the temporary directory, which the system cleans up
			// anyway.
		}
	}

	private static Path createDatabaseFolder() {
		try {
			Path folder = Files.createTempDirectory("notify-tests");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteFolder(folder)));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
