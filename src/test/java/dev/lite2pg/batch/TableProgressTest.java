package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.progress.ProgressDisplay;
import dev.lite2pg.progress.TableStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

/** A table copied as rowid ranges on several threads still has one progress line, its ranges' rows summed. */
@SuppressWarnings("removal")
class TableProgressTest {

    private final List<String> lines = new ArrayList<>();
    private final List<TableStatus> updates = new ArrayList<>();
    private final ProgressDisplay display = new ProgressDisplay() {
        @Override
        public void update(TableStatus status) {
            updates.add(status);
        }

        @Override
        public void show(String key, String line) {}

        @Override
        public void print(String line) {
            lines.add(line);
        }

        @Override
        public void finish(String table, String line) {
            lines.add(table + " | " + line);
        }
    };
    private final JobExecution job = MetaDataInstanceFactory.createJobExecution();

    @Test
    void rangesCopiedSideBySideMakeOneLineWhenTheLastEnds() {
        TableProgress table = new TableProgress("alerts", "alerts", display, 30, Map.of(), 2);
        TableProgress.Listener one = table.listener();
        TableProgress.Listener two = table.listener();
        StepExecution first = range(1, 0);
        StepExecution second = range(2, 0);

        one.beforeStep(first);
        two.beforeStep(second);
        chunk(one, first, 10);
        chunk(two, second, 10);
        chunk(one, first, 15);
        end(one, first, BatchStatus.COMPLETED, 15);
        assertThat(lines).as("one range is still running").isEmpty();
        chunk(two, second, 15);
        end(two, second, BatchStatus.COMPLETED, 15);

        assertThat(updates).extracting(TableStatus::copied).containsExactly(10L, 20L, 25L, 30L);
        assertThat(lines).singleElement().asString().startsWith("alerts | [copy] alerts: 30 rows (30 in this run), ");
    }

    @Test
    void aResumeCountsTheRowsOfRangesFinishedBeforeAndAFailureEndsTheTableOnce() {
        // range 1 completed in the first run; range 2 resumes after 4 committed rows; range 3 is not reached
        TableProgress table = new TableProgress(
                "alerts",
                "alerts",
                display,
                30,
                Map.of("copy:alerts#1/3", 10L, "copy:alerts#2/3", 4L, "copy:alerts#3/3", 0L),
                2);
        TableProgress.Listener two = table.listener();
        StepExecution second = range(2, 4);
        StepExecution third = range(3, 0);

        two.beforeStep(second);
        chunk(two, second, 3);
        end(two, second, BatchStatus.FAILED, 7);
        table.ended(third, false);

        assertThat(updates).extracting(TableStatus::copied).containsExactly(17L);
        assertThat(lines)
                .containsExactly(
                        "[copy] alerts: 14 of 30 rows already copied, resuming",
                        "alerts | [copy] alerts: FAILED after 17 rows committed; re-run the same command to resume");
    }

    @Test
    void aTableNoneOfWhoseRangesStartedSaysNothing() {
        TableProgress table = new TableProgress("alerts", "alerts", display, 30, Map.of(), 2);

        table.ended(range(1, 0), false);
        table.ended(range(2, 0), false);

        assertThat(lines).isEmpty();
    }

    private StepExecution range(int index, long committedBefore) {
        StepExecution step = new StepExecution(index, "copy:alerts#" + index + "/3", job);
        if (committedBefore > 0) {
            step.getExecutionContext().putLong(SqliteItemReader.ROWS_KEY, committedBefore);
        }
        return step;
    }

    private static void chunk(TableProgress.Listener listener, StepExecution step, long writtenThisRun) {
        step.setWriteCount(writtenThisRun);
        listener.afterChunk(new ChunkContext(new StepContext(step)));
    }

    private static void end(TableProgress.Listener listener, StepExecution step, BatchStatus status, long committed) {
        step.setStatus(status);
        step.getExecutionContext().putLong(SqliteItemReader.ROWS_KEY, committed);
        listener.afterStep(step);
    }
}
