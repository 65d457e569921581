package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
