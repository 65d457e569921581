package io.gridbot.exchange.venue;

import io.gridbot.core.order.ClientOrderId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The codecs gridbot ships; see {@link ClientIdCodec#UNCHANGED} and {@link ClientIdCodec#LETTERS_AND_DIGITS}. */
enum StandardCodecs implements ClientIdCodec {

    UNCHANGED {
        @Override
        public String encode(String id) {
            return id;
        }

        @Override
        public String decode(String id) {
            return id;
        }
    },

    LETTERS_AND_DIGITS {
        @Override
        public String encode(String id) {
            if (!madeByTheCore(id)) {
                return id;
            }
            // gb_<tag>_<kind><side>_<line>_<seq>: the tag has a fixed width, the line only digits, and the two
            // capitals after it end it, so no separator is needed.
            int kindAt = PREFIX.length() + TAG + 1;
            int lineAt = kindAt + 3;
            int seqAt = id.indexOf('_', lineAt) + 1;
            return "gb" + id.substring(PREFIX.length(), PREFIX.length() + TAG) + id.substring(lineAt, seqAt - 1)
                    + id.substring(kindAt, kindAt + 2) + id.substring(seqAt);
        }

        @Override
        public String decode(String id) {
            if (id == null || id.length() > ClientOrderId.MAX_LENGTH - 4) {
                return id;
            }
            Matcher m = COMPACT.matcher(id);
            if (!m.matches()) {
                return id;
            }
            String made = PREFIX + m.group(1) + '_' + m.group(3) + '_' + m.group(2) + '_' + m.group(4);
            // only the encoding of an id the core makes decodes: anything else that merely looks alike stays as it is
            return madeByTheCore(made) && encode(made).equals(id) ? made : id;
        }
    };

    private static final String PREFIX = "gb_";
    private static final int TAG = 8;
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[0-9a-z]{8}");
    /** gb, the tag, the line (digits, no leading zero), kind and side, the seq (base 36, no leading zero). */
    private static final Pattern COMPACT = Pattern.compile("gb([0-9a-z]{8})(0|[1-9][0-9]*)([A-Z]{2})(0|[1-9a-z][0-9a-z]*)");

    /**
     * Whether {@code id} is exactly what the core makes for its parts: {@link ClientOrderId#of} with a tag of
     * {@link ClientOrderId#tagOf} (eight of {@code [0-9a-z]}).
     */
    static boolean madeByTheCore(String id) {
        Optional<ClientOrderId.Parsed> parsed = ClientOrderId.parse(id);
        if (parsed.isEmpty() || !TAG_CHARACTERS.matcher(parsed.get().tag()).matches()) {
            return false;
        }
        ClientOrderId.Parsed p = parsed.get();
        return id.equals(ClientOrderId.of(p.tag(), p.kind(), p.side(), p.line(), p.seq()));
    }
}
