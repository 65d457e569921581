-- Dashboard user names have one spelling, lower case (issue 11): MariaDB compared them case-insensitively
-- while the login lockout counted failures by the exact spelling. Two names that differ only in case (possible
-- only on the embedded database, which compared them exactly) keep the newest.
DELETE FROM dashboard_user WHERE id NOT IN (
    SELECT keep FROM (SELECT MAX(id) AS keep FROM dashboard_user GROUP BY LOWER(username)) newest);
UPDATE dashboard_user SET username = LOWER(username);
