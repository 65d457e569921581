package io.gridbot.runner.web.auth;

/**
 * One browser session: its id (the cookie's value), the CSRF token every state-changing request must echo,
 * and the user once logged in ({@code null} for the anonymous session of the login page).
 *
 * @param id        the secret session id
 * @param csrfToken the token a POST must carry
 * @param user      the logged-in user, or {@code null}
 * @param createdMs when it began
 */
public record Session(String id, String csrfToken, String user, long createdMs) {

    /** Whether a user has logged in on it. */
    public boolean authenticated() {
        return user != null;
    }

    /** Keeps the secrets out of logs. */
    @Override
    public String toString() {
        return "Session[" + (user == null ? "anonymous" : user) + "]";
    }
}
