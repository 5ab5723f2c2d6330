package dev.lite2pg.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.model.InvalidUtf8Text;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void textHoldingANulIsTaggedHexSoTheJsonHasNoEscapePostgresqlRefuses() {
        String row = RowJson.row(List.of("id", "email"), new Object[] {8L, "nul\u0000@x.org"});

        assertThat(row).doesNotContain("\\u0000").doesNotContain("\u0000");
        JsonNode email = JSON.readTree(row).get("email");
        assertThat(new String(
                        HexFormat.of().parseHex(email.get("text_with_nul_hex").asString()), StandardCharsets.UTF_8))
                .isEqualTo("nul\u0000@x.org");
    }

    @Test
    void everyOtherKindOfSourceValueKeepsItsForm() {
        String row = RowJson.row(List.of("t", "i", "r", "b", "bad", "n"), new Object[] {
            "tab\t\"q\" é",
            7L,
            1.5,
            new byte[] {0, (byte) 0xff},
            new InvalidUtf8Text(new byte[] {0x41, (byte) 0xff}),
            null
        });

        assertThat(row)
                .isEqualTo("{\"t\":\"tab\\t\\\"q\\\" é\",\"i\":7,\"r\":1.5,\"b\":{\"blob_hex\":\"00ff\"},"
                        + "\"bad\":{\"invalid_utf8_hex\":\"41ff\"},\"n\":null}");
    }

    @Test
    void aKeyHoldingANulIsTaggedTheSameWay() {
        assertThat(RowJson.key(new Object[] {"a\u0000b", 1L})).isEqualTo("[{\"text_with_nul_hex\":\"610062\"},1]");
    }
}
