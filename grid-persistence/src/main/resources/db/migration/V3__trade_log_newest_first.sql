-- The log page reads a grid's newest entries first (issue 7: pages load well under 3 s with a million rows).
-- H2 walks an index in order only when ORDER BY matches its columns and directions from the first column,
-- so the query orders by (config_id, ts, id) descending and this index matches it; MySQL/MariaDB use it too.
CREATE INDEX ix_trade_log_newest ON trade_log (config_id DESC, ts DESC, id DESC);
-- The same for one type: a rare type (ERROR) is found without walking the whole log.
CREATE INDEX ix_trade_log_type_newest ON trade_log (config_id DESC, log_type DESC, ts DESC, id DESC);
