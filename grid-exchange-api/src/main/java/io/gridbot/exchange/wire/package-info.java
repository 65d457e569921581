/**
 * What venue adapters share in speaking to a venue over the wire, whatever the venue: the venue's clock as this
 * machine estimates it ({@link io.gridbot.exchange.wire.ServerClock}), and the refusal to guess a value the adapter
 * does not know ({@link io.gridbot.exchange.wire.UnknownVenueValueException}). Venue-specific reading and signing stay in
 * each adapter.
 */
package io.gridbot.exchange.wire;
