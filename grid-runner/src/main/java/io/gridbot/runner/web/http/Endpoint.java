package io.gridbot.runner.web.http;

/** What a route does with a call. */
@FunctionalInterface
public interface Endpoint {

    /** Handles the call, replying through it. */
    void handle(HttpCall call) throws Exception;
}
