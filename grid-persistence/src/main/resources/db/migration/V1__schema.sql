-- gridbot schema, version 1. Portable between MySQL/MariaDB and H2 (MySQL mode).
-- Money and quantities are DECIMAL(38,18); times are epoch milliseconds (BIGINT).

CREATE TABLE grid_config (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                    VARCHAR(64)    NOT NULL,
    exchange                VARCHAR(32)    NOT NULL,
    symbol                  VARCHAR(32)    NOT NULL,
    grid_mode               VARCHAR(16)    NOT NULL,
    spacing                 VARCHAR(16)    NOT NULL,
    spacing_pct             DECIMAL(38,18),
    centre_price            DECIMAL(38,18),
    lower_price             DECIMAL(38,18),
    upper_price             DECIMAL(38,18),
    grid_levels             INT            NOT NULL,
    trade_amount            DECIMAL(38,18) NOT NULL,
    max_position_size       DECIMAL(38,18) NOT NULL,
    stop_loss_buffer_pct    DECIMAL(38,18) NOT NULL,
    refresh_interval_ms     BIGINT         NOT NULL,
    time_in_force           VARCHAR(8)     NOT NULL,
    position_mode           VARCHAR(16)    NOT NULL,
    maker_fee_rate          DECIMAL(38,18) NOT NULL,
    protective_stop         BOOLEAN        NOT NULL,
    cooldown_ms             BIGINT         NOT NULL,
    partial_fill_timeout_ms BIGINT         NOT NULL,
    log_capacity            INT            NOT NULL,
    price_tick              DECIMAL(38,18) NOT NULL,
    qty_step                DECIMAL(38,18) NOT NULL,
    min_qty                 DECIMAL(38,18) NOT NULL,
    min_notional            DECIMAL(38,18) NOT NULL,
    max_open_orders         INT            NOT NULL,
    is_active               BOOLEAN        NOT NULL,
    created_at              BIGINT         NOT NULL,
    updated_at              BIGINT         NOT NULL,
    CONSTRAINT uk_grid_config_name UNIQUE (name)
);

-- One row a grid: its lifecycle state and which process runs it.
CREATE TABLE grid_runtime (
    config_id    BIGINT      NOT NULL PRIMARY KEY,
    status       VARCHAR(16) NOT NULL,
    owner        VARCHAR(128),
    heartbeat_at BIGINT,
    updated_at   BIGINT      NOT NULL
);

-- Control requests from another terminal or host; the daemon running the grid acknowledges them.
CREATE TABLE grid_control (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id    BIGINT       NOT NULL,
    action       VARCHAR(16)  NOT NULL,
    requested_at BIGINT       NOT NULL,
    requested_by VARCHAR(128),
    acked_at     BIGINT,
    outcome      VARCHAR(255)
);
CREATE INDEX ix_grid_control_pending ON grid_control (config_id, acked_at);

-- The lines fixed at first start (clarification A: kept across restarts).
CREATE TABLE grid_ladder (
    config_id BIGINT         NOT NULL,
    line      INT            NOT NULL,
    price     DECIMAL(38,18) NOT NULL,
    PRIMARY KEY (config_id, line)
);

CREATE TABLE grid_level (
    config_id       BIGINT         NOT NULL,
    line            INT            NOT NULL,
    level_index     INT            NOT NULL,
    price           DECIMAL(38,18) NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    side            VARCHAR(4),
    order_seq       BIGINT         NOT NULL,
    entry_client_id VARCHAR(36),
    entry_order_id  VARCHAR(64),
    exit_client_id  VARCHAR(36),
    exit_order_id   VARCHAR(64),
    entry_filled    DECIMAL(38,18) NOT NULL,
    entry_avg_price DECIMAL(38,18),
    exit_filled     DECIMAL(38,18) NOT NULL,
    blocked_until   BIGINT         NOT NULL,
    updated_at      BIGINT         NOT NULL,
    PRIMARY KEY (config_id, line)
);

CREATE TABLE order_intent (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id       BIGINT         NOT NULL,
    client_order_id VARCHAR(36)    NOT NULL,
    order_id        VARCHAR(64),
    level_index     INT,
    line            INT            NOT NULL,
    intent          VARCHAR(8),
    side            VARCHAR(4)     NOT NULL,
    order_type      VARCHAR(16)    NOT NULL,
    price           DECIMAL(38,18),
    amount          DECIMAL(38,18),
    reduce_only     BOOLEAN        NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    filled          DECIMAL(38,18) NOT NULL,
    created_at      BIGINT         NOT NULL,
    resolved_at     BIGINT,
    CONSTRAINT uk_order_intent UNIQUE (config_id, client_order_id)
);

