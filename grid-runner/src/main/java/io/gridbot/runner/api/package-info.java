/**
 * The daemon's HTTP API beyond the dashboard: API tokens (made, hashed and checked here, stored by the
 * persistence module) and the API's OpenAPI description.
 */
package io.gridbot.runner.api;
