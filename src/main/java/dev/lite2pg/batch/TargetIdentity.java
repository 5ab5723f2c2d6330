package dev.lite2pg.batch;

import dev.lite2pg.jobfile.JobDefinition;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.postgres.ServerIdentity;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The target a job's runs are recorded under (the {@code target} job parameter) and locked by: the database as the
 * server names it, and the schema. Two spellings of one database's URL are one target.
 *
 * @param recorded what runs record, e.g. {@code cluster 7714919866863339639 port 5432 database app schema=public}
 */
public record TargetIdentity(String recorded) {

    public static TargetIdentity of(DataSource dataSource, JobDefinition job) {
        try {
            return new TargetIdentity(
                    ServerIdentity.of(dataSource) + " schema=" + job.target().schema());
        } catch (SQLException e) {
            throw new Lite2pgException(
                    ErrorCode.JOB_FAILED,
                    "cannot ask the target " + job.target().redactedUrl() + " which database it is: " + e.getMessage(),
                    e);
        }
    }

    /** Whether a run recorded under this {@code target} parameter is a run into this target. */
    public boolean matches(String target) {
        return recorded.equals(target);
    }
}
