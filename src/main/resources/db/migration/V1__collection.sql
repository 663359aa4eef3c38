-- Collection: accounts, one row per collection attempt, the windows each attempt observed, the raw
-- answers (secrets removed) and the OAuth token pairs the monitor owns.
-- Instants are epoch milliseconds (BIGINT) so that the same SQL runs on SQLite and PostgreSQL.

CREATE TABLE accounts (
    id ${id_column},
    name TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE collection_runs (
    id ${id_column},
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    cycle_id TEXT,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL,
    http_status INTEGER
);

CREATE INDEX collection_runs_account_started ON collection_runs (account_id, started_at);

-- utilization NULL means unknown; resets_at NULL with a utilization means the window has not started.
CREATE TABLE window_observations (
    id ${id_column},
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    run_id BIGINT REFERENCES collection_runs (id),
    window_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    utilization DOUBLE PRECISION,
    resets_at BIGINT,
    observed_at BIGINT NOT NULL,
    source TEXT NOT NULL,
    spend_used_minor BIGINT,
    spend_cap_minor BIGINT,
    spend_currency TEXT,
    spend_decimal_places INTEGER
);

CREATE INDEX window_observations_account_window_time ON window_observations (account_id, window_id, observed_at);
CREATE INDEX window_observations_account_time ON window_observations (account_id, observed_at);

CREATE TABLE raw_payloads (
    id ${id_column},
    run_id BIGINT REFERENCES collection_runs (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    fetched_at BIGINT NOT NULL,
    endpoint TEXT NOT NULL,
    http_status INTEGER,
    content_type TEXT,
    body TEXT
);

CREATE INDEX raw_payloads_account_time ON raw_payloads (account_id, fetched_at);

-- configured_fingerprint is a hash of the configured pair: when the operator configures a new pair,
-- it replaces the stored (rotated) one.
CREATE TABLE oauth_tokens (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
    access_token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    expires_at BIGINT,
    configured_fingerprint TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE account_backoff (
    account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
    failures INTEGER NOT NULL,
    blocked_until BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The freshest observation of each window, maintained on write so "latest per account and window"
-- is a key lookup instead of a scan of the history.
CREATE TABLE window_latest (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    window_id TEXT NOT NULL,
    observation_id BIGINT NOT NULL REFERENCES window_observations (id),
    observed_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, window_id)
);
