package dev.lite2pg.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.TargetForeignKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TableOrderTest {
    /** A single-column key named the way PostgreSQL names them: {@code <table>_<column>_fkey}. */
    private static TargetForeignKey fk(String table, String column, String referencedTable, String referencedColumn) {
        return new TargetForeignKey(
                table + "_" + column + "_fkey",
                table,
                List.of(column),
                referencedTable,
                List.of(referencedColumn),
                "FOREIGN KEY (" + column + ") REFERENCES " + referencedTable + "(" + referencedColumn + ")");
    }

    @Test
    void aChainComesParentFirstEvenAgainstNameOrder() {
        ParentsFirstOrder order = TableOrder.order(
                List.of("ant", "mid", "zoo"),
                List.of(fk("ant", "mid_id", "mid", "id"), fk("mid", "zoo_id", "zoo", "id")));

        assertThat(order.tables()).containsExactly("zoo", "mid", "ant");
        assertThat(order.cycleKeys()).isEmpty();
    }

    @Test
    void aDiamondPutsTheSharedParentFirstAndTheSharedChildLast() {
        ParentsFirstOrder order = TableOrder.order(
                List.of("a", "b", "c", "w"),
                List.of(
                        fk("b", "w_id", "w", "id"),
                        fk("c", "w_id", "w", "id"),
                        fk("a", "b_id", "b", "id"),
                        fk("a", "c_id", "c", "id")));

        assertThat(order.tables()).containsExactly("w", "b", "c", "a");
        assertThat(order.cycleKeys()).isEmpty();
    }

    @Test
    void independentTablesComeInNameOrder() {
        ParentsFirstOrder order = TableOrder.order(List.of("track", "album", "genre", "artist"), List.of());

        assertThat(order.tables()).containsExactly("album", "artist", "genre", "track");
    }

    @Test
    void aSelfReferenceIsAlwaysBrokenAndTheTableStillPlaced() {
        TargetForeignKey reportsTo = fk("employee", "reports_to", "employee", "employee_id");
        TargetForeignKey supportRep = fk("customer", "support_rep_id", "employee", "employee_id");

        ParentsFirstOrder order = TableOrder.order(List.of("customer", "employee"), List.of(reportsTo, supportRep));

        assertThat(order.tables()).containsExactly("employee", "customer");
        assertThat(order.cycleKeys()).containsExactly(reportsTo);
    }

    @Test
    void keysToTablesOutsideTheCopyAreIgnored() {
        ParentsFirstOrder order = TableOrder.order(
                List.of("order_lines", "orders"),
                List.of(
                        fk("orders", "customer_id", "customers", "id"),
                        fk("order_lines", "order_id", "orders", "id"),
                        fk("audit", "order_id", "orders", "id"),
                        fk("customers", "id", "customers", "id")));

        assertThat(order.tables()).containsExactly("orders", "order_lines");
        assertThat(order.cycleKeys()).isEmpty();
    }

    @Test
    void aThreeTableCycleLosesOneKeyAndKeepsTheRest() {
        TargetForeignKey aToB = fk("a", "b_id", "b", "id");
        TargetForeignKey bToC = fk("b", "c_id", "c", "id");
        TargetForeignKey cToA = fk("c", "a_id", "a", "id");
        TargetForeignKey dToA = fk("d", "a_id", "a", "id");

        ParentsFirstOrder order = TableOrder.order(List.of("a", "b", "c", "d"), List.of(aToB, bToC, cToA, dToA));

        // Depth-first from "a" along a -> b -> c meets "a" again through c's key: that key is the back edge.
        assertThat(order.cycleKeys()).containsExactly(cToA);
        assertThat(order.tables()).containsExactly("c", "b", "a", "d");
    }

    @Test
    void twoSeparateCyclesAreEachBrokenOnce() {
        TargetForeignKey pToQ = fk("p", "q_id", "q", "id");
        TargetForeignKey qToP = fk("q", "p_id", "p", "id");
        TargetForeignKey xToY = fk("x", "y_id", "y", "id");
        TargetForeignKey yToX = fk("y", "x_id", "x", "id");

        ParentsFirstOrder order = TableOrder.order(List.of("p", "q", "x", "y"), List.of(pToQ, qToP, xToY, yToX));

        assertThat(order.cycleKeys()).containsExactly(qToP, yToX);
        assertThat(order.tables()).containsExactly("q", "p", "y", "x");
    }

    @Test
    void everyParallelKeyOfABackEdgeIsBroken() {
        TargetForeignKey aToB = fk("a", "b_id", "b", "id");
        TargetForeignKey bToAFirst = fk("b", "first_a_id", "a", "id");
        TargetForeignKey bToASecond = fk("b", "second_a_id", "a", "id");

        ParentsFirstOrder order = TableOrder.order(List.of("a", "b"), List.of(bToASecond, aToB, bToAFirst));

        assertThat(order.cycleKeys()).containsExactly(bToAFirst, bToASecond);
        assertThat(order.tables()).containsExactly("b", "a");
    }

    @Test
    void sakilaBreaksExactlyOneOfTheStoreStaffKeys() {
        List<TargetForeignKey> keys = SakilaKeys.all();
        List<String> tables = SakilaKeys.TABLES;

        ParentsFirstOrder order = TableOrder.order(tables, keys);

        assertThat(order.tables()).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(order.cycleKeys()).hasSize(1);
        assertThat(order.cycleKeys().get(0).name()).isIn("store_manager_staff_id_fkey", "staff_store_id_fkey");
        for (TargetForeignKey key : keys) {
            if (!order.cycleKeys().contains(key)) {
                assertThat(order.tables().indexOf(key.referencedTable()))
                        .as("%s: %s before %s", key.name(), key.referencedTable(), key.table())
                        .isLessThan(order.tables().indexOf(key.table()));
            }
        }
    }

    @Test
    void sakilaOrderIsTheOneWorkedOutByHand() {
        ParentsFirstOrder order = TableOrder.order(SakilaKeys.TABLES, SakilaKeys.all());

        // Depth-first through {staff, store} starts at "staff" and follows staff.store_id into store, whose
        // manager_staff_id leads back to staff: that key is dropped and store loads before staff.
        assertThat(order.cycleKeys()).extracting(TargetForeignKey::name).containsExactly("store_manager_staff_id_fkey");
        assertThat(order.tables())
                .containsExactly(
                        "actor",
                        "category",
                        "country",
                        "city",
                        "address",
                        "language",
                        "film",
                        "film_actor",
                        "film_category",
                        "store",
                        "customer",
                        "inventory",
                        "staff",
                        "rental",
                        "payment");
    }

    @Test
    void theResultDoesNotDependOnInputOrder() {
        List<TargetForeignKey> keys = new ArrayList<>(SakilaKeys.all());
        List<String> tables = new ArrayList<>(SakilaKeys.TABLES);
        ParentsFirstOrder first = TableOrder.order(tables, keys);
        Random random = new Random(42);

        for (int i = 0; i < 20; i++) {
            Collections.shuffle(keys, random);
            Collections.shuffle(tables, random);
            assertThat(TableOrder.order(tables, keys)).isEqualTo(first);
        }
    }

    @Test
    void aLongChainDoesNotExhaustTheStack() {
        List<String> tables = new ArrayList<>();
        List<TargetForeignKey> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            tables.add(String.format("t%05d", i));
            if (i > 0) {
                keys.add(fk(String.format("t%05d", i - 1), "next_id", String.format("t%05d", i), "id"));
            }
        }
        // And close the loop, so the cycle search has to walk all of it.
        keys.add(fk("t19999", "first_id", "t00000", "id"));

        ParentsFirstOrder order = TableOrder.order(tables, keys);

        assertThat(order.cycleKeys()).extracting(TargetForeignKey::name).containsExactly("t19999_first_id_fkey");
        assertThat(order.tables().get(0)).isEqualTo("t19999");
        assertThat(order.tables().get(19_999)).isEqualTo("t00000");
    }
}
