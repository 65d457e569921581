/** Stream events an adapter delivers to its listeners, in venue-neutral terms. */
package io.gridbot.exchange.stream;
