package dev.lite2pg.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "InvoiceLine     | invoice_line",
                "InvoiceLineId   | invoice_line_id",
                "MediaTypeId     | media_type_id",
                "BillingPostalCode | billing_postal_code",
                "Album           | album",
                "HTMLParser      | html_parser",
                "ABTest          | ab_test",
                "userID2         | user_id2",
                "userID          | user_id",
                "Line2           | line2",
                "Address2Line    | address2_line",
                "already_snake   | already_snake",
                "Mixed_Case      | mixed_case",
                "'Mixed Case'    | mixed_case",
                "'Line  Items'   | line_items",
                "'Order-Lines'   | order_lines",
                "' Padded '      | padded",
                "ID              | id",
                "Éclair          | éclair",
            })
    void convertsPascalAndCamelCase(String name, String expected) {
        assertThat(SnakeCase.of(name)).isEqualTo(expected);
    }
}
