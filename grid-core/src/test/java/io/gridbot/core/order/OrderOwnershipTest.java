package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Issue 12: one "ours?" test, on {@link ClientOrderId}, that {@link OrderOwnership} narrows to one grid. */
class OrderOwnershipTest {

    private final OrderOwnership demo = OrderOwnership.of("demo");
    private final String demosEntry = ClientOrderId.of(ClientOrderId.tagOf("demo"), ClientOrderId.Kind.ENTRY, Side.SELL,
            8, 3);
    private final String othersExit = ClientOrderId.of(ClientOrderId.tagOf("other"), ClientOrderId.Kind.EXIT, Side.BUY,
            8, 4);

    @Test
    void gridbotsIdsAreOursWhateverTheGrid() {
        assertThat(ClientOrderId.isOurs(demosEntry)).isTrue();
        assertThat(ClientOrderId.isOurs(othersExit)).isTrue();
    }

    @Test
    void aPersonsIdsAndIdsThatOnlyLookLikeOursAreNot() {
        assertThat(ClientOrderId.isOurs("web_12345")).isFalse();
        assertThat(ClientOrderId.isOurs("gb_abc_EB_1_1")).isFalse();
        assertThat(ClientOrderId.isOurs(null)).isFalse();
        assertThat(demo.ours("gb_abc_EB_1_1")).isFalse();
        assertThat(demo.anotherGrids("gb_abc_EB_1_1")).isFalse();
        assertThat(demo.anotherGrids("web_12345")).isFalse();
    }

    @Test
    void aGridOwnsItsOwnIdsAndKnowsAnotherGridsAsAnotherGrids() {
        assertThat(demo.ours(demosEntry)).isTrue();
        assertThat(demo.anotherGrids(demosEntry)).isFalse();
        assertThat(demo.ours(othersExit)).isFalse();
        assertThat(demo.anotherGrids(othersExit)).isTrue();
        assertThat(demo.parseOurs(demosEntry)).map(ClientOrderId.Parsed::line).contains(8);
        assertThat(demo.parseOurs(othersExit)).isEmpty();
    }

    /** Issue 15 (speed): the quick look at the tag's place decides as the whole parse does, for any id. */
    @Property(tries = 2000)
    void ownershipSeenFromTheTagsPlaceAgreesWithTheParse(@ForAll("ids") String id) {
        String tag = ClientOrderId.tagOf("demo");
        assertThat(demo.ours(id)).isEqualTo(ClientOrderId.parse(id).filter(p -> p.tag().equals(tag)).isPresent());
        assertThat(demo.anotherGrids(id)).isEqualTo(ClientOrderId.parse(id).filter(p -> !p.tag().equals(tag)).isPresent());
    }

    @Provide
    Arbitrary<String> ids() {
        String tag = ClientOrderId.tagOf("demo");
        Arbitrary<String> tags = Arbitraries.of(tag, ClientOrderId.tagOf("other"), tag.substring(0, 7), tag + "x", "");
        Arbitrary<String> rest = Arbitraries.strings().withChars("0123456789abEXSCB_Q").ofMaxLength(12);
        return Arbitraries.oneOf(tags.flatMap(t -> rest.map(r -> "gb_" + t + r)),
                tags.flatMap(t -> rest.map(r -> "gb_" + t + "_EB_" + r)), rest);
    }
}
