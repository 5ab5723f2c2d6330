package dev.lite2pg.convert;

/** The refusal reasons shared by several converters, worded once so the report groups them. */
final class Refusals {

    private Refusals() {}

    static ConversionRefusedException invalidUtf8() {
        return new ConversionRefusedException("invalid UTF-8");
    }

    static ConversionRefusedException nulByte() {
        return new ConversionRefusedException("contains a NUL byte");
    }

    /** A value of a storage class the column's type cannot take at all, e.g. {@code BLOB into a uuid column}. */
    static ConversionRefusedException wrongStorageClass(Object value, String column) {
        return new ConversionRefusedException(ValueDescriptions.storageClass(value) + " into " + column + " column");
    }
}
