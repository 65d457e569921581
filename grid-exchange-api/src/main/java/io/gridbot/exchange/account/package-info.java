/**
 * What an account holds on a venue: balances and positions, as the REST answers and the account stream both
 * report them.
 */
package io.gridbot.exchange.account;
