-- Pre-aggregated history of window_observations for the dashboard charts, so that a month or a
-- year of 5-minute observations is read as a few thousand rows instead of a full history scan.
-- grain_ms is the bucket width (3600000 for hourly, 86400000 for daily rows); bucket_start is
-- observed_at rounded down to a multiple of it (UTC). min/max/last ignore unknown (NULL) values;
-- last_* come from the newest observation of the bucket.
CREATE TABLE window_rollups (
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    window_id TEXT NOT NULL,
    grain_ms BIGINT NOT NULL,
    bucket_start BIGINT NOT NULL,
    min_utilization DOUBLE PRECISION,
    max_utilization DOUBLE PRECISION,
    last_utilization DOUBLE PRECISION,
    last_observed_at BIGINT NOT NULL,
    last_resets_at BIGINT,
    samples INTEGER NOT NULL,
    PRIMARY KEY (account_id, grain_ms, bucket_start, window_id)
);

-- How far the rollups have read window_observations: every observation with an id up to
-- last_observation_id is included. One row, created here.
CREATE TABLE window_rollup_progress (
    id INTEGER PRIMARY KEY,
    last_observation_id BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

INSERT INTO window_rollup_progress (id, last_observation_id, updated_at) VALUES (1, 0, 0);
