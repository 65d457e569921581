package io.gridbot.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AC7.3–7.5: the diff is exact and applying it makes the next diff empty. */
class OrderDiffProperties {

    @Provide
    Arbitrary<List<OrderKey>> keys() {
        Arbitrary<OrderKey> key = net.jqwik.api.Combinators.combine(Arbitraries.of(Intent.class), Arbitraries.of(Side.class),
                Arbitraries.integers().between(0, 30)).as((i, s, line) -> new OrderKey(i, s,
                        BigDecimal.valueOf(1000 + line, 1), line));
        return key.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<OrderKey>> keysWithRepricedLines() {
        // Same line, intent and side at another price or scale: keys that hash alike and differ.
        Arbitrary<OrderKey> key = net.jqwik.api.Combinators.combine(Arbitraries.of(Intent.class), Arbitraries.of(Side.class),
                Arbitraries.integers().between(0, 12), Arbitraries.of("1000.0", "1000.00", "1000.5", "999.9"))
                .as((i, s, line, price) -> new OrderKey(i, s, new BigDecimal(price), line));
        return key.list().ofMaxSize(60);
    }

    @Property
    void theDiffIsTheOneAHashMapOfTheKeysGives(@ForAll("keysWithRepricedLines") List<OrderKey> ideal,
            @ForAll("keysWithRepricedLines") List<OrderKey> live) {
        List<OrderDiff.Live> actual = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            actual.add(new OrderDiff.Live(live.get(i), "id" + i));
        }

        assertThat(OrderDiff.between(ideal, actual)).isEqualTo(byHashMaps(ideal, actual));
    }

    /** The diff as it was first written, over the JDK's maps: the reference the quicker one is held to. */
    private static OrderDiff byHashMaps(List<OrderKey> ideal, List<OrderDiff.Live> actual) {
        java.util.Map<OrderKey, String> live = new java.util.LinkedHashMap<>();
        List<String> cancels = new ArrayList<>();
        for (OrderDiff.Live order : actual) {
            if (live.putIfAbsent(order.key(), order.clientOrderId()) != null) {
                cancels.add(order.clientOrderId());
            }
        }
        Set<OrderKey> wanted = new java.util.HashSet<>(ideal);
        live.forEach((key, id) -> {
            if (!wanted.contains(key)) {
                cancels.add(id);
            }
        });
        List<OrderKey> creates = ideal.stream().filter(k -> !live.containsKey(k)).toList();
        return new OrderDiff(List.copyOf(cancels), List.copyOf(creates));
    }

    @Property
    void applyingTheDiffMakesTheNextDiffEmpty(@ForAll("keys") List<OrderKey> ideal, @ForAll("keys") List<OrderKey> live) {
        Set<OrderKey> wanted = new LinkedHashSet<>(ideal);
        List<OrderDiff.Live> actual = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            actual.add(new OrderDiff.Live(live.get(i), "id" + i));
        }

        OrderDiff diff = OrderDiff.between(wanted, actual);

        List<OrderDiff.Live> after = new ArrayList<>(actual);
        after.removeIf(l -> diff.cancels().contains(l.clientOrderId()));
        for (OrderKey key : diff.creates()) {
            after.add(new OrderDiff.Live(key, "new-" + key));
        }
        assertThat(OrderDiff.between(wanted, after).isEmpty()).isTrue();
        assertThat(after).extracting(OrderDiff.Live::key).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(diff.creates()).noneMatch(live::contains);
    }
}
