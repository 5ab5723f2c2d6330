package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.Lite2pgException;
import dev.lite2pg.model.SourceColumn;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetColumn;
import dev.lite2pg.model.TargetTable;
import dev.lite2pg.model.TargetType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one planner: a cutover refuses a source name that maps to nothing, check reports it; the plan is the same. */
class CopyPlanTest {

    private static final List<SourceTable> SOURCE = List.of(
            new SourceTable("Event", List.of(new SourceColumn("Id", "INTEGER", false, 1)), false, List.of()),
            new SourceTable("Stray", List.of(new SourceColumn("Id", "INTEGER", false, 1)), false, List.of()));
    private static final List<TargetTable> TARGET = List.of(new TargetTable(
            "event", List.of(new TargetColumn("id", TargetType.of("int4"), true, false, false)), List.of()));

    private static CopyPlan plan(CopyPlan.Unmapped unmapped) {
        return CopyPlan.build(SOURCE, TARGET, "app", MappingSpec.defaults(), ConversionOptions.DEFAULTS, unmapped);
    }

    @Test
    void aCutoverRefusesASourceTableThatMapsToNothingNamingIt() {
        assertThatThrownBy(() -> plan(CopyPlan.Unmapped.REFUSE))
                .isInstanceOfSatisfying(
                        Lite2pgException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION))
                .hasMessageContaining("does not map onto the target schema app")
                .hasMessageContaining("Stray");
    }

    @Test
    void checkReportsTheSameNameAndPlansTheTablesThatMap() {
        CopyPlan plan = plan(CopyPlan.Unmapped.REPORT);

        assertThat(plan.mapping().problems()).singleElement().asString().contains("Stray");
        assertThat(plan.copies()).extracting(TableCopy::targetTable).containsExactly("event");
    }

    @Test
    void withEveryNameMappedBothPlanAlike() {
        List<SourceTable> mapped = SOURCE.subList(0, 1);
        CopyPlan refusing = CopyPlan.build(
                mapped, TARGET, "app", MappingSpec.defaults(), ConversionOptions.DEFAULTS, CopyPlan.Unmapped.REFUSE);
        CopyPlan reporting = CopyPlan.build(
                mapped, TARGET, "app", MappingSpec.defaults(), ConversionOptions.DEFAULTS, CopyPlan.Unmapped.REPORT);

        assertThat(refusing.mapping().problems()).isEmpty();
        assertThat(refusing.copies()).extracting(TableCopy::targetTable).containsExactly("event");
        assertThat(reporting.copies()).extracting(TableCopy::targetTable).containsExactly("event");
    }
}
