package dev.lite2pg.validate;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.copy.CopyPlanner;
import dev.lite2pg.copy.TableCopy;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.plan.NameMapper;
import dev.lite2pg.plan.NameMapping;
import dev.lite2pg.postgres.PostgresCatalog;
import dev.lite2pg.report.ContentCheckResult;
import dev.lite2pg.report.RunReport;
import dev.lite2pg.report.TableReport;
import dev.lite2pg.sqlite.SqliteSource;
import dev.lite2pg.testing.JobFile;
import dev.lite2pg.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/** What the content check's integration tests need to call the check directly after a run. */
final class ContentCheckFixtures {

    private ContentCheckFixtures() {}

    /** The copy plan as the plan step builds it. */
    static List<TableCopy> plan(TestDatabase db, Path source, String schema) throws SQLException {
        try (SqliteSource sqlite = SqliteSource.open(source);
                Connection c = db.connect()) {
            NameMapping mapping =
                    NameMapper.map(sqlite.tables(), new PostgresCatalog(c).tables(schema), MappingSpec.defaults());
            return CopyPlanner.plan(
                    mapping.tables(),
                    mapping.tables().stream().map(m -> m.target().name()).toList(),
                    schema,
                    ConversionOptions.DEFAULTS);
        }
    }

    static PGSimpleDataSource dataSource(TestDatabase db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    static Map<String, ContentCheckResult> contentByTable(RunReport report) {
        return report.tables().stream()
                .map(TableReport::content)
                .collect(Collectors.toMap(ContentCheckResult::table, Function.identity()));
    }

    static void insert(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.executeUpdate();
    }

    static void execute(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** A job of two-row chunks from {@code source} into {@code schema}, built by {@code migration}, run under {@code work}. */
    static Path job(Path work, TestDatabase db, String name, Path source, String schema, String migration) {
        Path sql = JobFile.migration(work.resolve("sql-" + name), migration);
        return JobFile.named(name)
                .source(source)
                .target(db)
                .schema(schema)
                .migrations(sql)
                .chunkSize(2)
                .output(work.resolve("runs"))
                .writeTo(work.resolve(name + ".yml"));
    }

    /** The newest run folder of the job under {@code work}. */
    static Path runFolder(Path work, String jobName) throws IOException {
        try (Stream<Path> folders = Files.list(work.resolve("runs").resolve(jobName))) {
            return folders.filter(Files::isDirectory)
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow();
        }
    }
}
