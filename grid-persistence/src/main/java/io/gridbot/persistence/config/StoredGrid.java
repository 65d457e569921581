package io.gridbot.persistence.config;

import io.gridbot.core.config.GridConfig;

/**
 * A grid configuration as stored: its id, the configuration, and its bookkeeping.
 *
 * @param id        the row id, which other tables refer to
 * @param config    the configuration
 * @param active    whether it is enabled
 * @param createdAt creation time, epoch ms
 * @param updatedAt last change, epoch ms
 */
public record StoredGrid(long id, GridConfig config, boolean active, long createdAt, long updatedAt) {
}
