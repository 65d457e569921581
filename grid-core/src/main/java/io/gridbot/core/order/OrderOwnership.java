package io.gridbot.core.order;

import java.util.Optional;

/**
 * Whose an order is, decided by the tag in its client id: the one rule every part of a grid asks, so a
 * grid never cancels, adopts or books another grid's order or a person's. Several grids may trade one
 * symbol of one account; each sees only its own orders plus those no grid placed. Whether gridbot made an id
 * at all is {@link ClientOrderId#isOurs}; this adds "and this grid".
 *
 * @param tag the grid's tag ({@link ClientOrderId#tagOf})
 */
public record OrderOwnership(String tag) {

    /** The ownership rule of the grid with this name. */
    public static OrderOwnership of(String gridName) {
        return new OrderOwnership(ClientOrderId.tagOf(gridName));
    }

    /** The id taken apart, when it names an order of this grid; empty for anyone else's. */
    public Optional<ClientOrderId.Parsed> parseOurs(String clientOrderId) {
        return ClientOrderId.parse(clientOrderId).filter(p -> p.tag().equals(tag));
    }

    /** Whether this grid placed the order. */
    public boolean ours(String clientOrderId) {
        return parseOurs(clientOrderId).isPresent();
    }

    /** Whether another grid placed it: an id gridbot made ({@link ClientOrderId#isOurs}), with another tag. */
    public boolean anotherGrids(String clientOrderId) {
        // One parse: this runs for every open order of the symbol at every snapshot.
        return ClientOrderId.parse(clientOrderId).filter(p -> !p.tag().equals(tag)).isPresent();
    }
}
