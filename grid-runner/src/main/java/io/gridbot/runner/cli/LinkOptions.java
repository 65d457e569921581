package io.gridbot.runner.cli;

import io.gridbot.runner.link.DaemonApi;
import io.gridbot.runner.link.DaemonEndpoint;
import io.gridbot.runner.link.DatabaseSource;
import io.gridbot.runner.link.GridLink;
import io.gridbot.runner.store.OpenMode;
import io.gridbot.runner.store.StoreOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which daemon a command asks: {@code --api URL} (or {@code GRIDBOT_API_URL}, with the token in
 * {@code GRIDBOT_API_TOKEN}), else the daemons that published themselves under the data directory; when none
 * answers, the command reads the database as it always has.
 */
public final class LinkOptions {

    /** How long a daemon has to accept the connection before the command reads the database instead. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    /** How long a daemon has to answer a question before the command reads the database instead. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    @Option(names = "--api", paramLabel = "URL",
            description = "a running daemon's API, e.g. http://127.0.0.1:8080/ (default: $GRIDBOT_API_URL, else the"
                    + " daemon of the data directory; the database when none answers)")
    URI api;

    /** The link of a command run in this environment, on this store. */
    GridLink open(StoreOptions store, Map<String, String> env) {
        String token = env.get("GRIDBOT_API_TOKEN");
        URI explicit = api != null ? api
                : env.get("GRIDBOT_API_URL") == null || env.get("GRIDBOT_API_URL").isBlank() ? null
                : URI.create(env.get("GRIDBOT_API_URL").strip());
        List<DaemonApi> daemons = explicit != null ? List.of(daemon(explicit, token))
                : DaemonEndpoint.published(store.dataDirectory()).stream().map(e -> daemon(e.api(), e.token())).toList();
        return new GridLink(daemons, () -> new DatabaseSource(store.open(OpenMode.EXISTING), System::currentTimeMillis,
                System.getProperty("user.name")));
    }

    /** {@link #open(StoreOptions, Map)} in this process's environment. */
    GridLink open(StoreOptions store) {
        return open(store, System.getenv());
    }

    private static DaemonApi daemon(URI api, String token) {
        return new DaemonApi(api, token, CONNECT_TIMEOUT, READ_TIMEOUT);
    }
}
