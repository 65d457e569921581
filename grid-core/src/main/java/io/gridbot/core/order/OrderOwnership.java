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
        if (!tagAt(clientOrderId)) {
            return Optional.empty(); // whatever else it is, its tag is not this grid's
        }
        return ClientOrderId.parse(clientOrderId).filter(p -> p.tag().equals(tag));
    }

    /** Whether this grid placed the order. */
    public boolean ours(String clientOrderId) {
        return parseOurs(clientOrderId).isPresent();
    }

    /** Whether another grid placed it: an id gridbot made ({@link ClientOrderId#isOurs}), with another tag. */
    public boolean anotherGrids(String clientOrderId) {
        // This runs for every open order of the symbol at every snapshot: an id with this grid's tag in the
        // tag's place is no other grid's, whether it parses or not, and needs no parse.
        if (tag.length() == TAG_LENGTH && tagAt(clientOrderId)) {
            return false;
        }
        return ClientOrderId.parse(clientOrderId).filter(p -> !p.tag().equals(tag)).isPresent();
    }

    private static final int TAG_LENGTH = 8;

    /** Whether the characters where an id of ours holds its tag are this grid's tag. */
    private boolean tagAt(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith("gb_") && clientOrderId.regionMatches(3, tag, 0, tag.length());
    }
}
