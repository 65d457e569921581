package io.gridbot.exchange.venue;

/**
 * How the core's client order ids ({@link io.gridbot.core.order.ClientOrderId}) become ids a venue accepts, and
 * back, so that an order read back from the venue (open orders, order events, queries, trades) carries the id the
 * core made and a restart maps it to its grid line from the id alone.
 *
 * <p>A codec is a bijection between the ids the core makes and its encodings: {@code decode(encode(id))} is
 * {@code id}. An id the core did not make (a person's order) passes both ways unchanged, and {@link #decode}
 * returns any id that is not an encoding unchanged, so such orders stay not ours. A codec holds no state and is
 * safe to call from any thread.
 */
public interface ClientIdCodec {

    /** The core's ids as they are: for a venue whose rules they already fit (Binance's 36 characters of {@code [.A-Z:/a-z0-9_-]}). */
    ClientIdCodec UNCHANGED = StandardCodecs.UNCHANGED;

    /**
     * Letters and digits only, at most 32 characters: the separators dropped and the line's digits written before
     * the kind and side letters, which end them ({@code gb_c9yjwd6k_SB_0_1} becomes {@code gbc9yjwd6k0SB1}). For
     * a venue that takes no {@code _} (OKX: at most 32 letters and digits).
     */
    ClientIdCodec LETTERS_AND_DIGITS = StandardCodecs.LETTERS_AND_DIGITS;

    /** The id the venue is sent for the core's {@code id}. */
    String encode(String id);

    /** The core's id for the venue's {@code id}; the id itself when it is no encoding. */
    String decode(String id);
}
