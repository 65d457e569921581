package io.gridbot.runner.web.auth;

import io.gridbot.persistence.token.TokenScope;

/** Who made a request that passed the security check: a logged-in browser, or a program with an API token. */
public sealed interface Caller {

    /** How logs and control requests name the caller, for example {@code dashboard:alice} or {@code api:grafana}. */
    String by();

    /**
     * A browser session of a dashboard user.
     *
     * @param session the logged-in session
     */
    record Browser(Session session) implements Caller {
        @Override
        public String by() {
            return "dashboard:" + session.user();
        }
    }

    /**
     * A program presenting an API token.
     *
     * @param name  the token's name
     * @param scope what it may do
     */
    record Token(String name, TokenScope scope) implements Caller {
        @Override
        public String by() {
            return "api:" + name;
        }
    }
}
