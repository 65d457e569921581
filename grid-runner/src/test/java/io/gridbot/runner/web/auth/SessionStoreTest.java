package io.gridbot.runner.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Sessions: a login replaces the old session, logout and idleness end one, tokens are compared exactly. */
class SessionStoreTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SessionStore sessions = new SessionStore(now::get);

    @Test
    void aLoginReplacesTheAnonymousSessionWithANewIdAndToken() {
        Session anonymous = sessions.anonymous();
        Session user = sessions.login("alice", anonymous.id());
        assertThat(user.id()).isNotEqualTo(anonymous.id());
        assertThat(user.csrfToken()).isNotEqualTo(anonymous.csrfToken());
        assertThat(sessions.find(anonymous.id())).as("the form's session never becomes the user's")
                .hasValueSatisfying(s -> assertThat(s.authenticated()).isFalse());
        assertThat(sessions.find(user.id())).hasValueSatisfying(s -> assertThat(s.user()).isEqualTo("alice"));
        assertThat(user.toString()).doesNotContain(user.id(), user.csrfToken());
    }

    @Test
    void aSessionEndsAfterEightIdleHoursOrOnLogoutAndAnyRequestKeepsItAlive() {
        Session s = sessions.login("alice", null);
        now.addAndGet(SessionStore.IDLE_MS - 1);
        assertThat(sessions.find(s.id())).isPresent();
        now.addAndGet(SessionStore.IDLE_MS - 1);
        assertThat(sessions.find(s.id())).as("touched by the last request").isPresent();
        now.addAndGet(SessionStore.IDLE_MS + 1);
        assertThat(sessions.find(s.id())).isEmpty();

        Session t = sessions.login("bob", null);
        sessions.logout(t.id());
        assertThat(sessions.find(t.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        Session s = sessions.anonymous();
        assertThat(SessionStore.csrfMatches(s, s.csrfToken())).isTrue();
        assertThat(SessionStore.csrfMatches(s, s.csrfToken() + "x")).isFalse();
        assertThat(SessionStore.csrfMatches(s, null)).isFalse();
        assertThat(SessionStore.csrfMatches(s, "")).isFalse();
    }

    @Test
    void aSessionWhoseUserNoLongerStandsEndsAtItsNextRequest() {
        java.util.Set<String> removed = new java.util.HashSet<>();
        SessionStore guarded = new SessionStore(now::get, s -> !removed.contains(s.user()));
        Session alice = guarded.login("alice", null);
        Session anonymous = guarded.anonymous();
        assertThat(guarded.find(alice.id())).isPresent();

        removed.add("alice");
        assertThat(guarded.find(alice.id())).as("ended").isEmpty();
        removed.clear();
        assertThat(guarded.find(alice.id())).as("and stays ended").isEmpty();
        assertThat(guarded.find(anonymous.id())).as("the login form's session is not a user's").isPresent();
    }

    @Test
    void tenThousandLoginPageVisitsDoNotEndTheLoginFormOfARealUser() {
        Session form = sessions.anonymous();
        for (int i = 0; i < 10_100; i++) {
            sessions.anonymous();
        }
        assertThat(sessions.find(form.id())).as("the real user's form still stands")
                .hasValueSatisfying(s -> assertThat(SessionStore.csrfMatches(s, form.csrfToken())).isTrue());
        String forged = "a." + (now.get() + 1) + form.id().substring(form.id().indexOf('.', 2));
        assertThat(sessions.find(forged)).as("an id with a changed time keeps no signature").isEmpty();
        now.addAndGet(SessionStore.IDLE_MS + 1);
        assertThat(sessions.find(form.id())).as("a form shown eight hours ago").isEmpty();
    }
}
