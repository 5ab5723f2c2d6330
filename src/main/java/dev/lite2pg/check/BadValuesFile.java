package dev.lite2pg.check;

import dev.lite2pg.copy.RowRefusal;
import dev.lite2pg.output.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Every bad value a scan finds, one CSV line each (RFC 4180: a key or reason holding commas, quotes or line breaks is
 * quoted, not mangled), so that memory holds only counts and the first examples however many there are. The file is
 * created with the first bad value: a clean source leaves none behind. Safe to call from several scanning threads.
 */
public final class BadValuesFile implements AutoCloseable {

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("table")
            .addColumn("row_key")
            .addColumn("column")
            .addColumn("value")
            .addColumn("reason")
            .setUseHeader(true)
            .build();
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final Path file;
    private Writer out;
    private SequenceWriter rows;
    private boolean closed;

    public BadValuesFile(Path file) {
        this.file = file;
    }

    public synchronized void write(RowRefusal bad) {
        if (closed) {
            throw new IllegalStateException(file + " is closed: the scan is over");
        }
        try {
            if (rows == null) {
                out = PrivateFiles.newBufferedWriter(file);
                rows = CSV.writer(SCHEMA).writeValues(out);
            }
            rows.write(new String[] {bad.table(), bad.rowKey(), bad.column(), bad.value(), bad.reason()});
        } catch (IOException | JacksonException e) {
            throw new UncheckedIOException(
                    "cannot write " + file, e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** @return the file, or null when nothing was written to it */
    public synchronized Path written() {
        return rows == null ? null : file;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (rows != null) {
                rows.close();
            }
            if (out != null) {
                out.close();
            }
        } catch (IOException | JacksonException e) {
            throw new UncheckedIOException(
                    "cannot write " + file, e instanceof IOException io ? io : new IOException(e));
        }
    }
}
