package io.gridbot.runner.lifecycle;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends this process when the process that started it ends. The jar's launcher, on a Java older than 21,
 * runs the command in a child JVM and waits for it; a {@code kill -9} of the launcher (the process the user
 * started) runs none of its code, so without this watch the child would go on hosting and trading grids that
 * nobody sees. The launcher names itself in {@value #PROPERTY}; when it is gone the child exits as on SIGTERM
 * (its shutdown hooks pause the grids with their orders kept, and flush).
 */
public final class ParentWatch {

    /** The system property holding the launcher's process id. */
    public static final String PROPERTY = "gridbot.parent.pid";
    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);

    private ParentWatch() {
    }

    /** Watches the launcher named in {@value #PROPERTY}, if any; exits at once if it has already gone. */
    public static void install() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null || pid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent;
        try {
            // The direct parent, and only if it is the launcher that named itself: a pid alone could be reused.
            parent = ProcessHandle.current().parent().filter(p -> p.pid() == Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            LOG.warn("ignoring {}={}: not a process id", PROPERTY, pid);
            return;
        }
        if (parent.isEmpty()) {
            parentGone(pid);
            return;
        }
        parent.get().onExit().thenRun(() -> parentGone(pid));
    }

    private static void parentGone(String pid) {
        LOG.warn("the launcher (process {}) has ended: stopping this process too", pid);
        System.exit(1);
    }
}
