package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.report.ReportWriter;
import dev.lite2pg.report.RunReport;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes report.json, report.md and report.html from what the validate step found (plus a write to the source since
 * the snapshot, checked here); a verdict that is not a pass then fails the job, after the report exists to explain why.
 */
final class ReportTasklet implements Tasklet {

    private final CutoverRun run;

    ReportTasklet(CutoverRun run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobParameters();
        // Taken out of the context, not kept there: the report files are its record, and validate hands it on afresh
        // on every start.
        ExecutionContext context = step.getJobExecution().getExecutionContext();
        RunReport report = ReportWriter.fromJson(context.getString(ValidateTasklet.REPORT_KEY));
        context.remove(ValidateTasklet.REPORT_KEY);
        // Checked here, after validation, as late as a verdict can still say it: writes during the copy or the
        // content check are as missing from the target as writes during the snapshot.
        boolean live = Boolean.parseBoolean(parameters.getString(CutoverLauncher.SOURCE_LIVE));
        boolean written = !run.mode.rehearsal()
                && SourceWrites.since(run.job.source().path(), parameters.getString(CutoverLauncher.SOURCE_STAMP));
        if (written && live) {
            // cutover --live: the application writes on purpose; the target is complete as of the snapshot.
            run.say(
                    "report",
                    "the application wrote to " + run.job.source().path()
                            + " after the snapshot: the verdict is as of the snapshot; catch-up takes those writes");
        } else if (written) {
            String problem = SourceWrites.problem(
                    run.job.source().path(), snapshotTaken(parameters.getString(CutoverLauncher.RUN_ID)));
            report = report.withProblem(problem);
            run.say("report", report.verdict() + ": " + problem);
        }
        ReportWriter.write(report, run.runFolder);
        run.say("report", run.runFolder.resolve("report.md") + " (and report.html, report.json)");
        if (!report.verdict().passed()) {
            throw new Lite2pgException(
                    ErrorCode.VALIDATION_FAILED, "validation failed: " + String.join("; ", report.problems()));
        }
        return RepeatStatus.FINISHED;
    }

    /** When the snapshot was taken: the run id is the time the run started, just before its snapshot. */
    private static String snapshotTaken(String runId) {
        try {
            return LocalDateTime.parse(runId, CutoverLauncher.RUN_NAME).format(TAKEN);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final DateTimeFormatter TAKEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
}
