package io.gridbot.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void AC10_3_keepsTheNewestEntriesUpToItsCapacity() {
        EventLog log = new EventLog(200);
        for (int i = 0; i < 250; i++) {
            log.add(new LogEntry(i, i % 2 == 0 ? LogType.INFO : LogType.FILL, "entry " + i, null, null));
        }

        assertThat(log.size()).isEqualTo(200);
        assertThat(log.entries().get(0).detail()).isEqualTo("entry 50");
        assertThat(log.entries().get(199).detail()).isEqualTo("entry 249");
        assertThat(log.latest(LogType.FILL, 3)).extracting(LogEntry::detail)
                .containsExactly("entry 245", "entry 247", "entry 249");
        assertThat(log.latest(null, 2)).extracting(LogEntry::detail).containsExactly("entry 248", "entry 249");
    }

    @Test
    void aLogNeedsRoomForOneEntry() {
        assertThatThrownBy(() -> new EventLog(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
