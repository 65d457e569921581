/**
 * A simulated USDT-margined perpetual exchange: the venue of the offline demo, of replays and of every test
 * that needs an exchange that misbehaves on purpose. Deterministic on a virtual clock.
 */
package io.gridbot.exchange.sim;
