package io.gridbot.exchange.okx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A grid's base-asset quantity maps to whole lots of contracts exactly, or is refused naming why; never rounded. */
class ContractSizeProperties {

    private static final ContractSize BTC = new ContractSize("BTC-USDT-SWAP", new BigDecimal("0.01"),
            new BigDecimal("0.01"), new BigDecimal("0.01"));

    @Property
    void everyWholeNumberOfLotsConvertsBothWaysExactly(@ForAll("sizes") ContractSize size,
            @ForAll("lots") long lots) {
        BigDecimal base = size.baseStep().multiply(BigDecimal.valueOf(lots));
        BigDecimal contracts = size.contracts(base);
        assertThat(contracts).isEqualByComparingTo(size.lotSz().multiply(BigDecimal.valueOf(lots)));
        assertThat(contracts.remainder(size.lotSz()).signum()).isZero();
        assertThat(size.baseQuantity(contracts)).isEqualByComparingTo(base);
    }

    @Property
    void aQuantityBetweenTwoLotsIsRefused(@ForAll("sizes") ContractSize size, @ForAll("lots") long lots) {
        BigDecimal between = size.baseStep().multiply(BigDecimal.valueOf(lots))
                .add(size.baseStep().divide(BigDecimal.valueOf(2)));
        assertThat(size.refusal(between)).isPresent();
        assertThatThrownBy(() -> size.contracts(between)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(size.instId()).hasMessageContaining(size.baseStep().toPlainString());
    }

    @Provide
    Arbitrary<ContractSize> sizes() {
        Arbitrary<BigDecimal> ctVal = Arbitraries.of("0.0001", "0.001", "0.01", "0.1", "1", "10", "100").map(BigDecimal::new);
        Arbitrary<BigDecimal> lotSz = Arbitraries.of("0.001", "0.01", "0.1", "1", "10").map(BigDecimal::new);
        return net.jqwik.api.Combinators.combine(ctVal, lotSz)
                .as((v, l) -> new ContractSize("X-USDT-SWAP", v, l, l));
    }

    @Provide
    Arbitrary<Long> lots() {
        return Arbitraries.longs().between(1, 1_000_000);
    }

    @Test
    void btcQuantitiesInTenThousandthsBecomeContracts() {
        assertThat(BTC.baseStep()).isEqualByComparingTo("0.0001");
        assertThat(BTC.baseMinimum()).isEqualByComparingTo("0.0001");
        assertThat(BTC.contracts(new BigDecimal("0.0123")).toPlainString()).isEqualTo("1.23");
        assertThat(BTC.contracts(new BigDecimal("1.5")).toPlainString()).isEqualTo("150");
        assertThat(BTC.baseQuantity(new BigDecimal("1.23")).toPlainString()).isEqualTo("0.0123");
    }

    @Test
    void theRefusalSaysWhatTheQuantityMustBe() {
        assertThat(BTC.refusal(new BigDecimal("0.00015"))).contains("quantity 0.00015 is not a whole number of lots "
                + "on BTC-USDT-SWAP: one contract is 0.01 of the base asset and orders go in lots of 0.01 contracts, "
                + "so the quantity must be a multiple of 0.0001");
        assertThat(BTC.refusal(BigDecimal.ZERO)).contains("quantity 0 on BTC-USDT-SWAP must be positive");
        assertThat(BTC.refusal(null)).isPresent();
    }

    @Test
    void aContractWithoutAValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new ContractSize("X-USDT-SWAP", null, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("X-USDT-SWAP").hasMessageContaining("ctVal");
        assertThatThrownBy(() -> new ContractSize("X-USDT-SWAP", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE))
                .hasMessageContaining("lotSz");
    }
}
