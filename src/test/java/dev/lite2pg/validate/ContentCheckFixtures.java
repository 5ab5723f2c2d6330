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
import dev.lite2pg.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
}
