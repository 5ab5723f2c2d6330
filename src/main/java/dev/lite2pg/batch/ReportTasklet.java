package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.RunReport;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes report.json and report.md; a FAIL verdict then fails the job, after the report exists to explain why. */
final class ReportTasklet implements Tasklet {

    private final CutoverRun run;

    ReportTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ReportWriter.write(run.report, run.runFolder);
        run.say("report", run.runFolder.resolve("report.md") + " (and report.json)");
        if (!RunReport.PASS.equals(run.report.verdict())) {
            throw new Lite2pgException(ErrorCode.VALIDATION_FAILED, "validation failed: " + String.join("; ", run.report.problems()));
        }
        return RepeatStatus.FINISHED;
    }
}
