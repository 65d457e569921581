package io.gridbot.runner.launch;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the launcher looks for a Java 21 or newer, by the same rule as the build's {@code .mvn/find-jdk.sh}:
 * {@code JAVA_HOME} when it is one, otherwise the newest among the usual places (the first found on a tie).
 * A JDK's version comes from its {@code release} file, so no java is run to find it. The environment
 * variable {@code GRIDBOT_JDK_DIRS}, when set, replaces the usual places with its own colon-separated list.
 */
public final class JdkSearch {

    public static final int NEEDED = 21;
    /** The usual places, in search order; {@code ~} is the user's home, {@code *} any name or name ending. */
    public static final String USUAL_PLACES = "/usr/lib/jvm/*:/opt/java/*:/opt/jdk*"
            + ":/Library/Java/JavaVirtualMachines/*/Contents/Home:~/.sdkman/candidates/java/*:~/.jdks/*";
    public static final String INSTALL = "install a JDK " + NEEDED + " or newer, e.g. `apt install openjdk-" + NEEDED
            + "-jdk` or Temurin from https://adoptium.net, or set JAVA_HOME to one";

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(?:1\\.)?(\\d+)");

    private JdkSearch() {
    }

    /** The places searched: {@code GRIDBOT_JDK_DIRS} when it is set (even empty), else the usual ones. */
    public static String places(String override) {
        return override != null ? override : USUAL_PLACES;
    }

    /** The JDK to run on, or null: {@code javaHome} when it is new enough, else the newest in {@code places}. */
    public static InstalledJdk find(String javaHome, String places, String userHome) {
        if (javaHome != null && !javaHome.isEmpty()) {
            InstalledJdk home = new InstalledJdk(new File(javaHome), major(new File(javaHome)));
            if (home.major() >= NEEDED && home.java().canExecute()) {
                return home;
            }
        }
        List<InstalledJdk> found = new ArrayList<InstalledJdk>();
        for (File folder : candidates(places, userHome)) {
            if (new File(new File(folder, "bin"), "java").canExecute()) {
                found.add(new InstalledJdk(folder, major(folder)));
            }
        }
        return newest(found, NEEDED);
    }

    /** The newest of {@code jdks} at {@code needed} or above, the first on a tie; null when there is none. */
    public static InstalledJdk newest(List<InstalledJdk> jdks, int needed) {
        InstalledJdk best = null;
        for (InstalledJdk jdk : jdks) {
            if (jdk.major() >= needed && (best == null || jdk.major() > best.major())) {
                best = jdk;
            }
        }
        return best;
    }

    /** What to tell a user whose java is too old when no suitable JDK was found. */
    public static String missing(int running, String runningHome, String places) {
        return "gridbot needs Java " + NEEDED + " or newer, but this java is Java " + running + " (" + runningHome
                + "), and no JDK " + NEEDED + " or newer was found in JAVA_HOME or " + places + ": " + INSTALL
                + " (or run the jar with that JDK's java).";
    }

    /** The folders {@code places} names, in order; a {@code *} ends one path segment's name. */
    static List<File> candidates(String places, String userHome) {
        List<File> folders = new ArrayList<File>();
        for (String place : places.split(":")) {
            if (place.isEmpty()) {
                continue;
            }
            String path = place.startsWith("~/") ? userHome + place.substring(1) : place;
            int star = path.indexOf('*');
            if (star < 0) {
                folders.add(new File(path));
                continue;
            }
            int slash = path.lastIndexOf('/', star);
            File parent = new File(slash <= 0 ? "/" : path.substring(0, slash));
            String prefix = path.substring(slash + 1, star);
            int next = path.indexOf('/', star);
            String tail = next < 0 ? "" : path.substring(next);
            String[] names = parent.list();
            if (names == null) {
                continue;
            }
            List<String> sorted = new ArrayList<String>(Arrays.asList(names));
            Collections.sort(sorted); // the shell's glob order
            for (String name : sorted) {
                if (name.startsWith(prefix)) {
                    File folder = new File(parent, name + tail);
                    if (folder.isDirectory()) {
                        folders.add(folder);
                    }
                }
            }
        }
        return folders;
    }

    /** The major version {@code folder}'s {@code release} file states, or 0 when it states none. */
    static int major(File folder) {
        File release = new File(folder, "release");
        if (!release.isFile()) {
            return 0;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(release),
                Charset.forName("UTF-8")))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher m = VERSION.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
