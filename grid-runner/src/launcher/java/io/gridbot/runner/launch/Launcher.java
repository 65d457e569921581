package io.gridbot.runner.launch;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runner jar's entry point, compiled for Java 8 so that any java can load it. On Java 21 or newer it
 * hands over to the command line at once; on an older java it runs the same command on a Java 21 or newer
 * that {@link JdkSearch} finds ({@code JAVA_HOME}, else the newest in the usual places), saying which, or
 * says plainly what to install, instead of failing with a class-version error. The child ends when this
 * process ends, even by {@code kill -9}.
 */
public final class Launcher {

    private static final String RELAUNCHED = "gridbot.relaunched";
    /** Names this process to the child, which ends when it ends (the runner's ParentWatch). */
    private static final String PARENT_PID = "gridbot.parent.pid";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int version = major(System.getProperty("java.specification.version"));
        if (version >= JdkSearch.NEEDED) {
            try {
                Class.forName("io.gridbot.runner.GridbotMain").getMethod("main", String[].class).invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            }
            return;
        }
        String places = JdkSearch.places(System.getenv("GRIDBOT_JDK_DIRS"));
        InstalledJdk jdk = JdkSearch.find(System.getenv("JAVA_HOME"), places, userHome());
        if (jdk != null && System.getProperty(RELAUNCHED) == null) {
            System.err.println("gridbot: this java is Java " + version + "; running on " + jdk);
            System.exit(relaunch(jdk.java(), args));
        }
        System.err.println(JdkSearch.missing(version, System.getProperty("java.home"), places));
        System.exit(1);
    }

    private static String userHome() {
        String home = System.getenv("HOME");
        return home != null && !home.isEmpty() ? home : System.getProperty("user.home");
    }

    private static int relaunch(File java, String[] args) throws Exception {
        List<String> command = new ArrayList<String>();
        command.add(java.getPath());
        command.add("-D" + RELAUNCHED + "=true");
        // A kill -9 of this process runs no hook: the child watches this process and ends with it.
        String self = ManagementFactory.getRuntimeMXBean().getName();
        command.add("-D" + PARENT_PID + "=" + self.substring(0, Math.max(0, self.indexOf('@'))));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.addAll(Arrays.asList(args));
        final Process child = new ProcessBuilder(command).inheritIO().start();
        // A signal to this process (a daemon's SIGTERM) reaches the child, which stops in order.
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                child.destroy();
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        return child.waitFor();
    }

    private static int major(String specification) {
        String first = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = first.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? first : first.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
