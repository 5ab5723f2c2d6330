package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BooleanConverterTest {

    private final BooleanConverter converter = new BooleanConverter();

    @Test
    void integersZeroAndOneAreFalseAndTrue() {
        assertThat(converter.convert(0L, ConversionNotes.IGNORE)).isEqualTo("f");
        assertThat(converter.convert(1L, ConversionNotes.IGNORE)).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "T", "true", "TRUE", "True", "1"})
    void trueSpellings(String text) {
        assertThat(converter.convert(text, ConversionNotes.IGNORE)).isEqualTo("t");
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "F", "false", "FALSE", "fAlSe", "0"})
    void falseSpellings(String text) {
        assertThat(converter.convert(text, ConversionNotes.IGNORE)).isEqualTo("f");
    }

    @Test
    void textSpellingsAreCountedAndIntegersAreNot() {
        CountingNotes notes = new CountingNotes();
        converter.convert(0L, notes);
        converter.convert(1L, notes);
        converter.convert(null, notes);
        assertThat(notes.countOf(Adjustment.TEXT_BOOLEAN)).isZero();

        for (String text : new String[] {"false", "t", "0", "TRUE"}) {
            converter.convert(text, notes);
        }
        assertThat(notes.countOf(Adjustment.TEXT_BOOLEAN)).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "", " t", "true ", "2", "00", "y"})
    void otherTextIsRefused(String text) {
        assertThatThrownBy(() -> converter.convert(text, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage("not a boolean: expected 0/1, t/f, true/false");
    }

    @Test
    void otherNumbersRealAndBlobAreRefused() {
        for (Object value : new Object[] {2L, -1L, 1.0, 0.0, new byte[] {1}}) {
            assertThatThrownBy(() -> converter.convert(value, ConversionNotes.IGNORE))
                    .isInstanceOf(ConversionRefusedException.class)
                    .hasMessage("not a boolean: expected 0/1, t/f, true/false");
        }
    }

    @Test
    void invalidUtf8IsRefusedAsSuch() {
        assertThatThrownBy(
                        () -> converter.convert(new InvalidUtf8Text(new byte[] {(byte) 0xff}), ConversionNotes.IGNORE))
                .hasMessage("invalid UTF-8");
    }

    @Test
    void nullStaysNull() {
        assertThat(converter.convert(null, ConversionNotes.IGNORE)).isNull();
    }
}
