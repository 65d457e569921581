package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

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
}
