package io.gridbot.stats.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.core.order.ClientOrderId;
import io.gridbot.core.order.Fill;
import io.gridbot.core.order.Side;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void AC11_8_fillsAreWrittenWithAHeaderAndExactDecimals() throws Exception {
        StringWriter out = new StringWriter();
        CsvExport.writeFills(out, List.of(new Fill(0, "gb_x", "1", "t,1", ClientOrderId.Kind.EXIT, Side.BUY, 7,
                new BigDecimal("61842.1"), new BigDecimal("0.010"), new BigDecimal("0.12368420"), "USDT",
                new BigDecimal("2.632"))));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExport.FILL_COLUMNS));
        assertThat(lines[1]).isEqualTo(
                "0,1970-01-01T00:00:00Z,gb_x,1,\"t,1\",EXIT,BUY,7,61842.1,0.010,0.12368420,USDT,2.632");
    }
}
