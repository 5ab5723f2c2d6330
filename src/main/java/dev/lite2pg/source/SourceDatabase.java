package dev.lite2pg.source;

import dev.lite2pg.model.SourceTable;

import java.util.List;
import java.util.Map;

/** What the job needs to know about the source database, independent of how it is stored. */
public interface SourceDatabase extends AutoCloseable {

    /** Copyable tables: never views, virtual or shadow tables, nor SQLite's own bookkeeping tables. */
    List<SourceTable> tables();

    /** AUTOINCREMENT high-water marks by table name (SQLite's sqlite_sequence), empty when there is none. */
    Map<String, Long> sequenceHighWaterMarks();

    /** "ok", or the problems the database's own integrity check found. */
    List<String> integrityProblems();

    long rowCount(String table);

    @Override
    void close();
}
