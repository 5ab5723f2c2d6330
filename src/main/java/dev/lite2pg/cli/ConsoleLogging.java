package dev.lite2pg.cli;

/**
 * Commands that run without Spring (check, and the demo's embedded server before Spring starts) get logback's
 * default: everything at DEBUG on standard output. The operator only needs lite2pg's own lines there; Flyway would
 * also print the JDBC URL at INFO.
 */
final class ConsoleLogging {

    private ConsoleLogging() {}

    /**
     * Nothing logged at all: for a command whose standard output is its result (status --json), where failures reach
     * the operator as the command's own error message.
     */
    static void off() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.OFF);
        }
    }

    static void onlyWarnings(String... loggers) {
        level(ch.qos.logback.classic.Level.WARN, loggers);
    }

    /** For loggers whose errors lite2pg reports itself, in its own words (a failed migration's file and line). */
    static void off(String... loggers) {
        level(ch.qos.logback.classic.Level.OFF, loggers);
    }

    private static void level(ch.qos.logback.classic.Level level, String... loggers) {
        for (String name : loggers) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(level);
            }
        }
    }
}
