package io.gridbot.core.order;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Client order ids derived from the grid and the order's identity, so that a retried create reuses the
 * same id (the venue refuses a second live order with it) and a restart maps every open order back to its
 * line. Ids fit Binance's rule: at most 36 characters of {@code [.A-Z:/a-z0-9_-]}.
 *
 * <p>Layout: {@code gb_<tag>_<kind><side>_<line>_<seq>}, where the tag is 8 base-36 characters hashed
 * from the grid name, kind is {@code E} (entry), {@code X} (exit), {@code S} (protective stop) or {@code C}
 * (close), side is {@code B} or {@code S}, line is the line index and seq, in base 36, numbers the orders
 * placed at that line. A new order gets a new seq, so a late update of a cancelled order can never be
 * mistaken for its successor; a retry of the same create keeps it.
 */
public final class ClientOrderId {

    /** Venue limit on a client id's length. */
    public static final int MAX_LENGTH = 36;
    private static final String PREFIX = "gb_";

    /** What kind of grid order an id names. */
    public enum Kind {
        ENTRY('E'), EXIT('X'), STOP('S'), CLOSE('C');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        private static final List<Optional<Kind>> BY_CODE = List.of(Optional.of(ENTRY), Optional.of(EXIT),
                Optional.of(STOP), Optional.of(CLOSE));

        static Optional<Kind> of(char code) {
            // a switch, not values(): that copies the array, and every open order's id asks at every snapshot
            return switch (code) {
                case 'E' -> BY_CODE.get(0);
                case 'X' -> BY_CODE.get(1);
                case 'S' -> BY_CODE.get(2);
                case 'C' -> BY_CODE.get(3);
                default -> Optional.empty();
            };
        }
    }

    /**
     * An id taken apart.
     *
     * @param tag   the grid's tag
     * @param kind  entry, exit, stop or close
     * @param side  the order's side
     * @param line  the line index (0 for stop and close orders)
     * @param seq   the order's number at its line, or the sequence number of a stop or close
     */
    public record Parsed(String tag, Kind kind, Side side, int line, long seq) {

        /** The grid intent this id belongs to, if it is a grid order rather than a stop or close. */
        public Optional<Intent> intent() {
            return switch (kind) {
                case ENTRY -> Optional.of(Intent.ENTRY);
                case EXIT -> Optional.of(Intent.EXIT);
                case STOP, CLOSE -> Optional.empty();
            };
        }
    }

    private ClientOrderId() {
    }

    /** The 8-character tag of a grid, stable for its name. */
    public static String tagOf(String gridName) {
        // FNV-1a, 64 bit, folded to 40 bits: 8 base-36 characters cover it.
        long hash = 0xcbf29ce484222325L;
        for (byte b : gridName.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        long folded = (hash ^ (hash >>> 40)) & 0xFFFFFFFFFFL;
        String base36 = Long.toString(folded, 36);
        return "0".repeat(8 - base36.length()) + base36;
    }

    /** The id of a grid order. */
    public static String of(String tag, Kind kind, Side side, int line, long seq) {
        String id = PREFIX + tag + '_' + kind.code + (side == Side.BUY ? 'B' : 'S') + '_' + line + '_'
                + Long.toString(seq, 36);
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client order id longer than " + MAX_LENGTH + ": " + id);
        }
        return id;
    }

    /**
     * Whether gridbot made this id, for any grid: the one "ours?" test of every module. A person's order,
     * another program's, or an id that merely starts like ours is not. Whether it is one grid's is
     * {@link OrderOwnership}'s question, asked of the same parse.
     */
    public static boolean isOurs(String id) {
        return parse(id).isPresent();
    }

    /** Parses an id made by {@link #of}; empty for any other id (orders placed by something else). */
    public static Optional<Parsed> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // Every open order is parsed at every snapshot: the ids this class makes are read in place, anything
        // else goes the general way below, which decides alike for them.
        Parsed made = parseAsMade(id);
        if (made != null) {
            return Optional.of(made);
        }
        String[] parts = id.substring(PREFIX.length()).split("_", -1);
        if (parts.length != 4 || parts[0].length() != 8 || parts[1].length() != 2) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.of(parts[1].charAt(0));
        char sideCode = parts[1].charAt(1);
        if (kind.isEmpty() || (sideCode != 'B' && sideCode != 'S')) {
            return Optional.empty();
        }
        try {
            int line = Integer.parseInt(parts[2]);
            long seq = Long.parseLong(parts[3].toLowerCase(Locale.ROOT), 36);
            if (line < 0 || seq < 0) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(parts[0], kind.get(), sideCode == 'B' ? Side.BUY : Side.SELL, line, seq));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The id taken apart when it has exactly the form {@link #of} writes (ASCII digits for the line, lower-case
     * base 36 for the seq, short enough not to overflow, a known kind and side); {@code null} for anything else.
     */
    private static Parsed parseAsMade(String id) {
        int tagEnd = PREFIX.length() + 8;
        if (id.length() < tagEnd + 7 || id.charAt(tagEnd) != '_' || id.charAt(tagEnd + 3) != '_'
                || id.indexOf('_', PREFIX.length()) != tagEnd) {
            return null;
        }
        Optional<Kind> kind = Kind.of(id.charAt(tagEnd + 1));
        char sideCode = id.charAt(tagEnd + 2);
        int lineStart = tagEnd + 4;
        int lineEnd = id.indexOf('_', lineStart);
        if (kind.isEmpty() || (sideCode != 'B' && sideCode != 'S') || lineEnd < 0 || lineEnd == lineStart
                || lineEnd - lineStart > 9 || lineEnd + 1 == id.length() || id.length() - lineEnd - 1 > 12) {
            return null;
        }
        int line = 0;
        for (int i = lineStart; i < lineEnd; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            line = line * 10 + (c - '0');
        }
        long seq = 0;
        for (int i = lineEnd + 1; i < id.length(); i++) {
            char c = id.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            seq = seq * 36 + digit;
        }
        return new Parsed(id.substring(PREFIX.length(), tagEnd), kind.get(), sideCode == 'B' ? Side.BUY : Side.SELL,
                line, seq);
    }
}
