package dev.lite2pg.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lite2pg.jobfile.MappingSpec;
import dev.lite2pg.model.SourceTable;
import dev.lite2pg.model.TargetTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chinook v1.4.5: PascalCase SQLite names against the snake_case PostgreSQL schema, from the dataset's NOTES.md. */
class ChinookNamesTest {
    /** Copied from the mapping table of /work/shared/datasets/chinook/NOTES.md: "Source→target" per column. */
    private static final String[][] MAPPING = {
        {"Album", "album", "AlbumId→album_id", "Title→title", "ArtistId→artist_id"},
        {"Artist", "artist", "ArtistId→artist_id", "Name→name"},
        {
            "Customer",
            "customer",
            "CustomerId→customer_id",
            "FirstName→first_name",
            "LastName→last_name",
            "Company→company",
            "Address→address",
            "City→city",
            "State→state",
            "Country→country",
            "PostalCode→postal_code",
            "Phone→phone",
            "Fax→fax",
            "Email→email",
            "SupportRepId→support_rep_id"
        },
        {
            "Employee",
            "employee",
            "EmployeeId→employee_id",
            "LastName→last_name",
            "FirstName→first_name",
            "Title→title",
            "ReportsTo→reports_to",
            "BirthDate→birth_date",
            "HireDate→hire_date",
            "Address→address",
            "City→city",
            "State→state",
            "Country→country",
            "PostalCode→postal_code",
            "Phone→phone",
            "Fax→fax",
            "Email→email"
        },
        {"Genre", "genre", "GenreId→genre_id", "Name→name"},
        {
            "Invoice",
            "invoice",
            "InvoiceId→invoice_id",
            "CustomerId→customer_id",
            "InvoiceDate→invoice_date",
            "BillingAddress→billing_address",
            "BillingCity→billing_city",
            "BillingState→billing_state",
            "BillingCountry→billing_country",
            "BillingPostalCode→billing_postal_code",
            "Total→total"
        },
        {
            "InvoiceLine",
            "invoice_line",
            "InvoiceLineId→invoice_line_id",
            "InvoiceId→invoice_id",
            "TrackId→track_id",
            "UnitPrice→unit_price",
            "Quantity→quantity"
        },
        {"MediaType", "media_type", "MediaTypeId→media_type_id", "Name→name"},
        {"Playlist", "playlist", "PlaylistId→playlist_id", "Name→name"},
        {"PlaylistTrack", "playlist_track", "PlaylistId→playlist_id", "TrackId→track_id"},
        {
            "Track",
            "track",
            "TrackId→track_id",
            "Name→name",
            "AlbumId→album_id",
            "MediaTypeId→media_type_id",
            "GenreId→genre_id",
            "Composer→composer",
            "Milliseconds→milliseconds",
            "Bytes→bytes",
            "UnitPrice→unit_price"
        },
    };

    @Test
    void everyTableAndColumnFindsItsSnakeCaseTarget() {
        List<SourceTable> source = new ArrayList<>();
        List<TargetTable> target = new ArrayList<>();
        Map<String, String> expectedTables = new LinkedHashMap<>();
        Map<String, List<String>> expectedColumns = new LinkedHashMap<>();
        for (String[] row : MAPPING) {
            List<String> sourceColumns = new ArrayList<>();
            List<String> targetColumns = new ArrayList<>();
            List<String> pairs = new ArrayList<>();
            for (int i = 2; i < row.length; i++) {
                String[] pair = row[i].split("→");
                sourceColumns.add(pair[0]);
                targetColumns.add(pair[1]);
                pairs.add(pair[0] + "->" + pair[1]);
            }
            source.add(Catalogs.source(row[0], sourceColumns.toArray(String[]::new)));
            target.add(Catalogs.target(row[1], targetColumns.toArray(String[]::new)));
            expectedTables.put(row[0], row[1]);
            expectedColumns.put(row[0], pairs);
        }

        NameMapping mapping = NameMapper.map(source, target, MappingSpec.defaults());

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.targetOnlyTables()).isEmpty();
        assertThat(mapping.targetOnlyColumns()).isEmpty();
        Map<String, String> actualTables = new LinkedHashMap<>();
        Map<String, List<String>> actualColumns = new LinkedHashMap<>();
        for (TableMapping table : mapping.tables()) {
            actualTables.put(table.source().name(), table.target().name());
            actualColumns.put(
                    table.source().name(),
                    table.columns().stream()
                            .map(c -> c.source().name() + "->" + c.target().name())
                            .toList());
        }
        assertThat(actualTables).containsExactlyEntriesOf(expectedTables);
        assertThat(actualColumns).containsExactlyEntriesOf(expectedColumns);
    }

    @Test
    void columnNameListsLineUpForSelectAndCopy() {
        SourceTable invoiceLine =
                Catalogs.source("InvoiceLine", "InvoiceLineId", "InvoiceId", "TrackId", "UnitPrice", "Quantity");
        TargetTable invoiceLineTarget =
                Catalogs.target("invoice_line", "invoice_line_id", "invoice_id", "track_id", "unit_price", "quantity");

        TableMapping table = NameMapper.map(List.of(invoiceLine), List.of(invoiceLineTarget), MappingSpec.defaults())
                .tables()
                .get(0);

        assertThat(table.sourceColumnNames())
                .containsExactly("InvoiceLineId", "InvoiceId", "TrackId", "UnitPrice", "Quantity");
        assertThat(table.targetColumnNames())
                .containsExactly("invoice_line_id", "invoice_id", "track_id", "unit_price", "quantity");
    }
}
