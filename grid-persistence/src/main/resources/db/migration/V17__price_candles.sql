-- The prices each grid saw, kept as one-minute candles (open, high, low, close) for the dashboard's price
-- chart: the hosting daemon updates the current minute's row as prices arrive, and a replay stores those of
-- its series. One row per grid and minute; minute_ms is the minute's start in epoch milliseconds.
CREATE TABLE price_candle (
    config_id   BIGINT         NOT NULL,
    minute_ms   BIGINT         NOT NULL,
    open_price  DECIMAL(38,18) NOT NULL,
    high_price  DECIMAL(38,18) NOT NULL,
    low_price   DECIMAL(38,18) NOT NULL,
    close_price DECIMAL(38,18) NOT NULL,
    PRIMARY KEY (config_id, minute_ms)
);
