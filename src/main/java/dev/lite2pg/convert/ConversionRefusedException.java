package dev.lite2pg.convert;

/** A value that cannot be copied exactly. The message is the reason only; the caller adds table, row and column. */
public class ConversionRefusedException extends RuntimeException {
    public ConversionRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
