package dev.lite2pg.batch;

import dev.lite2pg.metrics.MetricsPublisher;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cutover job: preflight, schema, precheck, plan, copy (a step per table or rowid range, largest first), bad-rows
 * (the copy's bad rows judged), quarantine (children of rows set aside), constraints, sequences, validate, report. On a
 * restart, preflight and precheck (which passed on the first start, against the same snapshot) and the tables already
 * copied are skipped; every other step runs again, even if it
 * completed before, and is written so that running it again is harmless: it only computes or checks, or finds its work
 * done (a key already added back is not added twice, a sequence is set to the same value).
 */
public final class CutoverJobFactory {

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final int parallelism;

    public CutoverJobFactory(JobRepository repository, PlatformTransactionManager transactions, int parallelism) {
        this.repository = repository;
        this.transactions = transactions;
        this.parallelism = parallelism;
    }

    public Job build(CutoverRun run) {
        ForeignKeyDeferral foreignKeys = new ForeignKeyDeferral(run.target, repository);
        IndexDeferral indexes = new IndexDeferral(run.target, repository);
        CopyStepFactory copySteps = new CopyStepFactory(run, repository, transactions);
        Step copy = new StepBuilder(CopySteps.MANAGER, repository)
                .observationRegistry(run.metrics.observations())
                .partitioner(CopySteps.MANAGER, new CopyPartitioner(run))
                .partitionHandler(new OrderedPartitionHandler(repository, copySteps, parallelism))
                .build();
        return new JobBuilder(run.job.name(), repository)
                .observationRegistry(run.metrics.observations())
                .listener(new MetricsPublisher(run.metrics, run.job, run.runFolder, run.out, System.getenv()))
                .start(tasklet("preflight", new PreflightTasklet(run), false))
                .next(tasklet("schema", new SchemaTasklet(run), true))
                // Once per run, before the plan step drops anything: a resume already passed it.
                .next(tasklet(PrecheckTasklet.STEP, new PrecheckTasklet(run, parallelism), false))
                .next(tasklet("plan", new PlanTasklet(run, foreignKeys, indexes, new CopyReset(run, repository)), true))
                .next(copy)
                .next(tasklet(
                        BadRowsTasklet.STEP,
                        new BadRowsTasklet(run, repository, transactions, foreignKeys, indexes),
                        true))
                .next(tasklet("quarantine", new QuarantineChildrenTasklet(run), true))
                // The plan step defers keys and indexes again on every start, so the constraints step must also run on
                // every start.
                .next(tasklet("constraints", new RebuildConstraintsTasklet(run, foreignKeys, indexes), true))
                .next(tasklet("sequences", new SequencesTasklet(run), true))
                .next(tasklet("validate", new ValidateTasklet(run, repository), true))
                .next(tasklet("report", new ReportTasklet(run), true))
                .build();
    }

    private Step tasklet(String name, Tasklet tasklet, boolean rerunOnRestart) {
        Tasklet withFaultPoint = FaultPoints.installed()
                .<Tasklet>map(faults -> (contribution, chunk) -> {
                    faults.atStepStart(name);
                    return tasklet.execute(contribution, chunk);
                })
                .orElse(tasklet);
        return new StepBuilder(name, repository)
                .tasklet(withFaultPoint, transactions)
                .allowStartIfComplete(rerunOnRestart)
                .build();
    }
}
