-- Notification delivery: the time of the last attempt (shown with the outbox state), and an index
-- for the updates that move all rows of one grouped message together.

ALTER TABLE notification_outbox ADD COLUMN last_attempt_at BIGINT;

CREATE INDEX notification_outbox_message ON notification_outbox (message_id);
