package io.gridbot.runner.lifecycle;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a process's orderly stop once, on SIGTERM or Ctrl-C, before the JVM starts shutting down.
 *
 * <p>Why not only a shutdown hook: hooks run side by side, and the embedded H2 database closes itself from its
 * own hook, so the daemon's last writes (grids paused, remembered as running) could meet a closed database.
 * Handling the signal first lets the stop finish while the database is still open; the JVM then exits as
 * usual. Where the JVM offers no signal handling ({@code sun.misc.Signal}, reached reflectively so the build
 * stays free of internal-API warnings), the shutdown hook alone does the job.
 */
public final class GracefulStop {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final Runnable stop;
    private final AtomicBoolean done = new AtomicBoolean();

    private GracefulStop(Runnable stop) {
        this.stop = stop;
    }

    /** Installs {@code stop} for SIGTERM, SIGINT and JVM shutdown; it runs at most once. */
    public static GracefulStop install(Runnable stop) {
        GracefulStop graceful = new GracefulStop(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(graceful::run, "gridbot-shutdown"));
        for (String signal : new String[] {"TERM", "INT"}) {
            if (!graceful.handle(signal)) {
                LOG.debug("no handler for SIG{}: the shutdown hook stops the process", signal);
            }
        }
        return graceful;
    }

    /** Runs the stop now, unless it has run already. */
    public void run() {
        if (done.compareAndSet(false, true)) {
            stop.run();
        }
    }

    private boolean handle(String name) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(GracefulStop.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            if (!done.get()) {
                                LOG.info("SIG{} received: stopping in order", name);
                            }
                            run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "gridbot SIG" + name + " handler";
                        default -> null;
                    });
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
