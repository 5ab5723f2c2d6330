package dev.lite2pg.convert;

/** Where a converter counts values it changed on purpose, so the report can show them. */
public interface ConversionNotes {

    void count(Adjustment adjustment);

    ConversionNotes IGNORE = adjustment -> {};
}
