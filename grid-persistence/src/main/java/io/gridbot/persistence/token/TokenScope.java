package io.gridbot.persistence.token;

/** What an API token may do. */
public enum TokenScope {
    /** Read only: the API's GET (and HEAD) requests. */
    READ,
    /** Everything the API offers, changes and grid control included. */
    CONTROL
}
