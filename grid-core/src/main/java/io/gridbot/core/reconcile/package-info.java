/**
 * Internal to grid-core: restart reconciliation, the recovery of missed fills and the periodic drift check,
 * used by {@link io.gridbot.core.machine} only. Its types are public so that the machine's package can reach
 * them; the module does not export this package, and nothing outside grid-core may depend on it.
 */
package io.gridbot.core.reconcile;
