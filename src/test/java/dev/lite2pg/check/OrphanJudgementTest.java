package dev.lite2pg.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.jobfile.OrphanPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrphanJudgementTest {

    private static final Map<String, Long> ORPHANS = orphans();

    private static Map<String, Long> orphans() {
        Map<String, Long> orphans = new LinkedHashMap<>();
        orphans.put("orders.orders_alert_id_fkey", 50L);
        orphans.put("fill.fill_order_id_fkey", 0L);
        orphans.put("line.line_order_id_fkey", 3L);
        return orphans;
    }

    @Test
    void underFailOrphansAreProblemsNotWarnings() {
        assertThat(OrphanJudgement.warning(OrphanPolicy.FAIL, ORPHANS)).isEmpty();
    }

    @Test
    void noOrphansNoWarning() {
        assertThat(OrphanJudgement.warning(OrphanPolicy.DELETE, Map.of("orders.orders_alert_id_fkey", 0L)))
                .isEmpty();
    }

    @Test
    void otherPoliciesWarnWithTheCountPerForeignKeyAndWhatTheCutoverWillDo() {
        assertThat(OrphanJudgement.warning(OrphanPolicy.DELETE, ORPHANS))
                .hasValueSatisfying(w -> assertThat(w)
                        .startsWith("53 orphan reference(s), per foreign key: orders.orders_alert_id_fkey 50,"
                                + " line.line_order_id_fkey 3; the cutover will delete them, with their children"
                                + " (orphans: delete)")
                        .doesNotContain("fill."));
        assertThat(OrphanJudgement.warning(OrphanPolicy.SET_NULL, ORPHANS))
                .hasValueSatisfying(w ->
                        assertThat(w).contains("set their references to NULL, keeping the rows (orphans: set-null)"));
        assertThat(OrphanJudgement.warning(OrphanPolicy.QUARANTINE, ORPHANS))
                .hasValueSatisfying(
                        w -> assertThat(w).contains("quarantine them, with their children (orphans: quarantine)"));
    }
}
