-- A control request's outcome is what the person who asked reads: a refusal says why and how to fix it (a
-- position-mode mismatch names both modes and the command that switches the account), longer than 255 letters.
ALTER TABLE grid_control MODIFY COLUMN outcome VARCHAR(2000);
