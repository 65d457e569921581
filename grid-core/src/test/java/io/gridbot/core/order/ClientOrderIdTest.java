package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ClientOrderIdTest {

    @Property
    void idsFitTheVenueRuleAndParseBackToTheirIdentity(@ForAll @StringLength(min = 1, max = 64) String grid,
            @ForAll ClientOrderId.Kind kind, @ForAll Side side, @ForAll @IntRange(min = 0, max = 9_999) int line,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seq) {
        String tag = ClientOrderId.tagOf(grid);
        String id = ClientOrderId.of(tag, kind, side, line, seq);

        assertThat(id).hasSizeLessThanOrEqualTo(36).matches("[.A-Z:/a-z0-9_-]+");
        assertThat(ClientOrderId.parse(id)).contains(new ClientOrderId.Parsed(tag, kind, side, line, seq));
    }

    @Test
    void tagsAreStableAndDifferForDifferentGrids() {
        assertThat(ClientOrderId.tagOf("my_short_grid")).isEqualTo(ClientOrderId.tagOf("my_short_grid")).hasSize(8);
        assertThat(ClientOrderId.tagOf("my_short_grid")).isNotEqualTo(ClientOrderId.tagOf("my_long_grid"));
    }

    @Test
    void foreignIdsAreNotParsed() {
        assertThat(ClientOrderId.parse("web_12345")).isEmpty();
        assertThat(ClientOrderId.parse("gb_abc_EB_1_1")).isEmpty();
        assertThat(ClientOrderId.parse("gb_abcdefgh_QB_1_1")).isEmpty();
        assertThat(ClientOrderId.parse("gb_abcdefgh_EB_x_1")).isEmpty();
        assertThat(ClientOrderId.parse(null)).isEmpty();
    }

    /** Issue 15 (speed): ids as the grid writes them are read in place; every id must parse as the general way does. */
    @Property(tries = 3000)
    void theQuickReadingOfAnIdAgreesWithTheGeneralOne(@ForAll("idLike") String id) {
        assertThat(ClientOrderId.parse(id)).isEqualTo(generalParse(id));
    }

    @Provide
    Arbitrary<String> idLike() {
        Arbitrary<String> piece = Arbitraries.strings().withChars("0123456789abczABCZ_+-\u0660").ofMinLength(0).ofMaxLength(14);
        Arbitrary<String> code = Arbitraries.of("EB", "ES", "XB", "XS", "SB", "SS", "CB", "CS", "QB", "EX", "E_", "e b");
        Arbitrary<String> tag = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcz").ofLength(8), piece);
        Arbitrary<String> made = Combinators.combine(tag, code, piece, piece)
                .as((t, c, l, q) -> "gb_" + t + "_" + c + "_" + l + "_" + q);
        Arbitrary<String> digits = Arbitraries.longs().between(0, Long.MAX_VALUE).map(v -> Long.toString(v, 36));
        Arbitrary<String> canonical = Combinators.combine(code, Arbitraries.integers().between(0,
                Integer.MAX_VALUE), digits).as((c, l, q) -> "gb_0a1b2c3d_" + c + "_" + l + "_" + q);
        return Arbitraries.oneOf(made, canonical, piece.map(p -> "gb_" + p));
    }

    /** The reading before the quick one: split, parse, and lower-case the seq. */
    private static Optional<ClientOrderId.Parsed> generalParse(String id) {
        if (!id.startsWith("gb_")) {
            return Optional.empty();
        }
        String[] parts = id.substring(3).split("_", -1);
        if (parts.length != 4 || parts[0].length() != 8 || parts[1].length() != 2) {
            return Optional.empty();
        }
        ClientOrderId.Kind kind = switch (parts[1].charAt(0)) {
            case 'E' -> ClientOrderId.Kind.ENTRY;
            case 'X' -> ClientOrderId.Kind.EXIT;
            case 'S' -> ClientOrderId.Kind.STOP;
            case 'C' -> ClientOrderId.Kind.CLOSE;
            default -> null;
        };
        char side = parts[1].charAt(1);
        if (kind == null || (side != 'B' && side != 'S')) {
            return Optional.empty();
        }
        try {
            int line = Integer.parseInt(parts[2]);
            long seq = Long.parseLong(parts[3].toLowerCase(Locale.ROOT), 36);
            return line < 0 || seq < 0 ? Optional.empty() : Optional.of(new ClientOrderId.Parsed(parts[0], kind,
                    side == 'B' ? Side.BUY : Side.SELL, line, seq));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
