-- Issue 16: a statistics snapshot keeps the position mode its realized PnL was booked in (on the net position
-- one-way, on each leg in hedge mode) and each leg's realized PnL, fills and position. Snapshots taken before
-- these columns have none of them.
ALTER TABLE grid_statistics ADD COLUMN position_mode VARCHAR(8);
ALTER TABLE grid_statistics ADD COLUMN long_realized_pnl DECIMAL(38,18);
ALTER TABLE grid_statistics ADD COLUMN long_fills BIGINT;
ALTER TABLE grid_statistics ADD COLUMN long_position DECIMAL(38,18);
ALTER TABLE grid_statistics ADD COLUMN short_realized_pnl DECIMAL(38,18);
ALTER TABLE grid_statistics ADD COLUMN short_fills BIGINT;
ALTER TABLE grid_statistics ADD COLUMN short_position DECIMAL(38,18);
