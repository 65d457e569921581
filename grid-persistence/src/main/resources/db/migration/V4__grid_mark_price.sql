-- The last market price each hosting daemon saw for its grid, written with the lease's heartbeat (every 5 s),
-- so `grid status` and a dashboard on another host value open positions at the market, not the last fill.
ALTER TABLE grid_runtime ADD COLUMN mark_price DECIMAL(38,18);
ALTER TABLE grid_runtime ADD COLUMN mark_price_at BIGINT;
