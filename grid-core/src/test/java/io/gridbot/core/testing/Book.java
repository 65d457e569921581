package io.gridbot.core.testing;

import io.gridbot.core.order.OrderRequest;
import io.gridbot.core.order.OrderType;
import io.gridbot.core.order.Side;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** Reads a paper venue's resting orders the way a trader looks at a book. */
public final class Book {

    private Book() {
    }

    public static List<OrderRequest> resting(GridDriver driver) {
        return driver.venue.openOrders().stream().map(r -> r.request).toList();
    }

    /** Resting grid entries on this side, lowest price first. */
    public static List<OrderRequest> entries(GridDriver driver, Side side) {
        return resting(driver).stream()
                .filter(o -> o.type() == OrderType.LIMIT && !o.reduceOnly() && o.side() == side)
                .sorted(Comparator.comparing(OrderRequest::price)).toList();
    }

    /** Resting grid exits on this side, lowest price first. */
    public static List<OrderRequest> exits(GridDriver driver, Side side) {
        return resting(driver).stream()
                .filter(o -> o.type() == OrderType.LIMIT && o.reduceOnly() && o.side() == side)
                .sorted(Comparator.comparing(OrderRequest::price)).toList();
    }

    public static List<OrderRequest> stops(GridDriver driver) {
        return resting(driver).stream().filter(o -> o.type() == OrderType.STOP_MARKET).toList();
    }

    public static List<String> prices(List<OrderRequest> orders) {
        return orders.stream().map(o -> o.price().toPlainString()).toList();
    }

    public static BigDecimal total(List<OrderRequest> orders) {
        return orders.stream().map(OrderRequest::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
