-- Alert lifecycle additions.
-- resolution is the reason an alert stopped firing: below_level (fell under its level minus the hysteresis),
-- window_reset (its window instance ended), escalated (a higher level of the same instance fired),
-- projection_cleared, collection_ok, day_ended or notice (a one-shot notice such as window_reset).
ALTER TABLE alerts ADD COLUMN resolution TEXT;

-- At most one firing alert per key, so a repeated or concurrent evaluation cannot fire the same alert twice.
CREATE UNIQUE INDEX alerts_one_firing ON alerts (account_id, window_id, instance_key, type, level)
    WHERE state = 'firing';
