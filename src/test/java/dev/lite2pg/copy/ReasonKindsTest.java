package dev.lite2pg.copy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2023-02-30 is not a valid date                                      | 2023-02-30 is not a valid date
            needs scale 3; column allows numeric(5,1)                           | needs scale 3; column allows numeric(5,1)
            not a timestamp: expected YYYY-MM-DD or epoch seconds               | not a timestamp
            duplicate key "a": jsonb would keep only the last value             | duplicate key "a"
            """)
    void oneReasonIsWordedAsItIsWithoutItsDetail(String reason, String header) {
        assertThat(ReasonKinds.text(ReasonKinds.wording(reason), ReasonKinds.of(reason)))
                .isEqualTo(header)
                .doesNotContain("#");
    }

    @Test
    void reasonsOfOneKindKeepWhatTheyAllSayAndMarkWhatDiffers() {
        String[] wording = ReasonKinds.wording("needs scale 3; column allows numeric(5,1)");
        wording = ReasonKinds.merge(wording, "needs scale 4; column allows numeric(5,1)");
        wording = ReasonKinds.merge(wording, "needs scale 3; column allows numeric(5,1)");

        assertThat(ReasonKinds.text(wording, ReasonKinds.of("needs scale 3; column allows numeric(5,1)")))
                .isEqualTo("needs scale …; column allows numeric(5,1)");
    }

    @Test
    void unalikeReasonsOfOneKindFallBackToTheKindWithoutPlaceholderSigns() {
        String[] wording = ReasonKinds.merge(
                ReasonKinds.wording("length 21 exceeds varchar(20)"), "length 30 exceeds varchar(20) by far");

        assertThat(wording).isNull();
        assertThat(ReasonKinds.text(wording, "length # exceeds varchar(#)")).isEqualTo("length … exceeds varchar(…)");
    }
}
