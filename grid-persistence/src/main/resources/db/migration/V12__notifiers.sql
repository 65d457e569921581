-- Notifiers: where a grid's alerts go (a webhook or a Telegram chat). The receiver's address (a webhook URL can
-- carry a token in its path; a Telegram chat id) and its secret (the bot token, or the webhook's signing key)
-- are stored encrypted like exchange keys; target_shown is the redacted form listings show.
CREATE TABLE notifier (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    target        VARCHAR(4096) NOT NULL,
    target_shown  VARCHAR(255)  NOT NULL,
    secret        VARCHAR(1024),
    alert_kinds   VARCHAR(255)  NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    CONSTRAINT uk_notifier_name UNIQUE (name)
);
