/**
 * Venues as plug-ins: a {@link io.gridbot.exchange.venue.VenueProvider} describes one venue (its code, what it
 * can do, the settings it reads, the client order ids it accepts) and opens its adapter;
 * {@link io.gridbot.exchange.venue.VenueCatalog} finds every provider on the class path or module path with
 * {@link java.util.ServiceLoader}, so a venue in its own jar needs no change to gridbot. Client order ids the
 * core makes reach a venue through its {@link io.gridbot.exchange.venue.ClientIdCodec}, applied both ways by
 * {@link io.gridbot.exchange.venue.EncodedClientIds}. docs/writing-an-adapter.md is the walk-through.
 */
package io.gridbot.exchange.venue;
