package io.gridbot.runner.web;

import io.gridbot.persistence.user.LoginName;
import io.gridbot.runner.web.auth.Authenticator;
import io.gridbot.runner.web.auth.Session;
import io.gridbot.runner.web.auth.SessionStore;
import io.gridbot.runner.web.http.HttpCall;
import io.gridbot.runner.web.http.Route;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out. The login form carries the CSRF token of an anonymous session made when the form is
 * shown, so a login cannot be forced from another site; a successful login replaces that session with a
 * new one (a new id), and logging out ends it.
 */
public final class LoginRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(LoginRoutes.class);

    /** Renders the login page with its token and message. */
    @FunctionalInterface
    public interface LoginPage {
        void render(HttpCall call, int status, String csrf, String message) throws Exception;
    }

    private final SessionStore sessions;
    private final Authenticator authenticator;
    private final LoginPage page;

    public LoginRoutes(SessionStore sessions, Authenticator authenticator, LoginPage page) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.page = page;
    }

    /** The routes: the form, its submission, and logging out. */
    public List<Route> routes() {
        return List.of(Route.get("/login", this::form).open(), Route.post("/login", this::submit).open(),
                Route.post("/logout", this::logout));
    }

    private void form(HttpCall call) throws Exception {
        Session session = call.session();
        if (session != null && session.authenticated()) {
            call.redirect("/");
            return;
        }
        if (session == null) {
            session = sessions.anonymous();
            call.sessionCookie(session.id());
        }
        String message = switch (call.query("failed").orElse("")) {
            case "refused" -> "Wrong name or password.";
            case "locked" -> "Too many failed attempts: wait a minute and try again.";
            case "out" -> "You are logged out.";
            default -> "";
        };
        page.render(call, 200, session.csrfToken(), message);
    }

    private void submit(HttpCall call) throws Exception {
        Fields form = call.form();
        String name = form.getValue("username");
        String password = form.getValue("password");
        if (name == null || password == null || name.isBlank()) {
            call.redirect("/login?failed=refused");
            return;
        }
        name = LoginName.of(name);
        switch (authenticator.check(name, password.toCharArray())) {
            case ACCEPTED -> {
                Session fresh = sessions.login(name, call.session().id());
                call.sessionCookie(fresh.id());
                LOG.info("dashboard: {} logged in", printable(name));
                call.redirect("/");
            }
            case LOCKED -> {
                LOG.warn("dashboard: login for {} refused, too many failures", printable(name));
                call.redirect("/login?failed=locked");
            }
            case REFUSED -> {
                LOG.info("dashboard: failed login for {}", printable(name));
                call.redirect("/login?failed=refused");
            }
        }
    }

    private void logout(HttpCall call) throws Exception {
        sessions.logout(call.session().id());
        call.json(200, Map.of("loggedOut", true));
    }

    /** A submitted name as it may be logged: control characters could forge log lines. */
    private static String printable(String name) {
        String safe = name.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
    }
}
