package io.gridbot.runner.notify;

import java.io.IOException;

/**
 * One notifier's receiving end, spoken to over HTTP. One attempt per call; retries are {@link Courier}'s.
 * Nothing it throws or answers carries the notifier's target or secret.
 */
sealed interface Receiver permits WebhookReceiver, TelegramReceiver {

    /**
     * Sends one alert once.
     *
     * @throws IOException when the receiver could not be reached or did not answer in time; its message is
     *                     cleared of the target and secret
     */
    Answer send(GridAlert alert) throws IOException, InterruptedException;
}
