-- Dashboard users (issue 7): a name and a slow salted password hash; the password itself is never stored.
CREATE TABLE dashboard_user (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL
);
CREATE UNIQUE INDEX ux_dashboard_user_name ON dashboard_user (username);