-- Every execution. dedupe_key makes a replayed fill a no-op.
CREATE TABLE fill_ledger (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id       BIGINT         NOT NULL,
    dedupe_key      VARCHAR(160)   NOT NULL,
    exchange_time   BIGINT         NOT NULL,
    client_order_id VARCHAR(36)    NOT NULL,
    order_id        VARCHAR(64),
    trade_id        VARCHAR(64),
    kind            VARCHAR(8)     NOT NULL,
    side            VARCHAR(4)     NOT NULL,
    line            INT            NOT NULL,
    price           DECIMAL(38,18) NOT NULL,
    qty             DECIMAL(38,18) NOT NULL,
    fee             DECIMAL(38,18) NOT NULL,
    fee_asset       VARCHAR(16),
    realized_pnl    DECIMAL(38,18) NOT NULL,
    CONSTRAINT uk_fill_ledger UNIQUE (config_id, dedupe_key)
);
CREATE INDEX ix_fill_ledger_time ON fill_ledger (config_id, exchange_time);

CREATE TABLE trade_log (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id   BIGINT      NOT NULL,
    log_type    VARCHAR(8)  NOT NULL,
    detail      TEXT        NOT NULL,
    ts          BIGINT      NOT NULL,
    order_id    VARCHAR(64),
    level_index INT,
    created_at  BIGINT      NOT NULL
);
CREATE INDEX ix_trade_log_time ON trade_log (config_id, ts);
CREATE INDEX ix_trade_log_type_time ON trade_log (config_id, log_type, ts);

CREATE TABLE grid_statistics (
    id                        BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id                 BIGINT         NOT NULL,
    period                    VARCHAR(8)     NOT NULL,
    period_start              BIGINT         NOT NULL,
    period_end                BIGINT         NOT NULL,
    total_trades              BIGINT         NOT NULL,
    filled_entry_orders       BIGINT         NOT NULL,
    filled_exit_orders        BIGINT         NOT NULL,
    canceled_orders           BIGINT         NOT NULL,
    realized_pnl              DECIMAL(38,18) NOT NULL,
    fees                      DECIMAL(38,18) NOT NULL,
    funding                   DECIMAL(38,18) NOT NULL,
    unrealized_pnl            DECIMAL(38,18) NOT NULL,
    total_pnl                 DECIMAL(38,18) NOT NULL,
    max_drawdown              DECIMAL(38,18) NOT NULL,
    max_position_size         DECIMAL(38,18) NOT NULL,
    avg_position_size         DECIMAL(38,18) NOT NULL,
    current_position_size     DECIMAL(38,18) NOT NULL,
    stop_loss_triggered_count BIGINT         NOT NULL,
    created_at                BIGINT         NOT NULL
);
CREATE INDEX ix_grid_statistics_time ON grid_statistics (config_id, period, period_end);

CREATE TABLE stop_loss_report (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id       BIGINT         NOT NULL,
    triggered_at    BIGINT         NOT NULL,
    trigger_price   DECIMAL(38,18),
    stop_line       DECIMAL(38,18),
    reason          VARCHAR(512)   NOT NULL,
    position        DECIMAL(38,18) NOT NULL,
    close_price     DECIMAL(38,18),
    closed_at       BIGINT         NOT NULL,
    slippage        DECIMAL(38,18),
    slippage_cost   DECIMAL(38,18)
);

CREATE TABLE funding_payment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id    BIGINT         NOT NULL,
    funding_time BIGINT         NOT NULL,
    asset        VARCHAR(16)    NOT NULL,
    amount       DECIMAL(38,18) NOT NULL
);

CREATE TABLE equity_snapshot (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    config_id  BIGINT         NOT NULL,
    at_ms      BIGINT         NOT NULL,
    equity     DECIMAL(38,18) NOT NULL,
    position   DECIMAL(38,18) NOT NULL,
    mark_price DECIMAL(38,18)
);
CREATE INDEX ix_equity_snapshot_time ON equity_snapshot (config_id, at_ms);

-- API keys and secrets, encrypted (AES-GCM) with a key that never enters the database.
CREATE TABLE exchange_credential (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    exchange    VARCHAR(32)   NOT NULL,
    label       VARCHAR(64)   NOT NULL,
    api_key     VARCHAR(1024) NOT NULL,
    api_secret  VARCHAR(1024) NOT NULL,
    key_version INT           NOT NULL,
    created_at  BIGINT        NOT NULL,
    CONSTRAINT uk_exchange_credential UNIQUE (exchange, label)
);
