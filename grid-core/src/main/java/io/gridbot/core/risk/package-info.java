/**
 * Internal to grid-core: the position-limit budget and the grid's own share of the account's position, used
 * by {@link io.gridbot.core.machine} only. The module does not export this package.
 */
package io.gridbot.core.risk;
