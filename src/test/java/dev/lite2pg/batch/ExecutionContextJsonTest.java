package dev.lite2pg.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.model.Lite2pgException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/** Job and step contexts go to the repository as JSON and come back with their types; nothing else is decoded. */
public class ExecutionContextJsonTest {

    private final ExecutionContextSerializer serializer = ExecutionContextJson.create();

    /** Set when a {@link Payload} is created or deserialized here: it must never be. */
    public static volatile boolean payloadInstantiated;

    /** Stands for a deserialization gadget: its readObject runs whatever it wants. */
    public static final class Payload implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        public Payload() {
            payloadInstantiated = true;
        }

        @Serial
        private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            payloadInstantiated = true;
        }
    }

    @Test
    void whatLite2pgStoresComesBackEqualAndOfTheSameTypes() throws Exception {
        Map<String, Object> context = new HashMap<>();
        context.put("copy.table", "customer");
        context.put("copy.order", 3);
        context.put("source.rowsRead", 56L);
        context.put("copy.sourceRows", 5_000_000_000L);
        context.put(
                "source.lastKey",
                new ArrayList<>(List.of(
                        7L,
                        2.5,
                        "k",
                        new byte[] {0, (byte) 0xff},
                        new InvalidUtf8Text(new byte[] {(byte) 0xc3, 0x28}),
                        Double.POSITIVE_INFINITY,
                        -0.0,
                        "Infinity")));
        context.put(
                "cycles.dropped",
                new ArrayList<>(List.of("ALTER TABLE a ADD CONSTRAINT b FOREIGN KEY (c) REFERENCES d")));
        context.put("batch.taskletType", "dev.lite2pg.batch.PlanTasklet");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.serialize(context, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").doesNotContain("rO0");
        Map<String, Object> back = serializer.deserialize(new ByteArrayInputStream(out.toByteArray()));

        assertThat(back).containsOnlyKeys(context.keySet());
        assertThat(back.get("copy.order")).isEqualTo(3);
        assertThat(back.get("source.rowsRead")).isEqualTo(56L);
        assertThat(back.get("copy.sourceRows")).isEqualTo(5_000_000_000L);
        assertThat(back.get("cycles.dropped")).isEqualTo(context.get("cycles.dropped"));
        List<?> key = (List<?>) back.get("source.lastKey");
        assertThat(key).hasSize(8);
        // A REAL key may be infinite (SQLite stores 9e999 so): it must not come back as the text "Infinity".
        assertThat(key.get(5)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(key.get(6)).isEqualTo(-0.0);
        assertThat(key.get(7)).isEqualTo("Infinity");
        assertThat(key.get(0)).isEqualTo(7L);
        assertThat(key.get(1)).isEqualTo(2.5);
        assertThat(key.get(2)).isEqualTo("k");
        assertThat(key.get(3)).isInstanceOf(byte[].class).isEqualTo(new byte[] {0, (byte) 0xff});
        assertThat(key.get(4)).isInstanceOf(InvalidUtf8Text.class);
        assertThat(((InvalidUtf8Text) key.get(4)).bytes()).isEqualTo(new byte[] {(byte) 0xc3, 0x28});
    }

    @Test
    void aContextWrittenWithJavaSerializationIsRefusedWithoutDecodingIt() throws Exception {
        Map<String, Object> legacy = new HashMap<>(Map.of("payload", new Payload()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DefaultExecutionContextSerializer().serialize(legacy, out);
        payloadInstantiated = false;

        Lite2pgException refused = catchThrowableOfType(
                Lite2pgException.class, () -> serializer.deserialize(new ByteArrayInputStream(out.toByteArray())));

        assertThat(payloadInstantiated).as("the payload's readObject ran").isFalse();
        assertThat(refused.code()).isEqualTo(ErrorCode.PRECONDITION);
        assertThat(refused.getMessage())
                .contains("written with Java serialization")
                .contains("cutover --fresh")
                .contains("nothing in it was decoded");
    }

    @Test
    void jsonNamingATypeLite2pgNeverStoresIsRefusedWithoutCreatingIt() {
        String json =
                "{\"payload\":[\"" + Payload.class.getName() + "\",{}],\"file\":[\"java.io.File\",\"/etc/passwd\"]}";
        payloadInstantiated = false;

        Lite2pgException refused = catchThrowableOfType(
                Lite2pgException.class,
                () -> serializer.deserialize(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertThat(payloadInstantiated).isFalse();
        assertThat(refused.code()).isEqualTo(ErrorCode.PRECONDITION);
        assertThat(refused.getMessage()).contains("it is not a context lite2pg wrote");
    }
}
