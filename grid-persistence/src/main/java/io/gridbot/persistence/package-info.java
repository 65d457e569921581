/**
 * Persistence of grid configs, levels, orders, fills, logs and statistics (issue 4).
 */
package io.gridbot.persistence;
