/**
 * The grid decision core: a deterministic state machine that takes {@link io.gridbot.core.event.GridEvent}s
 * and returns {@link io.gridbot.core.command.GridCommand}s. It reads no clock, opens no socket, starts no
 * thread and touches no database; time arrives inside every event. Entry point:
 * {@link io.gridbot.core.machine.GridMachine}.
 */
package io.gridbot.core;
