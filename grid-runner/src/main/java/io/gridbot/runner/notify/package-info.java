/**
 * Notifications: the core's alerts, and the shell's own failures, sent to the stored notifiers (a webhook, a
 * Telegram chat) by one worker per notifier, so no grid ever waits on a receiver.
 */
package io.gridbot.runner.notify;
