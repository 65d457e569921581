package io.gridbot.runner.web.http;

/** Who may reach a route. */
public enum Access {
    /** Anyone: the login page, its form, static assets and the API's description. */
    PUBLIC,
    /**
     * A logged-in user, or on the API (paths under {@code /api/} and the CSV downloads) a program with a valid
     * API token; a page redirects to the login page, an API call answers 401.
     */
    USER
}
