package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.Verdicts;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes report.json, report.md and report.html; a verdict that is not a pass then fails the job, after the report
 * exists to explain why.
 */
final class ReportTasklet implements Tasklet {

    private final CutoverRun run;

    ReportTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportWriter.write(run.report, run.runFolder);
        run.say("report", run.runFolder.resolve("report.md") + " (and report.html, report.json)");
        if (Verdicts.exitCode(run.report.verdict()) != 0) {
            throw new Lite2pgException(ErrorCode.VALIDATION_FAILED, "validation failed: " + String.join("; ", run.report.problems()));
        }
        return RepeatStatus.FINISHED;
    }
}
