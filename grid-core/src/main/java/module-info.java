/**
 * The grid decision core: a pure function from events to commands, with no dependency beyond the JDK.
 *
 * <p>Only the packages a shell needs are exported: the configuration, the events it feeds in, the commands it
 * carries out, the machine that turns one into the other, and the value types they carry. How the machine
 * decides (reconciliation after a restart, the exposure budget, the request-rate governor) stays inside.
 */
module io.gridbot.core {
    exports io.gridbot.core.command;
    exports io.gridbot.core.config;
    exports io.gridbot.core.event;
    exports io.gridbot.core.fault;
    exports io.gridbot.core.level;
    exports io.gridbot.core.log;
    exports io.gridbot.core.machine;
    exports io.gridbot.core.market;
    exports io.gridbot.core.order;
    exports io.gridbot.core.preview;
    exports io.gridbot.core.risk;
    exports io.gridbot.core.spacing;
    exports io.gridbot.core.status;
    exports io.gridbot.core.stoploss;
}
