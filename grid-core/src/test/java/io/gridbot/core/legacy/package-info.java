/**
 * A frozen copy of the decision core before the issue-12 split, for the differential test; deleted when
 * the split is done. The sub-packages mirror {@code io.gridbot.core.machine}, {@code reconcile}, {@code risk},
 * {@code stoploss}, {@code ratelimit} and the two logic types of {@code order} ({@code OrderDiff},
 * {@code OrderOwnership}) as they were on main at 249947f, with only package declarations and imports
 * rewritten. The value types that cross the machine's boundary (commands, events, orders, config, market,
 * spacing, levels, log, faults, {@code GridStatus}, {@code GridView}, {@code StopLossReport}) are shared with
 * the current code, so both machines' outputs compare with {@code equals}.
 */
package io.gridbot.core.legacy;
