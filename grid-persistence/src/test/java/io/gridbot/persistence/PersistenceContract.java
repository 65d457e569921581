package io.gridbot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.core.config.GridConfig;
import io.gridbot.core.config.GridMode;
import io.gridbot.core.config.InvalidConfigException;
import io.gridbot.core.config.PositionMode;
import io.gridbot.core.event.GridEvent.Control;
import io.gridbot.core.level.Level;
import io.gridbot.core.level.LevelState;
import io.gridbot.core.log.LogEntry;
import io.gridbot.core.log.LogType;
import io.gridbot.core.market.SymbolRules;
import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import io.gridbot.core.order.StopTrigger;
import io.gridbot.core.risk.PositionLegs;
import io.gridbot.core.spacing.GridLadder;
import io.gridbot.core.spacing.Spacing;
import io.gridbot.core.status.GridStatus;
import io.gridbot.core.stoploss.StopLossReport;
import io.gridbot.persistence.config.ConfigGuardException;
import io.gridbot.persistence.config.StoredGrid;
import io.gridbot.persistence.log.LogQuery;
import io.gridbot.persistence.log.TradeLogRepository;
import io.gridbot.persistence.report.ReportRepository;
import io.gridbot.persistence.runtime.GridRuntimeRepository;
import io.gridbot.persistence.secret.Credentials;
import io.gridbot.persistence.secret.MasterKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The persistence suite, run on every database (issue 4): subclasses say which. Each test gets a freshly
 * migrated database.
 */
public abstract class PersistenceContract {

    protected abstract Database database();

    /** Decimals compare by value: DECIMAL(38,18) keeps the number, not the scale it was written with. */
    static final org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration EXACT =
            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    static final SymbolRules BTC = new SymbolRules("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
            new BigDecimal("0.001"), new BigDecimal("5"), 200);

    static GridConfig grid(String name) {
        return GridConfig.builder(name, BTC).exchange("simulated").mode(GridMode.SHORT)
                .band(new BigDecimal("60000"), new BigDecimal("65000")).levels(20).orderQty(new BigDecimal("0.010"))
                .maxPosition(new BigDecimal("0.200")).stopLossBufferPct(new BigDecimal("0.5")).build();
    }

