package io.gridbot.runner.metrics;

import java.util.List;

/** What a daemon's notifiers have done so far, by notifier name: read at each scrape. */
public interface NotifierFigures {

    /** The notifiers in use now. */
    List<String> names();

    /** Alerts the named notifier delivered. */
    long delivered(String name);

    /** Alerts the named notifier dropped for want of room in its queue. */
    long dropped(String name);
}
