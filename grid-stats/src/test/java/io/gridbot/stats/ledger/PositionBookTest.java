package io.gridbot.stats.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionBookTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void openingTradesAverageTheEntryPrice() {
        PositionBook book = new PositionBook();
        assertThat(book.apply(Side.SELL, d("100"), d("1"))).isZero();
        assertThat(book.apply(Side.SELL, d("102"), d("1"))).isZero();

        assertThat(book.qty()).isEqualByComparingTo("-2");
        assertThat(book.avgPrice()).isEqualByComparingTo("101");
        assertThat(book.cost()).as("signed as the position").isEqualByComparingTo("-202");
        assertThat(new Valuation(BigDecimal.ZERO, book.qty(), book.cost()).unrealizedAt(d("100")))
                .isEqualByComparingTo("2");
    }

    @Test
    void reducingRealizesAgainstTheAverageInThePositionsDirection() {
        PositionBook book = new PositionBook();
        book.apply(Side.SELL, d("100"), d("1"));
        book.apply(Side.SELL, d("102"), d("1"));

        assertThat(book.apply(Side.BUY, d("99"), d("1"))).isEqualByComparingTo("2");
        assertThat(book.avgPrice()).isEqualByComparingTo("101");
        assertThat(book.apply(Side.BUY, d("103"), d("1"))).isEqualByComparingTo("-2");
        assertThat(book.qty()).isZero();
        assertThat(book.cost()).isZero();
        assertThat(book.realized()).as("what the four executions realized, added up").isEqualByComparingTo("0");
        assertThat(book.executions()).isEqualTo(4);
    }

    @Test
    void aTradeThroughZeroOpensTheRestAtItsPrice() {
        PositionBook book = new PositionBook();
        book.apply(Side.BUY, d("100"), d("1"));

        assertThat(book.apply(Side.SELL, d("105"), d("3"))).isEqualByComparingTo("5");
        assertThat(book.qty()).isEqualByComparingTo("-2");
        assertThat(book.avgPrice()).isEqualByComparingTo("105");
    }
}
