package io.gridbot.core.order;

/** How long a limit order lives. */
public enum TimeInForce {
    /** Good till cancelled: rests until filled or cancelled. */
    GTC,
    /** Good till crossing (post-only): rejected by the venue if it would take liquidity. */
    GTX
}