    @Test
    void AC1_1_aConfigurationIsStoredAndReadBackFieldForField() {
        GridConfig config = grid("my_short_grid").toBuilder().spacing(new Spacing.Percentage(new BigDecimal("0.5"),
                new BigDecimal("62000"))).protectiveStopTrigger(StopTrigger.MARK).build();
        long id = database().configs().create(config, 1_000);

        StoredGrid stored = database().configs().find("my_short_grid").orElseThrow();

        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.config().spacing()).isEqualTo(new Spacing.Percentage(new BigDecimal("0.5"), new BigDecimal("62000")));
        assertThat(stored.config().orderQty()).isEqualByComparingTo("0.010");
        assertThat(stored.config().protectiveStopTrigger()).isEqualTo(StopTrigger.MARK);
        assertThat(stored.config().rules()).isEqualTo(new SymbolRules("BTCUSDT", new BigDecimal("0.1"),
                new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("5"), 200));
        assertThat(stored.config().toBuilder().band(null, null).build().validate()).isNotNull();
        assertThat(database().configs().list()).extracting(s -> s.config().name()).containsExactly("my_short_grid");
    }

    @Test
    void AC1_4_anInvalidConfigurationIsRefusedWithItsFields() {
        assertThatThrownBy(() -> database().configs().create(grid("bad").toBuilder().levels(3).build(), 0))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("levels");
        assertThat(database().configs().list()).isEmpty();
    }

    @Test
    void namesAreUnique() {
        database().configs().create(grid("g"), 0);
        assertThatThrownBy(() -> database().configs().create(grid("g"), 0)).isInstanceOf(ConfigGuardException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void AC1_5_aRunningGridIsEditedOnlyWhenPaused() {
        long id = database().configs().create(grid("g"), 0);
        database().runtime().saveStatus(id, GridStatus.RUNNING, "host-1", 1);

        assertThatThrownBy(() -> database().configs().update(grid("g").toBuilder().levels(25).build(), 2))
                .isInstanceOf(ConfigGuardException.class).hasMessageContaining("pause it");

        database().runtime().saveStatus(id, GridStatus.PAUSED, "host-1", 3);
        database().configs().update(grid("g").toBuilder().levels(25).build(), 4);
        assertThat(database().configs().find("g").orElseThrow().config().levels()).isEqualTo(25);
    }

    @Test
    void AC1_6_aRunningGridCannotBeDeleted() {
        long id = database().configs().create(grid("g"), 0);
        database().runtime().saveStatus(id, GridStatus.RUNNING, "host-1", 1);

        assertThatThrownBy(() -> database().configs().delete("g")).isInstanceOf(ConfigGuardException.class)
                .hasMessageContaining("stop it");

        database().runtime().saveStatus(id, GridStatus.STOPPED, "host-1", 2);
        database().configs().delete("g");
        assertThat(database().configs().find("g")).isEmpty();
    }

    @Test
    void theLogIsReadNewestFirstWithOneTypeSeveralOrNoneAndABoundedSearchStartsAtTheNthNewest() {
        long id = database().configs().create(grid("g"), 0);
        TradeLogRepository log = database().tradeLog();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new LogEntry(1_000L * i, i % 3 == 0 ? LogType.FILL : LogType.ORDER, "entry " + i, null, null));
        }
        log.append(id, entries, 0);
        assertThat(log.query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(), null, 0, 5)).entries())
                .extracting(LogEntry::atMs).containsExactly(29_000L, 28_000L, 27_000L, 26_000L, 25_000L);
        assertThat(log.query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(LogType.FILL), null, 0, 3)).entries())
                .extracting(LogEntry::atMs).containsExactly(27_000L, 24_000L, 21_000L);
        assertThat(log.query(new LogQuery(id, 0, Long.MAX_VALUE, Set.of(LogType.FILL, LogType.ORDER), null, 0, 2))
                .entries()).extracting(LogEntry::atMs).containsExactly(29_000L, 28_000L);
        assertThat(log.newestTime(id, 9)).contains(20_000L);
        assertThat(log.newestTime(id, 30)).isEmpty();
    }

    @Test
    void dashboardUsersAreSavedReplacedListedAndRemovedByName() {
        var users = database().dashboardUsers();
        assertThat(users.save("alice", "pbkdf2$1$salt$hash1", 10)).isTrue();
        assertThat(users.save("alice", "pbkdf2$1$salt$hash2", 20)).isFalse();
        assertThat(users.save("bob", "pbkdf2$1$salt$hash3", 30)).isTrue();

        assertThat(users.find("alice")).hasValueSatisfying(u -> {
            assertThat(u.passwordHash()).isEqualTo("pbkdf2$1$salt$hash2");
            assertThat(u.createdAt()).isEqualTo(10);
            assertThat(u.updatedAt()).isEqualTo(20);
            assertThat(u.toString()).doesNotContain("hash2");
        });
        assertThat(users.list()).extracting(u -> u.name()).containsExactly("alice", "bob");
        assertThat(users.delete("bob")).isTrue();
        assertThat(users.delete("bob")).isFalse();
        assertThat(users.find("bob")).isEmpty();
    }

    @Test
    void aUserNameHasOneSpellingSoNoOtherCaseOrAccentFindsADifferentUser() {
        var users = database().dashboardUsers();
        assertThat(users.save("Chaos", "pbkdf2$1$salt$hash1", 10)).isTrue();
        assertThat(users.save("CHAOS", "pbkdf2$1$salt$hash2", 20)).as("the same user").isFalse();
        assertThat(users.list()).extracting(u -> u.name()).containsExactly("chaos");
        assertThat(users.find("cHaOs")).hasValueSatisfying(u -> assertThat(u.name()).isEqualTo("chaos"));
        // A server collation that ignores accents would match these to chaos; they are not its spelling.
        assertThat(users.find("chaós")).isEmpty();
        assertThat(users.find("ch\u00c1os")).isEmpty();
        assertThat(users.delete("chaós")).isFalse();
        assertThat(users.find("chaos")).isPresent();
        assertThatThrownBy(() -> users.save("chaós", "pbkdf2$1$salt$hash3", 30))
                .hasMessageContaining("user name is 1 to 64 letters");
        assertThat(users.delete("CHAOS")).isTrue();
        assertThat(users.list()).isEmpty();
    }

    @Test
    void controlRequestsWaitForTheDaemonsAcknowledgement() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        long request = runtime.requestControl(id, Control.PAUSE, "alice@laptop", 10, 5_010);

        assertThat(runtime.pending(id)).singleElement().satisfies(r -> assertThat(r.action()).isEqualTo(Control.PAUSE));
        runtime.acknowledge(request, "paused", 20);

        assertThat(runtime.pending(id)).isEmpty();
        assertThat(runtime.request(request).orElseThrow().ackedAt()).isEqualTo(20);
    }

    @Test
    void onlyTheFirstAcknowledgementOfARequestCounts() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        long request = runtime.requestControl(id, Control.PAUSE, "alice@laptop", 10, 5_010);

        assertThat(runtime.acknowledge(request, "pause accepted by a", 20)).isTrue();
        assertThat(runtime.acknowledge(request, "not running on b", 21)).isFalse();
        assertThat(runtime.request(request).orElseThrow().outcome()).isEqualTo("pause accepted by a");
    }

    @Test
    void anOutcomeLongerThanItsColumnIsStillAcknowledgedSoTheRequestIsNotCarriedOutAgain() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        long request = runtime.requestControl(id, Control.START, "alice@laptop", 10, 5_010);
        String outcome = "cannot start: " + "x".repeat(2_400);

        assertThat(runtime.acknowledge(request, outcome, 20)).isTrue();

        assertThat(runtime.request(request).orElseThrow().outcome()).hasSize(2_000).startsWith("cannot start: xx").endsWith("…");
        assertThat(runtime.pendingAll(30)).isEmpty();
    }

    @Test
    void aGridIsHeldByOneDaemonUntilItsLeaseRunsOutOrItIsReleased() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();

        assertThat(runtime.claim(id, "a@h1/1", 1_000, 30_000, null)).isTrue();
        assertThat(runtime.claim(id, "b@h2/2", 2_000, 30_000, null)).as("held by a").isFalse();
        assertThat(runtime.claim(id, "a@h1/1", 3_000, 30_000, null)).as("a holds it already").isTrue();
        assertThat(runtime.renew("a@h1/1", java.util.List.of(id), 20_000)).containsExactly(id);
        assertThat(runtime.claim(id, "b@h2/2", 40_000, 30_000, null)).as("a's heartbeat at 20 s holds it").isFalse();
        assertThat(runtime.claim(id, "b@h2/2", 40_000, 30_000, "a@h1/1")).as("a is known dead").isTrue();
        assertThat(runtime.lease(id).orElseThrow().heldBy("b@h2/2", 40_001, 30_000)).isTrue();

        runtime.saveStatus(id, GridStatus.RUNNING, "b@h2/2", 41_000);
        runtime.release(id, "b@h2/2");
        assertThat(runtime.status(id)).as("the status stays").isEqualTo(GridStatus.RUNNING);
        assertThat(runtime.claim(id, "c@h3/3", 42_000, 30_000, null)).as("released: free at once").isTrue();
        assertThat(runtime.claim(id, "a@h1/1", 80_000, 30_000, null)).as("c's lease ran out").isTrue();
    }

    @Test
    void aStatusWriteOfADaemonThatLostTheLeaseChangesNothing() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        assertThat(runtime.claim(id, "a@h1/1", 1_000, 30_000, null)).isTrue();
        runtime.saveStatus(id, GridStatus.RUNNING, "a@h1/1", 2_000);
        assertThat(runtime.claim(id, "b@h2/2", 40_000, 30_000, null)).as("a's lease ran out").isTrue();

        runtime.saveStatus(id, GridStatus.PAUSED, "a@h1/1", 41_000); // a's write, late, after its lease went to b

        assertThat(runtime.status(id)).isEqualTo(GridStatus.RUNNING);
        assertThat(runtime.lease(id).orElseThrow().owner()).isEqualTo("b@h2/2");
    }

    @Test
    void aDaemonThatLostTheLeaseLearnsItAtItsRenewalAndItsLevelWritesChangeNothing() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        GridLadder ladder = GridLadder.build(new Spacing.Arithmetic(), new BigDecimal("60000"), new BigDecimal("65000"), 20,
                new BigDecimal("0.1"), null);
        Level level = new Level(8, -1, ladder.price(8), LevelState.EXIT_WORKING, Side.SELL, 3, "gb_x_ES_8_2", "77",
                "gb_x_XB_8_3", "78", new BigDecimal("0.010"), new BigDecimal("62105.3"), new BigDecimal("0.004"), 0);
        assertThat(runtime.claim(id, "a@h1/1", 1_000, 30_000, null)).isTrue();
        assertThat(database().levels().heldBy("a@h1/1").saveLadder(id, ladder)).isTrue();
        assertThat(runtime.claim(id, "b@h2/2", 40_000, 30_000, null)).isTrue();

        assertThat(runtime.renew("a@h1/1", List.of(id), 41_000)).as("a learns it lost the grid").isEmpty();
        assertThat(database().levels().heldBy("a@h1/1").save(id, level, 42_000)).isFalse();
        assertThat(database().levels().heldBy("a@h1/1").saveLadder(id, GridLadder.build(new Spacing.Arithmetic(),
                new BigDecimal("50000"), new BigDecimal("55000"), 20, new BigDecimal("0.1"), null))).isFalse();

        assertThat(database().levels().levels(id)).isEmpty();
        assertThat(database().levels().ladder(id).orElseThrow().price(0)).isEqualByComparingTo("60000");
        assertThat(database().levels().heldBy("b@h2/2").save(id, level, 43_000)).as("b holds it").isTrue();
        assertThat(runtime.renew("b@h2/2", List.of(id), 44_000)).containsExactly(id);
    }

    @Test
    void aControlRequestNobodyTookInTimeExpiresAndIsNeverHandedToADaemon() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        long late = runtime.requestControl(id, Control.START, "alice@laptop", 10, 5_010);
        long given = runtime.requestControl(id, Control.START, "alice@laptop", 20, 5_020);

        assertThat(runtime.expire(given, "the requester gave up", 5_020)).isTrue();
        assertThat(runtime.acknowledge(given, "start accepted by a", 5_021)).as("too late").isFalse();
        assertThat(runtime.pendingAll(6_000)).as("past its expiry").isEmpty();
        assertThat(runtime.expireOverdue(6_000)).isEqualTo(1);
        assertThat(runtime.request(late).orElseThrow().settlement()).isEqualTo(GridRuntimeRepository.Settlement.EXPIRED);

        long start = runtime.requestControl(id, Control.START, "alice@laptop", 7_000, 12_000);
        assertThat(runtime.acknowledge(start, "start taken by a", GridRuntimeRepository.Settlement.TAKEN, 7_100)).isTrue();
        assertThat(runtime.expire(start, "gave up", 12_000)).as("taken: it counts").isFalse();
        runtime.settle(start, "running on a", GridRuntimeRepository.Settlement.DONE, 7_500);
        assertThat(runtime.request(start).orElseThrow()).satisfies(r -> {
            assertThat(r.settledAt()).isEqualTo(7_500);
            assertThat(r.outcome()).isEqualTo("running on a");
        });
    }

    @Test
    void theOtherGridsLedgersOnAVenueAndSymbolAddUpToOneSignedPosition() {
        long a = database().configs().create(grid("a"), 0);
        long b = database().configs().create(grid("b"), 0);
        database().fills().append(a, List.of(new Fill(1, "gb_a_ES_1_1", "1", "t1", ClientOrderId.Kind.ENTRY, Side.SELL, 1,
                new BigDecimal("60000"), new BigDecimal("0.030"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));
        database().fills().append(b, List.of(new Fill(2, "gb_b_EB_1_1", "2", "t2", ClientOrderId.Kind.ENTRY, Side.BUY, 1,
                new BigDecimal("60000"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));

        assertThat(database().fills().othersNetPosition("simulated", "BTCUSDT", b)).isEqualByComparingTo("-0.030");
        assertThat(database().fills().othersNetPosition("simulated", "BTCUSDT", a)).isEqualByComparingTo("0.010");
        assertThat(database().fills().othersNetPosition("binance", "BTCUSDT", a)).isZero();
    }

    @Test
    void onAHedgeAccountTheOtherGridsLedgersAddUpLegByLegEntriesOpeningAndExitsClosingTheirLeg() {
        long longGrid = database().configs().create(grid("l"), 0);
        long shortGrid = database().configs().create(grid("s"), 0);
        long asking = database().configs().create(grid("x"), 0);
        database().fills().append(longGrid, List.of(
                fill(1, "gb_l_EB_1_1", ClientOrderId.Kind.ENTRY, Side.BUY, "0.030"),
                fill(2, "gb_l_XS_2_1", ClientOrderId.Kind.EXIT, Side.SELL, "0.010"),
                fill(3, "gb_l_SS_0_1", ClientOrderId.Kind.STOP, Side.SELL, "0.005")));
        database().fills().append(shortGrid, List.of(
                fill(4, "gb_s_ES_1_1", ClientOrderId.Kind.ENTRY, Side.SELL, "0.040"),
                fill(5, "gb_s_XB_2_1", ClientOrderId.Kind.EXIT, Side.BUY, "0.015"),
                fill(6, "gb_s_CB_0_1", ClientOrderId.Kind.CLOSE, Side.BUY, "0.005")));

        PositionLegs others = database().fills().othersHedgeLegs("simulated", "BTCUSDT", asking);
        assertThat(others.longLeg()).isEqualByComparingTo("0.015");
        assertThat(others.shortLeg()).isEqualByComparingTo("-0.020");
        assertThat(others.both()).isZero();
        assertThat(database().fills().othersHedgeLegs("simulated", "BTCUSDT", longGrid).longLeg()).isZero();
        assertThat(database().fills().othersHedgeLegs("simulated", "BTCUSDT", longGrid).shortLeg())
                .isEqualByComparingTo("-0.020");
        assertThat(database().fills().othersHedgeLegs("binance", "BTCUSDT", asking)).isEqualTo(PositionLegs.FLAT);
    }

    private static Fill fill(long atMs, String clientOrderId, ClientOrderId.Kind kind, Side side, String qty) {
        return new Fill(atMs, clientOrderId, String.valueOf(atMs), "t" + atMs, kind, side, 1, new BigDecimal("60000"),
                new BigDecimal(qty), BigDecimal.ZERO, "USDT", BigDecimal.ZERO);
    }

    @Test
    void theGridHoldingASymbolIsTheLiveOneOrTheOneWithALedgerPosition() {
        long a = database().configs().create(grid("a"), 0);
        long b = database().configs().create(grid("b"), 0);
        GridRuntimeRepository runtime = database().runtime();
        assertThat(database().configs().holderOfSymbol("simulated", "BTCUSDT", b)).isEmpty();

        runtime.saveStatus(a, GridStatus.PAUSED, "d@h/1", 1);
        assertThat(database().configs().holderOfSymbol("simulated", "BTCUSDT", b)).contains("a");
        assertThat(database().configs().holderOfSymbol("simulated", "ETHUSDT", b)).isEmpty();
        assertThat(database().configs().holderOfSymbol("binance", "BTCUSDT", b)).isEmpty();
        assertThat(database().configs().holderOfSymbol("simulated", "BTCUSDT", a)).as("not itself").isEmpty();

        runtime.saveStatus(a, GridStatus.STOPPED, "d@h/1", 2);
        database().fills().append(a, List.of(new Fill(3, "gb_x_EB_1_1", "9", "t1", ClientOrderId.Kind.ENTRY, Side.BUY, 1,
                new BigDecimal("60000"), new BigDecimal("0.010"), BigDecimal.ZERO, "USDT", BigDecimal.ZERO)));
        assertThat(database().configs().holderOfSymbol("simulated", "BTCUSDT", b)).as("stopped, but a position in its ledger").contains("a");
    }

    @Test
    void theHoldersMarkPriceIsKeptForOtherProcesses() {
        long id = database().configs().create(grid("g"), 0);
        GridRuntimeRepository runtime = database().runtime();
        assertThat(runtime.claim(id, "a@h1/1", 1_000, 30_000, null)).isTrue();

        runtime.saveMarks("a@h1/1", java.util.Map.of(id, new BigDecimal("62105.3")), 2_000);
        runtime.saveMarks("b@h2/2", java.util.Map.of(id, new BigDecimal("1")), 3_000); // not its grid

        assertThat(runtime.mark(id)).hasValueSatisfying(m -> {
            assertThat(m.price()).isEqualByComparingTo("62105.3");
            assertThat(m.atMs()).isEqualTo(2_000);
        });
    }

    @Test
    void theLadderAndLevelsSurviveARestart() {
        long id = database().configs().create(grid("g"), 0);
        GridLadder ladder = GridLadder.build(new Spacing.Arithmetic(), new BigDecimal("60000"), new BigDecimal("65000"), 20,
                new BigDecimal("0.1"), null);
        database().levels().saveLadder(id, ladder);
        Level level = new Level(8, -1, ladder.price(8), LevelState.EXIT_WORKING, Side.SELL, 3, "gb_x_ES_8_2", "77",
                "gb_x_XB_8_3", "78", new BigDecimal("0.010"), new BigDecimal("62105.3"), new BigDecimal("0.004"), 0);
        database().levels().save(id, level, 5);
        database().levels().save(id, level, 6); // saving again replaces

        assertThat(database().levels().ladder(id).orElseThrow().prices()).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(ladder.prices());
        assertThat(database().levels().levels(id)).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(level);
    }

    @Test
    void aFillIsBookedOnceHoweverOftenItIsReplayed() {
        long id = database().configs().create(grid("g"), 0);
        Fill fill = new Fill(100, "gb_x_ES_8_1", "77", "5001", ClientOrderId.Kind.ENTRY, Side.SELL, 8,
                new BigDecimal("62105.3"), new BigDecimal("0.010"), new BigDecimal("0.12421060"), "USDT", BigDecimal.ZERO);

        assertThat(database().fills().append(id, List.of(fill, fill))).isEqualTo(1);
        assertThat(database().fills().append(id, List.of(fill))).isZero();
        assertThat(database().fills().between(id, 0, 1_000)).usingRecursiveFieldByFieldElementComparator(EXACT)
                .containsExactly(fill);
    }

    @Test
    void AC10_5_theTradeLogIsQueriedByTimeTypeAndKeywordInPages() {
        long id = database().configs().create(grid("g"), 0);
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new LogEntry(1_000L + i, i % 5 == 0 ? LogType.FILL : LogType.ORDER,
                    (i % 5 == 0 ? "entry sell filled " : "place entry ") + i, "gb_x_ES_" + i + "_1", i - 25));
        }
        TradeLogRepository log = database().tradeLog();
        log.append(id, entries, 2_000);

        TradeLogRepository.Page fills = log.query(new LogQuery(id, 0, 10_000, Set.of(LogType.FILL), null, 0, 4));
        assertThat(fills.entries()).extracting(LogEntry::atMs).containsExactly(1_045L, 1_040L, 1_035L, 1_030L);
        assertThat(fills.more()).isTrue();
        TradeLogRepository.Page last = log.query(new LogQuery(id, 0, 10_000, Set.of(LogType.FILL), null, 2, 4));
        assertThat(last.entries()).hasSize(2);
        assertThat(last.more()).isFalse();
        assertThat(log.query(new LogQuery(id, 1_010, 1_019, Set.of(), "place", 0, 100)).entries()).hasSize(8);
        assertThat(log.query(new LogQuery(id, 0, 10_000, Set.of(), "filled 25", 0, 100)).entries()).singleElement()
                .satisfies(e -> assertThat(e.line()).isZero());
    }

    @Test
    void stopLossReportsAndStatisticsSnapshotsAreKept() {
        long id = database().configs().create(grid("g"), 0);
        StopLossReport report = new StopLossReport("g", 5, new BigDecimal("65400"), new BigDecimal("65325"),
                "price crossed the stop-loss line", new BigDecimal("-0.120"), new BigDecimal("65400"), 9,
                new BigDecimal("75"), new BigDecimal("9"));
        ReportRepository reports = database().reports();
        reports.saveStopLoss(id, report);
        var snapshot = new ReportRepository.StatisticsSnapshot("DAY_7", 0, 604_800_000, 156, 80, 76, 12,
                new BigDecimal("975.5"), new BigDecimal("12.25"), BigDecimal.ZERO, new BigDecimal("-195"),
                new BigDecimal("768.25"), new BigDecimal("210"), new BigDecimal("0.2"), new BigDecimal("0.05"),
                new BigDecimal("-0.03"), 1, PositionMode.HEDGE,
                new ReportRepository.Leg(new BigDecimal("1012.75"), 81, new BigDecimal("0.09")),
                new ReportRepository.Leg(new BigDecimal("-37.25"), 75, new BigDecimal("-0.12")));
        reports.saveStatistics(id, snapshot, 1);

        assertThat(reports.stopLosses(id, "g")).usingRecursiveFieldByFieldElementComparator(EXACT).containsExactly(report);
        assertThat(reports.statistics(id, "DAY_7", 0, Long.MAX_VALUE)).usingRecursiveFieldByFieldElementComparator(EXACT)
                .containsExactly(snapshot);
    }

    /** Issue 16: a snapshot without legs (as those stored before they were kept) reads back without them. */
    @Test
    void aStatisticsSnapshotWithoutLegsReadsBackWithout() {
        long id = database().configs().create(grid("g"), 0);
        var snapshot = new ReportRepository.StatisticsSnapshot("ALL", 0, 5, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, null, null, null);
        database().reports().saveStatistics(id, snapshot, 1);

        assertThat(database().reports().statistics(id, "ALL", 0, 5)).usingRecursiveFieldByFieldElementComparator(EXACT)
                .containsExactly(snapshot);
    }

    @Test
    void aHedgeGridsStopLossReportKeepsBothLegs() { // issue 16
        long id = database().configs().create(grid("g"), 0);
        StopLossReport report = new StopLossReport("g", 5, new BigDecimal("90"), new BigDecimal("95"),
                "the venue-side protective stop fired at 95", new BigDecimal("-1"), new BigDecimal("90"), 9,
                new BigDecimal("-1.666666666666667"), new BigDecimal("-5"),
                PositionLegs.hedge(new BigDecimal("1.5"), new BigDecimal("-2.5")));
        database().reports().saveStopLoss(id, report);

        assertThat(database().reports().stopLosses(id, "g")).usingRecursiveFieldByFieldElementComparator(EXACT)
                .containsExactly(report);
    }

    @Test
    void orderIntentsFollowTheVenueUntilTheyAreFinal() {
        long id = database().configs().create(grid("g"), 0);
        var intents = database().orderIntents();
        var entry = io.gridbot.core.order.OrderRequest.limit("gb_x_ES_8_1", "BTCUSDT", Side.SELL, new BigDecimal("62105.3"),
                new BigDecimal("0.010"), io.gridbot.core.order.TimeInForce.GTC, false, io.gridbot.core.order.PositionSide.BOTH);
        intents.placed(id, entry, io.gridbot.core.order.Intent.ENTRY, 8, -1, 10);
        intents.placed(id, entry, io.gridbot.core.order.Intent.ENTRY, 8, -1, 11); // a retried create

        assertThat(intents.open(id, "BTCUSDT")).singleElement().satisfies(i -> {
            assertThat(i.intent()).isEqualTo(io.gridbot.core.order.Intent.ENTRY);
            assertThat(i.request().price()).isEqualByComparingTo("62105.3");
        });
        intents.update(id, "gb_x_ES_8_1", "77", io.gridbot.core.order.OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.004"), 15);
        intents.update(id, "gb_x_ES_8_1", "77", io.gridbot.core.order.OrderStatus.NEW, BigDecimal.ZERO, 16); // a late ack
        assertThat(intents.open(id, "BTCUSDT")).singleElement()
                .satisfies(i -> assertThat(i.filled()).as("filled never goes back").isEqualByComparingTo("0.004"));
        intents.update(id, "gb_x_ES_8_1", "77", io.gridbot.core.order.OrderStatus.FILLED, new BigDecimal("0.010"), 20);
        intents.update(id, "gb_x_ES_8_1", "77", io.gridbot.core.order.OrderStatus.NEW, BigDecimal.ZERO, 21); // a late ack
        assertThat(intents.open(id, "BTCUSDT")).as("a final order stays final").isEmpty();
        assertThat(intents.placedBetween(id, "BTCUSDT", 0, 100)).singleElement()
                .satisfies(i -> assertThat(i.resolvedAt()).isEqualTo(20));
    }

    @Test
    void fundingAndEquityHistoryIsKept() {
        long id = database().configs().create(grid("g"), 0);
        var history = database().accountHistory();
        history.saveFunding(id, new io.gridbot.persistence.ledger.AccountHistoryRepository.Funding(28_800_000, "USDT",
                new BigDecimal("-0.26")));
        history.saveEquity(id, new io.gridbot.persistence.ledger.AccountHistoryRepository.EquityPoint(60_000,
                new BigDecimal("10000.5"), new BigDecimal("-0.030"), new BigDecimal("62000")));

        assertThat(history.funding(id, 0, Long.MAX_VALUE)).singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("-0.26"));
        assertThat(history.equity(id, 0, Long.MAX_VALUE)).singleElement()
                .satisfies(p -> assertThat(p.position()).isEqualByComparingTo("-0.03"));
    }

    @Test
    void credentialsAreStoredEncryptedAndReadBack() {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        Credentials credentials = new Credentials("binance", "main", "AKEY-1234567890", "SUPER-SECRET-abcdef");
        database().credentials(key).save(credentials, 0);

        String stored = database().dsl().fetchValue("select api_secret from exchange_credential").toString();
        assertThat(stored).doesNotContain("SUPER-SECRET");
        assertThat(database().credentials(key).load("binance", "main")).contains(credentials);

        MasterKey other = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
        assertThatThrownBy(() -> database().credentials(other).load("binance", "main"))
                .hasMessageNotContaining("SUPER-SECRET").hasMessageContaining("cannot be decrypted");
    }

    @Test
    void aPassphraseIsStoredEncryptedBesideTheKeyAndReplacedWithIt() {
        // issue 17: OKX asks for a third secret, the key's passphrase
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
        Credentials okx = new Credentials("okx", "main", "OKX-KEY-1", "OKX-SECRET-1", "PASS-phrase-1");
        database().credentials(key).save(okx, 0);
        database().credentials(key).save(new Credentials("binance", "main", "AKEY", "SECRET"), 0);

        String stored = database().dsl().fetchValue("select api_passphrase from exchange_credential where exchange = 'okx'")
                .toString();
        assertThat(stored).doesNotContain("PASS-phrase");
        assertThat(database().credentials(key).load("okx", "main")).contains(okx);
        assertThat(database().credentials(key).load("binance", "main")).get()
                .satisfies(c -> assertThat(c.passphrase()).isNull());

        Credentials replaced = new Credentials("okx", "main", "OKX-KEY-2", "OKX-SECRET-2", "PASS-phrase-2");
        database().credentials(key).save(replaced, 1);
        assertThat(database().credentials(key).load("okx", "main")).contains(replaced);
        assertThat(database().credentials(key).accounts()).containsExactly("binance/main", "okx/main");
    }
}
