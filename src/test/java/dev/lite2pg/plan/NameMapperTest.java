package dev.lite2pg.plan;

import static dev.lite2pg.plan.Catalogs.generated;
import static dev.lite2pg.plan.Catalogs.notNull;
import static dev.lite2pg.plan.Catalogs.notNullWithDefault;
import static dev.lite2pg.plan.Catalogs.nullable;
import static dev.lite2pg.plan.Catalogs.source;
import static dev.lite2pg.plan.Catalogs.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.jobfile.NameRule;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NameMapperTest {
    @Test
    void matchesIgnoringCaseWhenOnlyOneTargetFits() {
        NameMapping mapping =
                NameMapper.map(List.of(source("ALBUM", "TITLE")), List.of(target("Album", "Title")), auto());

        assertThat(pairs(mapping)).containsExactly("ALBUM->Album: TITLE->Title");
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void anExactMatchWinsOverCaseInsensitiveOnes() {
        List<TargetTable> target = List.of(target("User", "Id"), target("user", "id"));

        NameMapping mapping = NameMapper.map(List.of(source("User", "id"), source("user", "Id")), target, auto());

        assertThat(pairs(mapping)).containsExactly("User->User: id->Id", "user->user: Id->id");
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void refusesToGuessBetweenTargetsDifferingOnlyInCase() {
        List<TargetTable> target = List.of(
                target("User", "id"),
                target("user", "id"),
                target("account", List.of(nullable("Name"), nullable("NAME"))));

        NameMapping mapping = NameMapper.map(List.of(source("USER", "id"), source("account", "name")), target, auto());

        assertThat(mapping.problems())
                .containsExactly(
                        "source table \"USER\" matches several target tables ignoring case (User, user);"
                                + " name the one to use under mapping.tables",
                        "source column \"account\".\"name\" matches several columns of target table account ignoring case"
                                + " (Name, NAME); name the one to use under mapping.columns as \"account.name\"");
    }

    @Test
    void explicitOverridesWinOverAutomaticNames() {
        SourceTable track = source("Track", "TrackId", "Name");
        List<TargetTable> target =
                List.of(target("track", "track_id", "name"), target("tracks", "id", "title", "name"));
        MappingSpec spec =
                new MappingSpec(NameRule.AUTO, Map.of("Track", "tracks"), Map.of("Track.TrackId", "ID"), List.of());

        NameMapping mapping = NameMapper.map(List.of(track), target, spec);

        assertThat(pairs(mapping)).containsExactly("Track->tracks: TrackId->id, Name->name");
        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.targetOnlyTables()).containsExactly("track");
        assertThat(mapping.targetOnlyColumns()).isEqualTo(Map.of("tracks", List.of("title")));
    }

    @Test
    void overridesNamingMissingTargetsAreProblems() {
        MappingSpec spec = new MappingSpec(NameRule.AUTO, Map.of("Track", "trakc"), Map.of(), List.of());
        MappingSpec columnSpec = new MappingSpec(NameRule.AUTO, Map.of(), Map.of("Track.Name", "titel"), List.of());

        assertThat(NameMapper.map(List.of(source("Track", "Name")), List.of(target("track", "name")), spec)
                        .problems())
                .containsExactly("mapping.tables: \"Track\" maps to trakc, which is not a target table;"
                        + " fix the name or remove the entry");
        assertThat(NameMapper.map(List.of(source("Track", "Name")), List.of(target("track", "name")), columnSpec)
                        .problems())
                .containsExactly("mapping.columns: \"Track.Name\" maps to titel, which is not a column of target table"
                        + " track; fix the name or remove the entry");
    }

    @Test
    void excludesWholeTablesAndSingleColumns() {
        List<SourceTable> source = List.of(
                source("film_text", "film_id", "title"), source("payment", "payment_id", "amount", "last_update"));
        List<TargetTable> target = List.of(target("payment", "payment_id", "amount"));
        MappingSpec spec =
                new MappingSpec(NameRule.AUTO, Map.of(), Map.of(), List.of("film_text", "payment.last_update"));

        NameMapping mapping = NameMapper.map(source, target, spec);

        assertThat(pairs(mapping)).containsExactly("payment->payment: payment_id->payment_id, amount->amount");
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void directivesNamingNothingInTheSourceAreProblems() {
        List<SourceTable> source = List.of(source("Album", "AlbumId", "Title"));
        MappingSpec spec = new MappingSpec(
                NameRule.AUTO,
                Map.of("Albums", "album", "album", "album"),
                Map.of("Album.Titel", "title"),
                List.of("album.title", "Album.Nope"));

        NameMapping mapping = NameMapper.map(source, List.of(target("album", "album_id", "title")), spec);

        assertThat(mapping.problems())
                .containsExactlyInAnyOrder(
                        "mapping.exclude: \"album.title\" is neither a source table nor a <table>.<column> of one"
                                + " (did you mean \"Album.Title\"?)",
                        "mapping.exclude: \"Album.Nope\" is neither a source table nor a <table>.<column> of one",
                        "mapping.tables: \"Albums\" is not a source table",
                        "mapping.tables: \"album\" is not a source table (did you mean \"Album\"?)",
                        "mapping.columns: \"Album.Titel\" is not a <source table>.<source column>");
    }

    @Test
    void anOverrideOfAnExcludedNameIsAContradiction() {
        MappingSpec spec = new MappingSpec(
                NameRule.AUTO,
                Map.of("Album", "album"),
                Map.of("Artist.Name", "name"),
                List.of("Album", "Artist.Name"));

        NameMapping mapping = NameMapper.map(
                List.of(source("Album", "Title"), source("Artist", "Name")),
                List.of(target("album", "title"), target("artist", "name")),
                spec);

        assertThat(mapping.problems())
                .containsExactly(
                        "mapping.tables: \"Album\" is also excluded under mapping.exclude; remove one of the two",
                        "mapping.columns: \"Artist.Name\" is also excluded under mapping.exclude; remove one of the two");
    }

    @Test
    void namesEveryUnmappedTableAndColumn() {
        List<SourceTable> source =
                List.of(source("Foo", "a"), source("Album", "AlbumId", "Titel", "Rating"), source("LegacyLog", "msg"));

        NameMapping mapping = NameMapper.map(source, List.of(target("album", "album_id", "title")), auto());

        assertThat(mapping.problems())
                .containsExactly(
                        "source table \"Foo\" maps to no target table (tried Foo, foo); map it under mapping.tables or exclude it",
                        "source column \"Album\".\"Titel\" maps to no column of target table album (tried Titel, titel);"
                                + " map it under mapping.columns as \"Album.Titel\" or exclude it",
                        "source column \"Album\".\"Rating\" maps to no column of target table album (tried Rating, rating);"
                                + " map it under mapping.columns as \"Album.Rating\" or exclude it",
                        "source table \"LegacyLog\" maps to no target table (tried LegacyLog, legacy_log);"
                                + " map it under mapping.tables or exclude it");
        assertThat(mapping.hasProblems()).isTrue();
    }

    @Test
    void theExactRuleTriesNothingElse() {
        MappingSpec exact = new MappingSpec(NameRule.EXACT, Map.of(), Map.of(), List.of());

        NameMapping mapping =
                NameMapper.map(List.of(source("Album", "title")), List.of(target("album", "title")), exact);

        assertThat(mapping.problems())
                .containsExactly(
                        "source table \"Album\" maps to no target table (tried Album); map it under mapping.tables or exclude it");
        assertThat(NameMapper.map(List.of(source("album", "Title")), List.of(target("album", "title")), exact)
                        .problems())
                .containsExactly(
                        "source column \"album\".\"Title\" maps to no column of target table album (tried Title);"
                                + " map it under mapping.columns as \"album.Title\" or exclude it");
    }

    @Test
    void handlesReservedWordsAndNamesWithSpaces() {
        List<SourceTable> source = List.of(
                source("order", "select", "Group"),
                source("User", "from"),
                source("Mixed Case", "Some Column"),
                source("Line Items", "Unit Price"));
        List<TargetTable> target = List.of(
                target("order", "select", "group"),
                target("user", "from"),
                target("Mixed Case", "Some Column"),
                target("line_items", "unit_price"));

        NameMapping mapping = NameMapper.map(source, target, auto());

        assertThat(pairs(mapping))
                .containsExactly(
                        "order->order: select->select, Group->group",
                        "User->user: from->from",
                        "Mixed Case->Mixed Case: Some Column->Some Column",
                        "Line Items->line_items: Unit Price->unit_price");
        assertThat(mapping.problems()).isEmpty();
    }

    @Test
    void aNotNullTargetColumnWithoutDefaultMustBeFed() {
        // Sakila's film.fulltext is such a column (a trigger fills it); the catalog cannot see triggers, so it is
        // reported like any other and the job must say how to fill it.
        TargetTable film = target(
                "film",
                List.of(
                        nullable("film_id"),
                        notNull("fulltext"),
                        notNullWithDefault("activebool"),
                        nullable("note"),
                        generated("search")));

        NameMapping mapping = NameMapper.map(List.of(source("film", "film_id")), List.of(film), auto());

        assertThat(mapping.problems())
                .containsExactly("target column film.fulltext is NOT NULL without a default and"
                        + " nothing maps to it; map a source column to it under mapping.columns or give it a default");
        assertThat(mapping.targetOnlyColumns())
                .isEqualTo(Map.of("film", List.of("fulltext", "activebool", "note", "search")));
    }

    @Test
    void targetOnlyTablesAndColumnsAreListedNotProblems() {
        List<TargetTable> target = List.of(
                target("customer", List.of(nullable("customer_id"), notNullWithDefault("activebool"))),
                target("payment_p2007_01", "payment_id"),
                target("payment", "payment_id"),
                target("payment_p2007_02", "payment_id"));

        NameMapping mapping = NameMapper.map(
                List.of(source("customer", "customer_id"), source("payment", "payment_id")), target, auto());

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.targetOnlyTables()).containsExactly("payment_p2007_01", "payment_p2007_02");
        assertThat(mapping.targetOnlyColumns()).isEqualTo(Map.of("customer", List.of("activebool")));
    }

    @Test
    void generatedTargetColumnsNeverReceiveData() {
        TargetTable person = target("person", List.of(nullable("first_name"), generated("full_name")));

        NameMapping mapping =
                NameMapper.map(List.of(source("Person", "FirstName", "FullName")), List.of(person), auto());

        assertThat(mapping.problems())
                .containsExactly("source column \"Person\".\"FullName\" maps to generated column"
                        + " person.full_name, which cannot be written; exclude it under mapping.exclude as \"Person.FullName\""
                        + " or map it elsewhere");
        assertThat(pairs(mapping)).containsExactly("Person->person: FirstName->first_name");
    }

    @Test
    void aColumnSqliteGeneratesIsNeverCopiedAndAPlainTargetColumnOfItsNameIsAProblem() {
        SourceTable person = new SourceTable(
                "Person", source("Person", "FirstName").columns(), false, List.of(), List.of("FullName"));

        NameMapping plain =
                NameMapper.map(List.of(person), List.of(target("person", "first_name", "full_name")), auto());
        assertThat(plain.problems())
                .containsExactly("source column \"Person\".\"FullName\" is generated by SQLite, which"
                        + " stores no value for it, so target column person.full_name would be left NULL or to its default; declare it"
                        + " GENERATED ALWAYS AS (...) STORED in the migration, or exclude \"Person.FullName\" under mapping.exclude to"
                        + " leave it so");

        NameMapping computed = NameMapper.map(
                List.of(person),
                List.of(target("person", List.of(nullable("first_name"), generated("full_name")))),
                auto());
        assertThat(computed.problems()).isEmpty();
        assertThat(pairs(computed)).containsExactly("Person->person: FirstName->first_name");

        // Jobs that excluded it when it was still read (as the problem for a generated target column told them) keep
        // working.
        MappingSpec excluded = new MappingSpec(NameRule.AUTO, Map.of(), Map.of(), List.of("Person.FullName"));
        NameMapping left =
                NameMapper.map(List.of(person), List.of(target("person", "first_name", "full_name")), excluded);
        assertThat(left.problems()).isEmpty();
        assertThat(left.targetOnlyColumns()).isEqualTo(Map.of("person", List.of("full_name")));
    }

    @Test
    void twoSourceColumnsForOneTargetColumnIsAProblem() {
        NameMapping mapping = NameMapper.map(
                List.of(source("InvoiceLine", "UnitPrice", "unit_price", "Unit_Price")),
                List.of(target("invoice_line", "unit_price")),
                auto());

        assertThat(mapping.problems())
                .containsExactly("source columns \"UnitPrice\", \"unit_price\" and \"Unit_Price\""
                        + " of table \"InvoiceLine\" map to the same column invoice_line.unit_price;"
                        + " map all but one elsewhere under mapping.columns or exclude them");
    }

    @Test
    void twoSourceTablesForOneTargetTableIsAProblem() {
        NameMapping mapping = NameMapper.map(
                List.of(source("MediaType", "Name"), source("media_type", "name")),
                List.of(target("media_type", "name")),
                auto());

        assertThat(mapping.problems())
                .containsExactly("source tables \"MediaType\" and \"media_type\" map to the same"
                        + " target table media_type; map all but one elsewhere under mapping.tables or exclude them");
    }

    private static MappingSpec auto() {
        return MappingSpec.defaults();
    }

    /** "source->target: col->col, ..." per mapped table, readable in a failure message. */
    private static List<String> pairs(NameMapping mapping) {
        return mapping.tables().stream()
                .map(table -> table.source().name() + "->" + table.target().name() + ": "
                        + table.columns().stream()
                                .map(c -> c.source().name() + "->" + c.target().name())
                                .collect(Collectors.joining(", ")))
                .toList();
    }
}
