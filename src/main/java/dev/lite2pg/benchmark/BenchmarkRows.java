package dev.lite2pg.benchmark;

/**
 * The rows of the benchmark's trading app, one method per table, each row a pure function of the seed, its id and the
 * table sizes (see {@link Noise}). Values are in the column order of {@link BenchmarkSchema}.
 *
 * <p>Every value also survives the reference load unchanged (sqlite3 CSV, then COPY): REAL values have at most 15
 * significant digits, which is what the sqlite3 shell prints, and no text holds a NUL byte.
 */
final class BenchmarkRows {

    static final int USERS = 1;
    static final int STRATEGIES = 2;
    static final int ALERTS = 3;
    static final int ORDERS = 4;

    /** 2020-01-01T00:00:00Z: the app's first day. */
    static final long FIRST_SECOND = 1_577_836_800L;
    /** Five years of activity (2020 to 2024): epoch values stay in [FIRST_SECOND, FIRST_SECOND + SPAN + a day). */
    static final long SPAN_SECONDS = 5L * 365 * 86_400;

    private static final String[] FIRST_NAMES = {
        "Anna", "Erik", "Karin", "Johan", "Zoë", "Oskar", "Sara", "Björn", "Linnea", "Hugo", "Ida", "Łukasz", "Ebba",
        "José", "Maja", "Nils", "Chloé", "Emil", "Aino", "Kenji"
    };
    private static final String[] LAST_NAMES = {
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Müller",
        "Rossi",
        "García",
        "Sato",
        "Virtanen"
    };
    private static final String[] MAIL_DOMAINS = {"example.com", "mail.example.org", "trader.example.net"};
    private static final String[] COUNTRIES = {"SE", "NO", "DK", "FI", "DE", "FR", "ES", "IT", "PL", "JP", "US", "GB"};
    static final String[] SYMBOLS = {
        "BTCUSD", "ETHUSD", "SOLUSD", "AAPL", "MSFT", "NVDA", "TSLA", "EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "SPY"
    };
    private static final String[] DESCRIPTION_WORDS = {
        "buys",
        "dips",
        "on",
        "the",
        "hourly",
        "chart",
        "and",
        "sells",
        "into",
        "strength",
        "with",
        "a",
        "trailing",
        "stop;",
        "rebalances",
        "weekly",
        "hedged",
        "by",
        "index",
        "futures",
        "(paper",
        "trading)",
        "max",
        "3",
        "open",
        "positions",
        "—",
        "ask",
        "Åsa",
        "before",
        "changing"
    };
    private static final String[] STYLES = {
        "Mean reversion", "Momentum", "Breakout", "Grid", "Pairs", "Scalper", "Swing", "Trend follower"
    };

    private final Noise noise;
    private final long users;
    private final long strategies;
    private final long alerts;
    private final long orders;

    BenchmarkRows(long seed, long users, long strategies, long alerts, long orders) {
        this.noise = new Noise(seed);
        this.users = users;
        this.strategies = strategies;
        this.alerts = alerts;
        this.orders = orders;
    }

    /** id, email, display_name, country, is_active, is_admin, balance, created_at, last_login_at. */
    Object[] user(long id) {
        String first = FIRST_NAMES[noise.below(USERS, id, 1, FIRST_NAMES.length)];
        String last = LAST_NAMES[noise.below(USERS, id, 2, LAST_NAMES.length)];
        long created = spread(USERS, id, users, SPAN_SECONDS * 4 / 5);
        String lastLogin = noise.percent(USERS, id, 3, 15)
                ? null
                : BenchmarkText.timestamp(
                        created + noise.belowLong(USERS, id, 4, SPAN_SECONDS / 5),
                        micros(USERS, id, 5),
                        noise.percent(USERS, id, 6, 50));
        return new Object[] {
            id,
            "trader" + id + "@" + MAIL_DOMAINS[(int) (id % MAIL_DOMAINS.length)],
            first + " " + last,
            COUNTRIES[noise.below(USERS, id, 7, COUNTRIES.length)],
            flag(USERS, id, 8, 90),
            flag(USERS, id, 9, 1),
            BenchmarkText.cents(noise.belowLong(USERS, id, 10, 10_000_000L)),
            BenchmarkText.timestamp(created, micros(USERS, id, 11), id % 2 == 1),
            lastLogin
        };
    }

