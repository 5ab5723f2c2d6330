package dev.lite2pg.catchup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.quarantine.QuarantinedRow;
import dev.lite2pg.source.ReadBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What catch-up spools for one table, without PostgreSQL: the changed rows converted as the copy converts them (COPY
 * text), the gone keys, and a refused value listed or set aside.
 */
class TableDeltaTest {

    private static final ReadBudget BUDGET = new ReadBudget(1 << 20, 1 << 20);

    @TempDir
    Path dir;

    private Path base;
    private Path now;
    private TableDiff diff;

    /** A NOCASE text key, an int8 and a float8 column; every kind of change, and one value an int8 cannot hold. */
    @BeforeEach
    void snapshots() throws Exception {
        base = Snapshots.sqlite(
                dir.resolve("base.sqlite"),
                "CREATE TABLE tag (code TEXT PRIMARY KEY COLLATE NOCASE, n, r) WITHOUT ROWID",
                "INSERT INTO tag VALUES ('a', 1, 0.0), ('b', 2, 0.5), ('c', 3, 1.5), ('d', 4, 2.5)");
        now = Snapshots.changed(
                base,
                dir.resolve("now.sqlite"),
                // Without affinity the sign is kept, and a float8 takes it.
                "UPDATE tag SET r = -0.0 WHERE code = 'a'",
                // The same key to SQLite, another one to PostgreSQL.
                "UPDATE tag SET code = 'B' WHERE code = 'b'",
                "UPDATE tag SET n = 'lots' WHERE code = 'c'",
                "DELETE FROM tag WHERE code = 'd'",
                "INSERT INTO tag VALUES ('e', 5, NULL)");
        diff = TableDiff.of(Snapshots.copy(now, "tag", Map.of("n", "int8", "r", "float8")))
                .orElseThrow();
    }

    @Test
    void underOnBadRowFailTheRefusedRowIsListedAndNeitherWrittenNorDeleted() {
        try (TableDelta delta = TableDelta.read(diff, base, now, BUDGET, dir.resolve("spool"), false)) {
            assertThat(content(delta.changedFile())).isEqualTo("a\t1\t-0.0\nB\t2\t0.5\ne\t5\t\\N\n");
            assertThat(delta.changedRows()).isEqualTo(3);
            assertThat(content(delta.goneFile())).isEqualTo("b\nd\n");
            assertThat(delta.goneKeys()).isEqualTo(2);
            assertThat(delta.refusals())
                    .singleElement()
                    .satisfies(r -> assertThat(r)
                            .extracting(RowRefusal::table, RowRefusal::column)
                            .containsExactly("tag", "n"))
                    .satisfies(r -> assertThat(r.value()).contains("lots"))
                    .satisfies(r -> assertThat(r.rowKey()).contains("c"));
            assertThat(delta.quarantined()).isEmpty();
            assertThat(delta.touchedKeys()).isEmpty();
            assertThat(delta.empty()).isFalse();
        }
    }

    @Test
    void underOnBadRowQuarantineTheRefusedRowIsSetAsideAndItsOlderValuesDeleted() throws Exception {
        Path changedFile;
        Path goneFile;
        try (TableDelta delta = TableDelta.read(diff, base, now, BUDGET, dir.resolve("spool"), true)) {
            changedFile = delta.changedFile();
            goneFile = delta.goneFile();
            assertThat(content(changedFile)).isEqualTo("a\t1\t-0.0\nB\t2\t0.5\ne\t5\t\\N\n");
            assertThat(content(goneFile)).isEqualTo("c\nb\nd\n");
            assertThat(delta.goneKeys()).isEqualTo(3);
            assertThat(delta.quarantined())
                    .singleElement()
                    .satisfies(q -> assertThat(q)
                            .extracting(QuarantinedRow::sourceTable, QuarantinedRow::sourceKey, QuarantinedRow::column)
                            .containsExactly("tag", "[\"c\"]", "n"))
                    .satisfies(q -> assertThat(q.value()).contains("lots"));
            assertThat(delta.touchedKeys())
                    .containsExactly("[\"a\"]", "[\"B\"]", "[\"c\"]", "[\"e\"]", "[\"b\"]", "[\"d\"]");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(changedFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(goneFile)))
                    .isEqualTo("rw-------");
        }
        assertThat(changedFile).doesNotExist();
        assertThat(goneFile).doesNotExist();
    }

    @Test
    void identicalSnapshotsGiveAnEmptyDelta() {
        try (TableDelta delta = TableDelta.read(diff, base, base, BUDGET, dir.resolve("spool"), true)) {
            assertThat(delta.empty()).isTrue();
            assertThat(content(delta.changedFile())).isEmpty();
            assertThat(content(delta.goneFile())).isEmpty();
            assertThat(delta.touchedKeys()).isEmpty();
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
