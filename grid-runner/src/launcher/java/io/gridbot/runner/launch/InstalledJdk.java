package io.gridbot.runner.launch;

import java.io.File;

/** A Java installation found on this machine: its folder and the major version its {@code release} file states. */
public final class InstalledJdk {

    private final File folder;
    private final int major;

    public InstalledJdk(File folder, int major) {
        this.folder = folder;
        this.major = major;
    }

    public File folder() {
        return folder;
    }

    public int major() {
        return major;
    }

    public File java() {
        return new File(new File(folder, "bin"), "java");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstalledJdk && ((InstalledJdk) other).folder.equals(folder)
                && ((InstalledJdk) other).major == major;
    }

    @Override
    public int hashCode() {
        return folder.hashCode() * 31 + major;
    }

    @Override
    public String toString() {
        return "JDK " + major + " at " + folder;
    }
}
