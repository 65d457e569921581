-- Which price the venue-side protective stop watches: LAST (the last trade, as the grid's own stop-loss rule)
-- or MARK (the venue's mark price). Grids stored before this column watched the last price.
ALTER TABLE grid_config ADD COLUMN protective_stop_trigger VARCHAR(8) NOT NULL DEFAULT 'LAST';
