-- Token usage from Claude Code transcripts: one row per API response, deduplicated by dedup_key
-- (message id plus request id, or the message id alone when the request id is missing).

CREATE TABLE token_usage (
    id ${id_column},
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    dedup_key TEXT NOT NULL,
    message_id TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    project TEXT NOT NULL,
    session_id TEXT,
    model TEXT NOT NULL,
    sidechain INTEGER NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    cache_creation_5m_tokens BIGINT NOT NULL,
    cache_creation_1h_tokens BIGINT NOT NULL,
    cache_read_tokens BIGINT NOT NULL,
    web_search_requests INTEGER NOT NULL,
    speed TEXT,
    reported_cost_usd DOUBLE PRECISION,
    UNIQUE (account_id, dedup_key)
);

CREATE INDEX token_usage_account_time ON token_usage (account_id, occurred_at);
CREATE INDEX token_usage_account_message ON token_usage (account_id, message_id);
