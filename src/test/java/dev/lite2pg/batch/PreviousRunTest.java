package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

class PreviousRunTest {

    private final JobInstance instance = new JobInstance(1, "demo");

    @Test
    void onlyTablesWithCommittedRowsCountAsWritten() {
        JobExecution first = new JobExecution(10, instance, new JobParameters());
        first.addStepExecution(copyStep(100, "copy:customer", first, 14L, BatchStatus.COMPLETED));
        first.addStepExecution(
                copyStep(101, "copy:invoice", first, null, BatchStatus.FAILED)); // refused before its first commit
        first.addStepExecution(copyStep(102, "copy:track", first, 0L, BatchStatus.FAILED));
        first.addStepExecution(copyStep(103, "copy:album", first, 7L, BatchStatus.FAILED));
        JobExecution second = new JobExecution(11, instance, new JobParameters());
        second.addStepExecution(copyStep(200, "copy:track", second, 21L, BatchStatus.COMPLETED)); // committed on resume

        PreviousRun run = new PreviousRun(instance, List.of(first, second));

        assertThat(run.tablesWritten()).containsExactly("customer", "album", "track");
    }

    @Test
    void aRunThatCommittedNothingWroteNoTable() {
        JobExecution failed = new JobExecution(10, instance, new JobParameters());
        failed.addStepExecution(copyStep(100, "copy:customer", failed, null, BatchStatus.FAILED));
        failed.addStepExecution(copyStep(101, "copy:invoice", failed, 0L, BatchStatus.FAILED));

        assertThat(new PreviousRun(instance, List.of(failed)).tablesWritten()).isEmpty();
    }

    private static StepExecution copyStep(
            long id, String name, JobExecution execution, Long rowsCommitted, BatchStatus status) {
        StepExecution step = new StepExecution(id, name, execution);
        step.setStatus(status);
        step.getExecutionContext().putString(CopyPartitioner.TABLE, name.substring("copy:".length()));
        if (rowsCommitted != null) {
            step.getExecutionContext().putLong(SqliteItemReader.ROWS_KEY, rowsCommitted);
        }
        return step;
    }
}
