package io.gridbot.runner.store;

/**
 * Whether a command may create the embedded database: the ones that store something new do, the ones that
 * read or act on what is stored refuse a data directory without one, so a mistyped {@code --data-dir} never
 * leaves an empty database behind.
 */
public enum OpenMode {
    /** Creates the embedded database (and its directory) on first use. */
    CREATE,
    /** Opens only an embedded database that exists; a server database is always opened. */
    EXISTING
}
