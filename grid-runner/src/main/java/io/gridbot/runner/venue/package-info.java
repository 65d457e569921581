/** Which venue adapter serves a grid: venue codes mapped to adapters opened on first use, and their settings. */
package io.gridbot.runner.venue;
