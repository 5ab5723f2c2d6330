package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyTextEncoderTest {

    private static String encoded(CopyTextEncoder encoder) {
        return new String(Arrays.copyOf(encoder.buffer(), encoder.length()), StandardCharsets.UTF_8);
    }

    @Test
    void escapesTheCharactersCopyTextFormatGivesMeaning() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.value("a\\b\tc\nd\re");
        assertThat(encoded(encoder)).isEqualTo("a\\\\b\\tc\\nd\\re");
    }

    @Test
    void separatesFieldsWithTabsEndsRowsWithNewlineAndWritesNullAsBackslashN() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.value("x");
        encoder.separator();
        encoder.value(null);
        encoder.separator();
        encoder.value("");
        encoder.endRow();
        assertThat(encoded(encoder)).isEqualTo("x\t\\N\t\n");
    }

    @Test
    void theTwoCharactersBackslashNAsTextStayDistinctFromNull() {
        CopyTextEncoder encoder = new CopyTextEncoder(4);
        encoder.value("\\N");
        assertThat(encoded(encoder)).isEqualTo("\\\\N");
    }

    @Test
    void encodesTwoThreeAndFourByteUtf8() {
        CopyTextEncoder encoder = new CopyTextEncoder(1);
        encoder.value("é€😀 ");
        assertThat(Arrays.copyOf(encoder.buffer(), encoder.length()))
                .isEqualTo("é€😀 ".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void growsPastItsInitialCapacityAndResetsForTheNextChunk() {
        CopyTextEncoder encoder = new CopyTextEncoder(64);
        String big = "z".repeat(10_000);
        encoder.value(big);
        assertThat(encoder.length()).isEqualTo(10_000);
        encoder.reset();
        encoder.value("q");
        assertThat(encoded(encoder)).isEqualTo("q");
    }

    @Test
    void growsToTheEncodedSizeOfALargeValueNotFourBytesAChar() {
        // A 16 MiB bytea is 32 MiB of hex: four bytes a char would ask for 128 MiB of a 384 MiB heap.
        CopyTextEncoder encoder = new CopyTextEncoder(64);
        String hex = "\\x" + "ab".repeat(5_000_000);
        encoder.value(hex);
        assertThat(encoder.length()).isEqualTo(10_000_003);
        assertThat(encoder.buffer().length).isEqualTo(10_000_003);
        // The next tab grows it by 8 MiB, not by doubling.
        encoder.separator();
        assertThat(encoder.buffer().length).isEqualTo(10_000_003 + (8 << 20));
        encoder.release(1 << 20);
        assertThat(encoder.buffer().length).isLessThan(1 << 20);
        encoder.value("q");
        assertThat(encoded(encoder)).isEqualTo("q");
    }

    @Test
    void refusesAnUnpairedSurrogateRatherThanWritingInvalidUtf8() {
        CopyTextEncoder encoder = new CopyTextEncoder(8);
        assertThatThrownBy(() -> encoder.value("a\uD800b")).isInstanceOf(IllegalArgumentException.class);
    }
}
