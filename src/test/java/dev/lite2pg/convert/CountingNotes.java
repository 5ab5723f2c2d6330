package dev.lite2pg.convert;

import java.util.EnumMap;
import java.util.Map;

/** Records the adjustments a converter reports, so tests can assert exactly which were counted. */
final class CountingNotes implements ConversionNotes {

    private final Map<Adjustment, Integer> counts = new EnumMap<>(Adjustment.class);

    @Override
    public void count(Adjustment adjustment) {
        counts.merge(adjustment, 1, Integer::sum);
    }

    int countOf(Adjustment adjustment) {
        return counts.getOrDefault(adjustment, 0);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }
}
