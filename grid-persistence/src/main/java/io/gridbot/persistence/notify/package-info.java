/** Stored notifiers: where grids' alerts are sent, their addresses and secrets encrypted. */
package io.gridbot.persistence.notify;
