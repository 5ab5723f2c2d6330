package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;

class ByteaConverterTest {

    private final ByteaConverter converter = new ByteaConverter();

    @Test
    void blobIsLowercaseHex() {
        assertThat(converter.convert(new byte[] {0x00, 0x0a, (byte) 0xff, 0x7f, (byte) 0x80}, ConversionNotes.IGNORE))
                .isEqualTo("\\x000aff7f80");
        assertThat(converter.convert(new byte[0], ConversionNotes.IGNORE)).isEqualTo("\\x");
    }

    @Test
    void textIsItsUtf8Bytes() {
        assertThat(converter.convert("Aé", ConversionNotes.IGNORE)).isEqualTo("\\x41c3a9");
        assertThat(converter.convert("", ConversionNotes.IGNORE)).isEqualTo("\\x");
        assertThat(converter.convert("a\0b", ConversionNotes.IGNORE)).isEqualTo("\\x610062");
    }

    @Test
    void invalidUtf8TextIsItsRawBytes() {
        assertThat(converter.convert(new InvalidUtf8Text(new byte[] {'a', (byte) 0xc3, 'b'}), ConversionNotes.IGNORE))
                .isEqualTo("\\x61c362");
    }

    @Test
    void numbersAreRefused() {
        assertThatThrownBy(() -> converter.convert(5L, ConversionNotes.IGNORE))
                .hasMessage("INTEGER into a bytea column");
        assertThatThrownBy(() -> converter.convert(0.5, ConversionNotes.IGNORE)).hasMessage("REAL into a bytea column");
    }

    @Test
    void nullStaysNull() {
        assertThat(converter.convert(null, ConversionNotes.IGNORE)).isNull();
    }
}
