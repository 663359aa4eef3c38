-- Alert lifecycle additions.
-- resolution is the reason an alert stopped firing, NULL while it fires. One of:
--   below_level         the value fell under its level minus the hysteresis
--   window_reset        its window instance ended
--   escalated           a higher level of the same instance replaced it
--   projection_cleared  the burn rate no longer reaches 100 % before the reset
--   collection_ok       a collection run succeeded again
--   day_ended           the day of a daily token alert ended
--   notice              a one-shot notice such as window_reset, resolved as it fires
ALTER TABLE alerts ADD COLUMN resolution TEXT;

-- At most one firing alert per key, so a repeated or concurrent evaluation cannot fire the same alert twice.
CREATE UNIQUE INDEX alerts_one_firing ON alerts (account_id, window_id, instance_key, type, level)
    WHERE state = 'firing';
