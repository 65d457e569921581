-- API tokens: a name, what the token may do (READ: GET only; CONTROL: everything) and the SHA-256 of the token,
-- in hex. The token itself is never stored: it is shown once, when it is created. A token is 32 random bytes,
-- so a plain hash, without salt or stretching, cannot be reversed. last_used_at is refreshed about once a minute.
CREATE TABLE api_token (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64) NOT NULL,
    scope         VARCHAR(16) NOT NULL,
    token_hash    CHAR(64)    NOT NULL,
    created_at    BIGINT      NOT NULL,
    last_used_at  BIGINT      NULL,
    revoked_at    BIGINT      NULL
);
CREATE UNIQUE INDEX ux_api_token_name ON api_token (name);
CREATE UNIQUE INDEX ux_api_token_hash ON api_token (token_hash);
