/**
 * The exchange adapter SPI: what a venue must offer a grid (issue 3).
 */
package io.gridbot.exchange;
