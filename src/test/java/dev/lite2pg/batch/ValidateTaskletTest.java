package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that no run passes with fewer tables than its source file held, whatever caused it. */
class ValidateTaskletTest {

    @Test
    void aRunThatCopiedNoTableOfASourceWithTablesIsAProblem() {
        assertThat(ValidateTasklet.sourceTablesProblem(3L, 3, 0))
                .get()
                .asString()
                .contains("the source file held 3 table(s) and the run copied none");
    }

    @Test
    void aSnapshotWithFewerTablesThanTheSourceFileIsAProblemEvenWhenSomeWereCopied() {
        assertThat(ValidateTasklet.sourceTablesProblem(3L, 0, 0))
                .get()
                .asString()
                .contains("snapshot holds 0 table(s), the source file held 3");
        assertThat(ValidateTasklet.sourceTablesProblem(3L, 2, 2))
                .get()
                .asString()
                .contains("snapshot holds 2 table(s), the source file held 3");
    }

    @Test
    void everyTableOfTheSourceInTheSnapshotIsNoProblemNorAnEmptySource() {
        assertThat(ValidateTasklet.sourceTablesProblem(3L, 3, 3)).isEmpty();
        assertThat(ValidateTasklet.sourceTablesProblem(3L, 3, 2))
                .as("a table the mapping excludes")
                .isEmpty();
        assertThat(ValidateTasklet.sourceTablesProblem(0L, 0, 0)).isEmpty();
    }
}
