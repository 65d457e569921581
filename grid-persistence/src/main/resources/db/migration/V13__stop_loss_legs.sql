-- A hedge-mode grid's stop-loss closes two legs that never net: the report keeps each leg's position at the
-- trigger beside their sum. Reports of one-way grids, and those stored before this column, leave both NULL.
ALTER TABLE stop_loss_report ADD COLUMN long_leg DECIMAL(38,18);
ALTER TABLE stop_loss_report ADD COLUMN short_leg DECIMAL(38,18);
