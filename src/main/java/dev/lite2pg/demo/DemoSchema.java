package dev.lite2pg.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The demo bike shop's SQLite schema, written the way such apps often are: PascalCase names, a table named after a
 * keyword, loose declared types (BOOLEAN, DATETIME) and foreign keys SQLite only checks at commit.
 * {@code sql/demo/V1__schema.sql} is the same schema in PostgreSQL with snake_case names and real types.
 */
final class DemoSchema {

    static final List<String> STATEMENTS =
            List.of("""
            CREATE TABLE Store (
                StoreId   INTEGER PRIMARY KEY,
                Name      TEXT NOT NULL,
                City      TEXT NOT NULL,
                ManagerId INTEGER NOT NULL REFERENCES Staff (StaffId) DEFERRABLE INITIALLY DEFERRED,
                OpenedAt  DATETIME NOT NULL
            )""", """
            CREATE TABLE Staff (
                StaffId   INTEGER PRIMARY KEY,
                StoreId   INTEGER NOT NULL REFERENCES Store (StoreId) DEFERRABLE INITIALLY DEFERRED,
                ReportsTo INTEGER REFERENCES Staff (StaffId) DEFERRABLE INITIALLY DEFERRED,
                FirstName TEXT NOT NULL,
                LastName  TEXT NOT NULL,
                Email     TEXT NOT NULL UNIQUE,
                IsActive  BOOLEAN NOT NULL DEFAULT 1,
                HiredAt   DATETIME NOT NULL
            )""", """
            CREATE TABLE Customer (
                CustomerId  INTEGER PRIMARY KEY AUTOINCREMENT,
                FirstName   TEXT NOT NULL,
                LastName    TEXT NOT NULL,
                Email       TEXT NOT NULL UNIQUE,
                Phone       TEXT,
                IsVip       BOOLEAN NOT NULL DEFAULT 0,
                CreatedAt   DATETIME NOT NULL,
                Notes       TEXT,
                Preferences TEXT -- JSON
            )""", """
            CREATE TABLE Product (
                ProductId      INTEGER PRIMARY KEY,
                Sku            TEXT NOT NULL UNIQUE,
                Name           TEXT NOT NULL,
                UnitPrice      REAL NOT NULL,
                IsDiscontinued BOOLEAN NOT NULL DEFAULT 0,
                Tags           TEXT,    -- comma separated
                Attributes     TEXT,    -- JSON
                Thumbnail      BLOB,
                UpdatedAt      INTEGER NOT NULL -- Unix epoch seconds
            )""", """
            CREATE TABLE "Order" (
                OrderId    INTEGER PRIMARY KEY,
                CustomerId INTEGER NOT NULL REFERENCES Customer (CustomerId),
                StoreId    INTEGER NOT NULL REFERENCES Store (StoreId),
                StaffId    INTEGER REFERENCES Staff (StaffId),
                "User"     TEXT NOT NULL,
                Status     TEXT NOT NULL,
                OrderedAt  DATETIME NOT NULL,
                ShippedAt  INTEGER -- Unix epoch seconds
            )""", """
            CREATE TABLE OrderLine (
                OrderId   INTEGER NOT NULL REFERENCES "Order" (OrderId),
                LineNo    INTEGER NOT NULL,
                ProductId INTEGER NOT NULL REFERENCES Product (ProductId),
                Quantity  INTEGER NOT NULL,
                UnitPrice REAL NOT NULL,
                PRIMARY KEY (OrderId, LineNo)
            ) WITHOUT ROWID""", "CREATE INDEX OrderCustomerId ON \"Order\" (CustomerId)", """
            CREATE VIEW OrderTotal AS
                SELECT o.OrderId, o.CustomerId, sum(l.Quantity * l.UnitPrice) AS Total
                FROM "Order" o JOIN OrderLine l ON l.OrderId = o.OrderId
                GROUP BY o.OrderId, o.CustomerId""");

    private DemoSchema() {}

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
