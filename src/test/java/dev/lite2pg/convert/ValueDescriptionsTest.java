package dev.lite2pg.convert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.InvalidUtf8Text;
import org.junit.jupiter.api.Test;

class ValueDescriptionsTest {

    @Test
    void eachStorageClass() {
        assertThat(ValueDescriptions.describe(null)).isEqualTo("NULL");
        assertThat(ValueDescriptions.describe(2L)).isEqualTo("INTEGER 2");
        assertThat(ValueDescriptions.describe(0.5)).isEqualTo("REAL 0.5");
        assertThat(ValueDescriptions.describe(0.1 + 0.2)).isEqualTo("REAL 0.30000000000000004");
        assertThat(ValueDescriptions.describe("2023-02-29")).isEqualTo("TEXT '2023-02-29'");
        assertThat(ValueDescriptions.describe("")).isEqualTo("TEXT ''");
        assertThat(ValueDescriptions.describe(new byte[16])).isEqualTo("BLOB (16 bytes)");
        assertThat(ValueDescriptions.describe(new InvalidUtf8Text(new byte[5])))
                .isEqualTo("TEXT (invalid UTF-8, 5 bytes)");
    }

    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertThat(ValueDescriptions.describe("a\nb\tc\r")).isEqualTo("TEXT 'a\\nb\\tc\\r'");
        assertThat(ValueDescriptions.describe("nul\0")).isEqualTo("TEXT 'nul\\u{0}'");
        assertThat(ValueDescriptions.describe("bidi\u202Eevil")).isEqualTo("TEXT 'bidi\\u{202e}evil'");
        assertThat(ValueDescriptions.describe("C:\\dir")).isEqualTo("TEXT 'C:\\\\dir'");
        assertThat(ValueDescriptions.describe("café 😀")).isEqualTo("TEXT 'café 😀'");
    }

    @Test
    void longTextIsCutAtEightyCharactersWithItsLength() {
        String described = ValueDescriptions.describe("x".repeat(200));
        assertThat(described).isEqualTo("TEXT '" + "x".repeat(80) + "…' (200 chars)");
        assertThat(ValueDescriptions.describe("y".repeat(80))).isEqualTo("TEXT '" + "y".repeat(80) + "'");
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String described = ValueDescriptions.describe("😀".repeat(100));
        assertThat(described).isEqualTo("TEXT '" + "😀".repeat(80) + "…' (100 chars)");
    }

    @Test
    void storageClassNames() {
        assertThat(ValueDescriptions.storageClass(1L)).isEqualTo("INTEGER");
        assertThat(ValueDescriptions.storageClass(1.0)).isEqualTo("REAL");
        assertThat(ValueDescriptions.storageClass("x")).isEqualTo("TEXT");
        assertThat(ValueDescriptions.storageClass(new InvalidUtf8Text(new byte[1])))
                .isEqualTo("TEXT");
        assertThat(ValueDescriptions.storageClass(new byte[1])).isEqualTo("BLOB");
        assertThat(ValueDescriptions.storageClass(null)).isEqualTo("NULL");
    }
}
