package dev.lite2pg.batch;

import dev.lite2pg.source.SourceRow;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The fault tests' failure points, registered for the test class path only (META-INF/services in test resources),
 * off unless the system property {@value #PROPERTY} names one:
 * <ul>
 *   <li>{@code chunk:<table>:<n>} fails after the n-th chunk of the table was COPYed, before it commits;</li>
 *   <li>{@code step:<name>} fails when the named step (or {@code copy:<table>}) starts;</li>
 *   <li>{@code hang:<name>} prints {@code [fault] hanging at <name>} there and waits forever, to be killed.</li>
 * </ul>
 * The fault fires once per process, so the re-run in a new process passes the same point.
 */
public final class PropertyFaultPoints implements FaultPoints {

    public static final String PROPERTY = "lite2pg.fault";

    @Override
    public void atStepStart(String stepName) {
        if (("step:" + stepName).equals(System.getProperty(PROPERTY))) {
            fire("injected fault at the start of step " + stepName);
        }
        if (("hang:" + stepName).equals(System.getProperty(PROPERTY))) {
            // For a test that kills the process (kill -9) at exactly this point: it waits for this line.
            System.out.println("[fault] hanging at " + stepName);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ItemWriteListener<SourceRow> forChunks(String table) {
        String fault = System.getProperty(PROPERTY);
        String prefix = "chunk:" + table + ":";
        if (fault == null || !fault.startsWith(prefix)) {
            return null;
        }
        int failing = Integer.parseInt(fault.substring(prefix.length()));
        return new ItemWriteListener<>() {
            private int chunks;

            @Override
            public void afterWrite(Chunk<? extends SourceRow> items) {
                if (++chunks == failing) {
                    fire("injected fault after writing chunk " + failing + " of " + table + ", before its commit");
                }
            }
        };
    }

    private static void fire(String message) {
        System.clearProperty(PROPERTY);
        throw new IllegalStateException(message);
    }
}
