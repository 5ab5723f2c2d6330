package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidConverterTest {

    private static final String CANONICAL = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    private final UuidConverter converter = new UuidConverter();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}"
            })
    void textFormsBecomeCanonical(String text) {
        assertThat(converter.convert(text, ConversionNotes.IGNORE)).isEqualTo(CANONICAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
                "a0eebc99x9c0b-4ef8-bb6d-6bb9bd380a11",
                "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "a0eebc999c0b4ef8bb6d6bb9bd380a1-",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "ａ0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"
            })
    void otherTextIsRefused(String text) {
        assertThatThrownBy(() -> converter.convert(text, ConversionNotes.IGNORE))
                .isInstanceOf(ConversionRefusedException.class)
                .hasMessage("not a uuid: expected 8-4-4-4-12 hex digits or a 16-byte BLOB");
    }

    @Test
    void sixteenByteBlobIsCanonical() {
        byte[] bytes = {
            (byte) 0xa0,
            (byte) 0xee,
            (byte) 0xbc,
            (byte) 0x99,
            (byte) 0x9c,
            0x0b,
            0x4e,
            (byte) 0xf8,
            (byte) 0xbb,
            0x6d,
            0x6b,
            (byte) 0xb9,
            (byte) 0xbd,
            0x38,
            0x0a,
            0x11
        };
        assertThat(converter.convert(bytes, ConversionNotes.IGNORE)).isEqualTo(CANONICAL);
        assertThat(converter.convert(new byte[16], ConversionNotes.IGNORE))
                .isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void blobOfAnotherLengthAndNumbersAreRefused() {
        assertThatThrownBy(() -> converter.convert(new byte[15], ConversionNotes.IGNORE))
                .hasMessage("not a uuid: BLOB has 15 bytes, expected 16");
        assertThatThrownBy(() -> converter.convert(1L, ConversionNotes.IGNORE))
                .hasMessage("not a uuid: expected 8-4-4-4-12 hex digits or a 16-byte BLOB");
    }
}