    /** id, user_id, name, description, symbol, is_public, is_paused, max_position, risk_limit, created_at, updated_at. */
    Object[] strategy(long id) {
        long created = spread(STRATEGIES, id, strategies, SPAN_SECONDS * 4 / 5);
        String name = STYLES[noise.below(STRATEGIES, id, 1, STYLES.length)] + " #" + id;
        double maxPosition = noise.belowLong(STRATEGIES, id, 2, 10_000_000_000L) / 10_000.0; // up to 4 decimals
        return new Object[] {
            id,
            parent(STRATEGIES, id, 3, users),
            name,
            description(id),
            symbol(STRATEGIES, id, 4),
            flag(STRATEGIES, id, 5, 30),
            flag(STRATEGIES, id, 6, 10),
            maxPosition,
            BenchmarkText.cents(100 * (1 + noise.belowLong(STRATEGIES, id, 7, 1_000_000L)) / (1 + id % 4)),
            BenchmarkText.timestamp(created, micros(STRATEGIES, id, 8), noise.percent(STRATEGIES, id, 9, 50)),
            created + noise.belowLong(STRATEGIES, id, 10, SPAN_SECONDS / 5)
        };
    }

    /** id, strategy_id, kind, payload, is_read, triggered_at, created_at. */
    Object[] alert(long id) {
        long strategyId = parent(ALERTS, id, 1, strategies);
        long triggered = spread(ALERTS, id, alerts, SPAN_SECONDS);
        int kind = noise.below(ALERTS, id, 2, AlertPayloads.KINDS.length);
        String payload = AlertPayloads.payload(noise, id, strategyId);
        String created =
                BenchmarkText.timestamp(triggered + noise.below(ALERTS, id, 3, 5), micros(ALERTS, id, 4), true);
        return new Object[] {
            id, strategyId, AlertPayloads.KINDS[kind], payload, flag(ALERTS, id, 5, 60), triggered, created
        };
    }

    /**
     * id, client_order_id, user_id, strategy_id, symbol, side, quantity, price, limit_price, is_filled, placed_at,
     * filled_at.
     */
    Object[] order(long id) {
        Long strategyId = noise.percent(ORDERS, id, 1, 20) ? null : parent(ORDERS, id, 2, strategies);
        long placed = spread(ORDERS, id, orders, SPAN_SECONDS);
        long priceUnits = 1 + noise.belowLong(ORDERS, id, 3, 1_000_000_000L); // 0.0001 to 100000.0000
        String limitPrice = noise.percent(ORDERS, id, 4, 40)
                ? null
                : BenchmarkText.cents(priceUnits / 100 + noise.below(ORDERS, id, 5, 3) * 50L);
        boolean filled = noise.percent(ORDERS, id, 6, 70);
        return new Object[] {
            id,
            uuid(ORDERS, id, 12),
            parent(ORDERS, id, 7, users),
            strategyId,
            symbol(ORDERS, id, 8),
            noise.percent(ORDERS, id, 9, 50) ? "buy" : "sell",
            1L + noise.below(ORDERS, id, 10, 1_000),
            priceUnits / 10_000.0,
            limitPrice,
            filled ? 1L : 0L,
            placed,
            filled ? placed + noise.below(ORDERS, id, 11, 3_600) : null
        };
    }

    /** Free text of 40 to 160 characters, or NULL for about a third of the strategies. */
    private String description(long id) {
        if (noise.percent(STRATEGIES, id, 11, 30)) {
            return null;
        }
        int length = 40 + noise.below(STRATEGIES, id, 12, 121);
        StringBuilder text = new StringBuilder(length + 16);
        int word = noise.below(STRATEGIES, id, 13, DESCRIPTION_WORDS.length);
        while (text.length() < length) {
            text.append(DESCRIPTION_WORDS[word]).append(' ');
            word = (word + 7) % DESCRIPTION_WORDS.length;
        }
        text.setLength(text.length() - 1);
        return text.append('.').toString();
    }

    /** A random (version 4) UUID in canonical lower-case text, as apps that generate ids client-side store them. */
    private String uuid(int table, long id, int field) {
        long high = (noise.bits(table, id, field) & ~0xF000L) | 0x4000L;
        long low = (noise.bits(table, id, field + 1) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(high, low).toString();
    }

    /** A 0/1 INTEGER, 1 for about {@code percent} out of 100 rows: how SQLite apps store booleans. */
    private Long flag(int table, long id, int field, int percent) {
        return noise.percent(table, id, field, percent) ? 1L : 0L;
    }

    private long parent(int table, long id, int field, long parents) {
        return 1 + noise.belowLong(table, id, field, parents);
    }

    private String symbol(int table, long id, int field) {
        return SYMBOLS[noise.below(table, id, field, SYMBOLS.length)];
    }

    private int micros(int table, long id, int field) {
        return noise.below(table, id, field, 1_000_000);
    }

    /** Rows arrive over time: row {@code id} of {@code count} falls at its share of {@code span}, plus a jitter. */
    private long spread(int table, long id, long count, long span) {
        long step = Math.max(1, span / count);
        return FIRST_SECOND + (id - 1) * span / count + noise.belowLong(table, id, 0, step);
    }
}
