package io.gridbot.exchange.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Side;
import io.gridbot.exchange.contract.CoreIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shipped codecs are bijections on every id the core can make, and what they send fits the rules they are
 * for: the core's ids as they are fit Binance's 36 characters of {@code [.A-Z:/a-z0-9_-]}; the letters-and-digits
 * form fits OKX's 32 letters and digits, and a restart maps an order back to its line from that form alone.
 */
class ClientIdCodecProperties {

    private static final ClientIdRules BINANCE = new ClientIdRules(36, "[.A-Z:/a-z0-9_-]");
    private static final ClientIdRules OKX = new ClientIdRules(32, "[A-Za-z0-9]");

    @Provide
    Arbitrary<String> coreIds() {
        return CoreIds.all();
    }

    @Property(tries = 5_000)
    void lettersAndDigitsIsABijectionOntoIdsOkxTakes(@ForAll("coreIds") String id) {
        String sent = ClientIdCodec.LETTERS_AND_DIGITS.encode(id);

        assertThat(OKX.problem(sent)).as(sent).isEmpty();
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.decode(sent)).isEqualTo(id);
        assertThat(ClientOrderId.parse(ClientIdCodec.LETTERS_AND_DIGITS.decode(sent))).isEqualTo(ClientOrderId.parse(id));
    }

    @Provide
    Arbitrary<List<String>> manyCoreIds() {
        return CoreIds.all().list().ofSize(1_000);
    }

    /** Injective on large samples: no two of the core's ids share an encoding. */
    @Property(tries = 20)
    void noTwoIdsShareAnEncoding(@ForAll("manyCoreIds") List<String> ids) {
        Map<String, String> byEncoding = new HashMap<>();
        for (String id : ids) {
            String previous = byEncoding.put(ClientIdCodec.LETTERS_AND_DIGITS.encode(id), id);
            assertThat(previous == null || previous.equals(id)).as(previous + " and " + id).isTrue();
        }
    }

    @Property(tries = 2_000)
    void theCoresIdsFitBinanceAsTheyAre(@ForAll("coreIds") String id) {
        assertThat(BINANCE.problem(ClientIdCodec.UNCHANGED.encode(id))).isEmpty();
        assertThat(ClientIdCodec.UNCHANGED.decode(id)).isEqualTo(id);
    }

    @Property(tries = 2_000)
    void onlyAnEncodingDecodesToAnotherId(@ForAll String venueId) {
        String decoded = ClientIdCodec.LETTERS_AND_DIGITS.decode(venueId);
        if (!decoded.equals(venueId)) {
            assertThat(ClientIdCodec.LETTERS_AND_DIGITS.encode(decoded)).isEqualTo(venueId);
        }
    }

    @Example
    void theLettersAndDigitsFormOfAnId() {
        String id = ClientOrderId.of("c9yjwd6k", ClientOrderId.Kind.STOP, Side.BUY, 0, 1);
        assertThat(id).isEqualTo("gb_c9yjwd6k_SB_0_1");
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.encode(id)).isEqualTo("gbc9yjwd6k0SB1");
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.encode("gb_c9yjwd6k_EB_120_lp8s0g01"))
                .isEqualTo("gbc9yjwd6k120EBlp8s0g01");
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.decode("gbc9yjwd6k120EBlp8s0g01"))
                .isEqualTo("gb_c9yjwd6k_EB_120_lp8s0g01");
    }

    @Example
    void idsThatAreNoEncodingStayAsTheyAre() {
        // a person's order, a leading zero the core never writes, a kind the core does not have
        for (String other : new String[] {"manual1", "gbc9yjwd6k012EB1", "gbc9yjwd6k0QB1", "gbc9yjwd6k0SB01", ""}) {
            assertThat(ClientIdCodec.LETTERS_AND_DIGITS.decode(other)).isEqualTo(other);
        }
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.encode("kit-12-3")).isEqualTo("kit-12-3");
        assertThat(ClientIdCodec.LETTERS_AND_DIGITS.encode("gb_c9yjwd6k_EB_007_1")).as("not as the core writes it")
                .isEqualTo("gb_c9yjwd6k_EB_007_1");
    }
}
