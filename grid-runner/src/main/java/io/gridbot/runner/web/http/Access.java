package io.gridbot.runner.web.http;

/** Who may reach a route. */
public enum Access {
    /** Anyone: the login page, its form and static assets. */
    PUBLIC,
    /** A logged-in user; a page redirects to the login page, an API call answers 401. */
    USER
}
