-- Alert lifecycle. An alert is keyed by (account, window, window instance, type, level); each state
-- change is an event. window_id is '' for account-level alerts (collection health, daily tokens).
-- instance_key is the resets_at (epoch ms) that identified the window instance, 0 when there is none.

CREATE TABLE alerts (
    id ${id_column},
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    window_id TEXT NOT NULL,
    instance_key BIGINT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    state TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    resolved_at BIGINT,
    value DOUBLE PRECISION,
    resets_at BIGINT,
    message TEXT NOT NULL
);

CREATE INDEX alerts_account_state ON alerts (account_id, state);
CREATE INDEX alerts_account_window_instance ON alerts (account_id, window_id, instance_key);

-- suppressed_by is NULL when notifications go out, otherwise the silence or quiet-hours rule that held them.
CREATE TABLE alert_events (
    id ${id_column},
    alert_id BIGINT NOT NULL REFERENCES alerts (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    cycle_id TEXT,
    window_id TEXT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    state TEXT NOT NULL,
    value DOUBLE PRECISION,
    resets_at BIGINT,
    occurred_at BIGINT NOT NULL,
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    suppressed_by TEXT
);

CREATE INDEX alert_events_account_time ON alert_events (account_id, occurred_at);
