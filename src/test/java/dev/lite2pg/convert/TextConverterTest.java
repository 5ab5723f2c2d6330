package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;

class TextConverterTest {

    private static final TextConverter TEXT = TextConverter.text();
    private static final TextConverter VARCHAR_20 = TextConverter.limited("varchar", 20);

    private static void assertRefused(TextConverter converter, Object value, String reason) {
        assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage(reason);
    }

    @Test
    void textIsCopiedVerbatim() {
        assertThat(TEXT.convert("", ConversionNotes.IGNORE)).isEqualTo("");
        assertThat(TEXT.convert("trailing space ", ConversionNotes.IGNORE)).isEqualTo("trailing space ");
        assertThat(TEXT.convert("C:\\temp\\new", ConversionNotes.IGNORE)).isEqualTo("C:\\temp\\new");
        assertThat(TEXT.convert("tab\there\nnewline", ConversionNotes.IGNORE)).isEqualTo("tab\there\nnewline");
        assertThat(TEXT.convert("\\N", ConversionNotes.IGNORE)).isEqualTo("\\N");
    }

    @Test
    void nulByteIsRefused() {
        assertRefused(TEXT, "a\0b", "contains a NUL byte");
        assertRefused(VARCHAR_20, "\0", "contains a NUL byte");
    }

    @Test
    void invalidUtf8IsRefused() {
        assertRefused(TEXT, new InvalidUtf8Text(new byte[] {'a', (byte) 0xc3, 'b'}), "invalid UTF-8");
    }

    @Test
    void blobIsRefused() {
        assertRefused(TEXT, new byte[] {1, 2}, "BLOB into a text column");
    }

    @Test
    void numbersBecomeTheirText() {
        assertThat(TEXT.convert(42L, ConversionNotes.IGNORE)).isEqualTo("42");
        assertThat(TEXT.convert(-7L, ConversionNotes.IGNORE)).isEqualTo("-7");
        assertThat(TEXT.convert(1.5, ConversionNotes.IGNORE)).isEqualTo("1.5");
        assertThat(TEXT.convert(3.0, ConversionNotes.IGNORE)).isEqualTo("3.0");
        assertThat(TEXT.convert(0.1 + 0.2, ConversionNotes.IGNORE)).isEqualTo("0.30000000000000004");
        assertThat(TEXT.convert(1e21, ConversionNotes.IGNORE)).isEqualTo("1e+21");
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String twentyEmoji = "😀".repeat(20);
        assertThat(twentyEmoji.length()).isEqualTo(40);
        assertThat(VARCHAR_20.convert(twentyEmoji, ConversionNotes.IGNORE)).isEqualTo(twentyEmoji);
        assertRefused(VARCHAR_20, twentyEmoji + "x", "length 21 exceeds varchar(20)");
        assertThat(VARCHAR_20.convert("a".repeat(20), ConversionNotes.IGNORE)).isEqualTo("a".repeat(20));
        assertRefused(VARCHAR_20, "a".repeat(21), "length 21 exceeds varchar(20)");
    }

    @Test
    void excessSpacesAreRefusedTooSincePostgresWouldCutThem() {
        assertRefused(TextConverter.limited("bpchar", 3), "ab  ", "length 4 exceeds char(3)");
        assertThat(TextConverter.limited("bpchar", 3).convert("ab ", ConversionNotes.IGNORE))
                .isEqualTo("ab ");
    }

    @Test
    void numbersAreLengthCheckedToo() {
        assertRefused(TextConverter.limited("varchar", 2), 123L, "length 3 exceeds varchar(2)");
    }

    @Test
    void enumsAndUnknownTypesPassTextButStillCheckIt() {
        TextConverter rating = TextConverter.enumeration("mpaa_rating");
        assertThat(rating.convert("PG-13", ConversionNotes.IGNORE)).isEqualTo("PG-13");
        assertRefused(rating, "PG\0", "contains a NUL byte");
        TextConverter tsvector = TextConverter.passThrough("tsvector");
        assertThat(tsvector.convert("'fat':2 'rat':3", ConversionNotes.IGNORE)).isEqualTo("'fat':2 'rat':3");
        assertRefused(tsvector, new InvalidUtf8Text(new byte[] {(byte) 0xff}), "invalid UTF-8");
    }

    @Test
    void descriptions() {
        assertThat(TEXT.description()).isEqualTo("text (verbatim)");
        assertThat(VARCHAR_20.description()).isEqualTo("varchar(20) (verbatim, length checked)");
        assertThat(TextConverter.limited("varchar", -1).description()).isEqualTo("varchar (verbatim)");
        assertThat(TextConverter.enumeration("mpaa_rating").description())
                .isEqualTo("enum mpaa_rating (PostgreSQL checks membership)");
        assertThat(TextConverter.passThrough("tsvector").description())
                .isEqualTo("tsvector: text, parsed by PostgreSQL");
    }
}
