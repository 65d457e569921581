/**
 * Internal to grid-core: the rate-limit back-off, used by {@link io.gridbot.core.machine} only. The module
 * does not export this package.
 */
package io.gridbot.core.ratelimit;
