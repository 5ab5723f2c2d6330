package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonKindsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2023-02-30 is not a valid date                                   | # is not a valid date
            2021-04-31 is not a valid date                                   | # is not a valid date
            25:00 is not a valid time of day                                 | # is not a valid time of day
            value 2147483648 is out of range for integer                     | value # is out of range for integer
            value -40000 is out of range for smallint                        | value # is out of range for smallint
            length 21 exceeds varchar(20)                                    | length # exceeds varchar(#)
            invalid JSON: Unexpected end-of-input: expected close marker     | invalid JSON
            invalid UTF-8                                                    | invalid UTF-8
            jsonb cannot store \\u0000                                       | jsonb cannot store \\u0000
            not a boolean: expected 0/1, t/f, true/false                     | not a boolean
            duplicate key "a": jsonb would keep only the last value          | duplicate key …
            offset +09:00 cannot be kept by a date column: in UTC it reads   | offset # cannot be kept by a date column
            offset -05:00 cannot be kept by a date column: in UTC it reads   | offset # cannot be kept by a date column
            """)
    void takesOutWhatVariesFromValueToValue(String reason, String kind) {
        assertThat(ReasonKinds.of(reason)).isEqualTo(kind);
    }
}
