/**
 * The example venue of docs/writing-an-adapter.md: {@link io.gridbot.exchange.example.ExampleVenueProvider} is how
 * the runner finds it, {@link io.gridbot.exchange.example.ExampleExchange} the adapter it opens.
 */
package io.gridbot.exchange.example;
