-- Notification outbox: one row per (alert event, channel), written in the transaction of the event.
-- status: pending | delivered | given_up | suppressed. message_id is the stable id of the grouped
-- message the row was sent in (the webhook-id of generic webhooks).

CREATE TABLE notification_outbox (
    id ${id_column},
    event_id BIGINT NOT NULL REFERENCES alert_events (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    channel TEXT NOT NULL,
    cycle_id TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    message_id TEXT,
    last_error TEXT,
    UNIQUE (event_id, channel)
);

CREATE INDEX notification_outbox_status_next ON notification_outbox (status, next_attempt_at);

-- One row per configured channel. broken_reason is the receiver's error text; a channel stays broken
-- until its configuration (config_fingerprint) changes.
CREATE TABLE notification_channels (
    name TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    config_fingerprint TEXT NOT NULL,
    broken_at BIGINT,
    broken_reason TEXT,
    next_send_at BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL
);
