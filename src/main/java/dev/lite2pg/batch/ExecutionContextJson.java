package dev.lite2pg.batch;

import dev.lite2pg.model.ErrorCode;
import dev.lite2pg.model.InvalidUtf8Text;
import dev.lite2pg.model.Lite2pgException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Job and step contexts in the job repository as JSON, never with Java serialization: the repository lives in the
 * target database, and whoever can write its schema must not be able to hand the operator's JVM an object stream to
 * deserialize. Values carry their Java type (a Long stays a Long), and only the types lite2pg and Spring Batch store
 * are read back: JDK values and collections, Spring Batch's own, a blob key ({@code byte[]}) and a text key that is
 * not UTF-8 ({@link InvalidUtf8Text}).
 *
 * <p>A context written with Java serialization (Base64 of an object stream, "rO0": Spring Batch's default, never
 * lite2pg's) is refused before any of it is decoded, as is anything else that is not such JSON, telling the operator
 * to start afresh.
 */
public final class ExecutionContextJson implements ExecutionContextSerializer {

    /** Base64 of the Java serialization stream magic (0xACED): how Spring Batch's default serializer stored contexts. */
    private static final byte[] JAVA_SERIALIZATION = "rO0".getBytes(StandardCharsets.US_ASCII);

    private final JacksonExecutionContextStringSerializer json =
            new JacksonExecutionContextStringSerializer(JsonMapper.builder()
                    .activateDefaultTyping(BasicPolymorphicTypeValidator.builder()
                            .allowIfSubType("java.util.")
                            .allowIfSubType("java.lang.")
                            .allowIfSubType("java.math.")
                            .allowIfSubType("java.time.")
                            .allowIfSubType("org.springframework.batch.")
                            .allowIfSubType(byte[].class)
                            .allowIfSubType(InvalidUtf8Text.class)
                            .build())
                    .build());

    private ExecutionContextJson() {}

    public static ExecutionContextSerializer create() {
        return new ExecutionContextJson();
    }

    @Override
    public void serialize(Map<String, Object> context, OutputStream out) throws IOException {
        json.serialize(context, out);
    }

    @Override
    public Map<String, Object> deserialize(InputStream in) throws IOException {
        InputStream stream = in.markSupported() ? in : new BufferedInputStream(in);
        stream.mark(JAVA_SERIALIZATION.length);
        byte[] start = stream.readNBytes(JAVA_SERIALIZATION.length);
        if (Arrays.equals(start, JAVA_SERIALIZATION)) {
            throw unreadable(
                    "it was written with Java serialization (Spring Batch's default), which lite2pg never reads");
        }
        stream.reset();
        try {
            return json.deserialize(stream);
        } catch (JacksonException e) {
            throw unreadable("it is not a context lite2pg wrote (" + e.getOriginalMessage() + ")");
        }
    }

    private static Lite2pgException unreadable(String why) {
        return new Lite2pgException(
                ErrorCode.PRECONDITION,
                "a job or step context in the job repository cannot be read: " + why
                        + "; nothing in it was decoded and nothing was changed. Contexts hold what a resume or `cutover --fresh` needs"
                        + " (reader positions, foreign keys and indexes dropped for the copy): finish or abandon that run with the"
                        + " lite2pg version that started it (re-run `cutover`, or `cutover --fresh`), then use this one. If the target"
                        + " holds nothing to keep, drop the job repository's schema (`repository-schema`) and the target's tables"
                        + " instead, and run `cutover` again.");
    }
}
