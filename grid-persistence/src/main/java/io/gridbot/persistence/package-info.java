/**
 * Persistence of the spec's entities: Flyway migrations, jOOQ repositories over a HikariCP pool,
 * on MySQL/MariaDB by JDBC URL or an embedded H2 file database by default. {@link io.gridbot.persistence.Database}
 * is the entry point; repositories map rows to the core's records and never hand jOOQ types upward.
 */
package io.gridbot.persistence;
