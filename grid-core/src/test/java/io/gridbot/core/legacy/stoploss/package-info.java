/**
 * A frozen copy of the decision core before the issue-12 split, for the differential test; deleted when
 * the split is done. Copied from {@code io.gridbot.core.stoploss} with only package declarations and imports
 * rewritten: do not edit, do not use outside {@code GridMachineDifferentialProperties}.
 */
package io.gridbot.core.legacy.stoploss;
