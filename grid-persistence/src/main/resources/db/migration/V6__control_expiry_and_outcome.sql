-- Issue 11: a control request carries its expiry, after which no daemon carries it out; a start's outcome is
-- settled once the grid runs or has ended, and every outcome says whether anything was done.
ALTER TABLE grid_control ADD COLUMN expires_at BIGINT;
ALTER TABLE grid_control ADD COLUMN settled_at BIGINT;
ALTER TABLE grid_control ADD COLUMN settlement VARCHAR(16);
-- Requests queued before requests could expire are never carried out now.
UPDATE grid_control SET acked_at = requested_at, settled_at = requested_at, settlement = 'EXPIRED',
    outcome = 'expired: queued before requests carried an expiry' WHERE acked_at IS NULL;
