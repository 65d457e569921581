package io.gridbot.runner.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who a daemon is, as grid leases and acknowledgements name it: {@code user@host/pid}. A lease held by a
 * process of this host that no longer exists (a daemon killed with -9) can be taken at once rather than
 * after it runs out.
 */
public final class DaemonIdentity {

    private DaemonIdentity() {
    }

    /** This process's identity. */
    public static String current() {
        return System.getProperty("user.name") + "@" + host() + "/" + ProcessHandle.current().pid();
    }

    /** Whether {@code owner} names a process of this host that is not alive. */
    public static boolean deadOnThisHost(String owner) {
        if (owner == null) {
            return false;
        }
        int at = owner.lastIndexOf('@');
        int slash = owner.lastIndexOf('/');
        if (at < 0 || slash < at || !owner.substring(at + 1, slash).equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(slash + 1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
