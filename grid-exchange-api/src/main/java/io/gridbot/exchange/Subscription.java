package io.gridbot.exchange;

/** A stream subscription; closing it stops the listener's events. Closing twice does nothing. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
