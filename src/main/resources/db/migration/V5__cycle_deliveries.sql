-- CloudEvents that triggered a monitoring cycle, keyed by the event's source and id as the CloudEvents
-- specification defines uniqueness. A redelivery of the same event within the replay window returns the
-- stored summary (JSON) instead of running a second cycle. received_at is epoch milliseconds; rows older
-- than the replay window are deleted when a later event is recorded.

CREATE TABLE cycle_deliveries (
    event_source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    cycle_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (event_source, event_id)
);

CREATE INDEX cycle_deliveries_received ON cycle_deliveries (received_at);
