package dev.lite2pg.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-picked inputs at the edges of PostgreSQL's json and jsonb input: numbers, strings and escapes, whitespace,
 * literals, structure, nesting, trailing content, duplicate keys, and numbers at the limits of jsonb's numeric.
 * None holds a raw U+0000 or a lone raw surrogate: neither can be sent to PostgreSQL as text (nor read from UTF-8).
 */
final class TrickyJson {

    private TrickyJson() {}

    static List<String> inputs() {
        List<String> in = new ArrayList<>();
        numbers(in);
        numericLimits(in);
        strings(in);
        whitespace(in);
        literals(in);
        structure(in);
        duplicateKeys(in);
        return in;
    }

    private static void numbers(List<String> in) {
        in.addAll(List.of(
                "0",
                "-0",
                "1",
                "-1",
                "01",
                "-01",
                "00",
                "1.",
                ".5",
                "-.5",
                "1.5",
                "-0.0",
                "1e5",
                "1E5",
                "1e+5",
                "1E+5",
                "1e-5",
                "1e",
                "1e+",
                "1e-",
                "1E",
                "-",
                "+1",
                "--1",
                "1.0e-400",
                "1.0E-400",
                "2e0",
                "-0.0e-0",
                "0e0",
                "1.5.3",
                "1..5",
                "1e5e5",
                "1e5.5",
                "0x10",
                "1_000",
                "Infinity",
                "-Infinity",
                "NaN",
                "1.5e+",
                "1x",
                "1.5a",
                "1e5x",
                "0_",
                "1é",
                "- 1",
                "-a",
                "\uff11",
                "123456789012345678901234567890",
                "0.1000000000000000000000000001",
                "[1,-0,0.0,1e2]",
                "[01]",
                "[1.]",
                "[.5]",
                "[-]",
                "{\"a\":01}",
                "{\"a\":1.}",
                "[1e]",
                "[1,2e+3,-4.5E-6]",
                "[1x]",
                "[1 x]",
                "1 ",
                " 1",
                "[1]1",
                "1[]"));
    }

    /** jsonb stores numbers as numeric: at most 131072 digits before the point and 16383 after, exponent under 2^30. */
    private static void numericLimits(List<String> in) {
        in.addAll(List.of(
                "1e1000000",
                "1e131071",
                "1e131072",
                "9999e131068",
                "10000e131068",
                "1e-16383",
                "1e-16384",
                "0e-16384",
                "0e-16383",
                "0.0e-16383",
                "0.5e-16382",
                "5e-16383",
                "0e1073741822",
                "0e1073741823",
                "0e-1073741822",
                "0e-1073741823",
                "1e99999999999999999999",
                "0e99999999999999999999",
                "0e-99999999999999999999",
                "1e-131072",
                "1E+131071",
                "-1e131072",
                "[1e131072]",
                "{\"a\":1e-16384}",
                "0.00001e131076",
                "0.00001e131077",
                "12345e131067",
                "100000e131066",
                "[1e131072 x]",
                "[1e131072,\"\\u0000\"]"));
        in.add("1" + "0".repeat(131071));
        in.add("1" + "0".repeat(131072));
        in.add("0." + "0".repeat(16382) + "1");
        in.add("0." + "0".repeat(16383) + "1");
        in.add("0." + "0".repeat(16383));
        in.add("1." + "0".repeat(16383) + "e-0");
        in.add("1." + "0".repeat(16383) + "e1");
        in.add("0.1e-16382");
        in.add("0.1e-16383");
    }

    private static void strings(List<String> in) {
        in.addAll(List.of(
                "\"\"",
                "\"abc\"",
                "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"",
                "\"\\u0041\"",
                "\"\\u00e9\"",
                "\"\\u00E9\"",
                "\"\\uFFFF\"",
                "\"\\uFFFE\"",
                "\"\\uffff\\ufeff\"",
                "\"\\u0000\"",
                "\"a\\u0000b\"",
                "\"\\\\u0000\"",
                "\"\\\\\\u0000\"",
                "{\"\\u0000\":1}",
                "[\"\\u0000\"]",
                "\"\\ud800\"",
                "\"\\udc00\"",
                "\"\\ud800\\udc00\"",
                "\"\\uD83D\\uDE00\"",
                "\"\\ud800\\ud800\"",
                "\"\\udc00\\ud800\"",
                "\"\\ud800x\"",
                "\"\\ud800\\u0041\"",
                "\"\\ud800\\n\"",
                "\"\\ud800\\udc00\\udc00\"",
                "\"\\ud800\\\\udc00\"",
                "\"\\udbff\\udfff\"",
                "\"\\ud7ff\\ue000\"",
                "{\"\\ud800\":1}",
                "\"\\ud800",
                "\"\\ud800\\u",
                "\"\\ud800\\udc0\"",
                "\"\\u0000\\ud800\"",
                "\"\\ud800\\u0000\"",
                "\"\\x\"",
                "\"\\a\"",
                "\"\\'\"",
                "\"\\U0041\"",
                "\"\\u004\"",
                "\"\\u004g\"",
                "\"\\u\"",
                "\"\\u12\"",
                "\"\\\"",
                "\"abc",
                "\"",
                "\"\\",
                "\"😀\"",
                "\"\u00a0\"",
                "\"\u2028\u2029\"",
                "\"\u007f\"",
                "'single'",
                "\"tab\\there\"",
                "\"tab\there\"",
                "\"new\nline\"",
                "\"cr\rhere\"",
                "\"\u001f\"",
                "\"\u0001\"",
                "\"\u0020\"",
                "\"é\\u00e9e\\u0301\"",
                "[\"a\" \"b\"]",
                "\"a\"\"b\"",
                "\"\\/\"",
                "\"\\\\\"",
                "{\"a\\\"b\":1}"));
        for (char c = 1; c < 0x20; c++) {
            in.add("\"x" + c + "y\"");
            in.add("[\"\\" + c + "\"]");
        }
        for (char c = '!'; c < 0x7f; c++) {
            in.add("\"\\" + c + "\"");
        }
    }

    private static void whitespace(List<String> in) {
        in.addAll(List.of(
                "",
                " ",
                "\n",
                "\t\r\n ",
                " \t\n\r1\r\n",
                "\f1",
                "1\f",
                "\u000b1",
                "\u00a01",
                "1\u00a0",
                "[1,\u00a02]",
                "\u20281",
                "\u2028",
                "\ufeff1",
                "\ufeff{}",
                "{\r\n\"a\"\r\n:\r\n1\r\n}",
                "[\t1\t,\t2\t]",
                "{ \"a\" : [ 1 , { \"b\" : null } ] }",
                "\r\n",
                "\u3000[]",
                "[]\u3000",
                "\u00851"));
    }

    private static void literals(List<String> in) {
        in.addAll(List.of(
                "true",
                "false",
                "null",
                "True",
                "TRUE",
                "False",
                "NULL",
                "nul",
                "nulls",
                "tru",
                "truefalse",
                "t",
                "f",
                "n",
                "[true,false,null]",
                "[truee]",
                "[t]",
                "undefined",
                "-true",
                "true1",
                "true_",
                "trueé",
                "true\u00a0",
                "[true\u00a0]",
                "nil",
                "none",
                "[null,]",
                "{\"a\":true}",
                "{\"a\":tru}",
                "{\"a\":nul}",
                "true false",
                "null null",
                "true,",
                "1,",
                "[true]]",
                "\"t\"",
                "_",
                "truee",
                "fals",
                "nulL"));
    }

    private static void structure(List<String> in) {
        in.addAll(List.of(
                "{}",
                "[]",
                "{ }",
                "[ ]",
                "{",
                "}",
                "[",
                "]",
                "{,}",
                "[,]",
                "[1,,2]",
                "[,1]",
                "[1,]",
                "{\"a\"}",
                "{\"a\":}",
                "{\"a\" 1}",
                "{1:1}",
                "{\"a\":1 \"b\":2}",
                "{\"a\":1,}",
                "{,\"a\":1}",
                "[1 2]",
                ":",
                ",",
                "{\"a\"::1}",
                "{null:1}",
                "{a:1}",
                "{'a':1}",
                "{\"a\":1}}",
                "[[]]]",
                "[[[]]",
                "[]]",
                "{\"a\":[}]",
                "{\"a\":[1}",
                "[{]",
                "[{}]",
                "[{\"a\":[]}]",
                "{\"a\":{\"b\":{\"c\":{}}}}",
                "{}x",
                "{} {}",
                "1 2",
                "[1] x",
                "1]",
                "{}}",
                "[] []",
                "{\"a\":1",
                "[1",
                "[1,",
                "{\"a\"",
                "{\"a\":",
                "{\"a\":1,",
                "// c\n1",
                "/* c */ 1",
                "1 // c",
                "#1",
                "[1;2]",
                "{\"a\"=1}",
                "[1]\n",
                "\n[1]\n\n"));
        in.add("[".repeat(500) + "]".repeat(500));
        in.add("{\"a\":".repeat(500) + "1" + "}".repeat(500));
        in.add("[".repeat(500) + "]".repeat(499));
        in.add("[{\"a\":".repeat(300) + "[]" + "}]".repeat(300));
        in.add("[".repeat(100) + "1," + "]".repeat(100));
    }

    /** lite2pg refuses these for jsonb on purpose: jsonb would keep only the last value of a key. */
    private static void duplicateKeys(List<String> in) {
        in.addAll(List.of(
                "{\"a\":1,\"a\":2}",
                "{\"a\":1,\"\\u0061\":2}",
                "{\"\\u0061\":1,\"a\":2}",
                "{\"a\":1,\"b\":{\"a\":2}}",
                "{\"a\":{\"b\":1,\"b\":2}}",
                "[{\"k\":1},{\"k\":2}]",
                "{\"\":1,\"\":2}",
                "{\"\\ud83d\\ude00\":1,\"😀\":2}",
                "{\"a\\/b\":1,\"a/b\":2}",
                "{\"\\n\":1,\"\\u000a\":2}",
                "{\"ab\":1,\"a\\u0062\":2}",
                "{\"Aa\":1,\"BB\":2}",
                "{\"Aa\":1,\"BB\":2,\"Aa\":3}",
                "{\"a\":1,\"A\":2}",
                "{\"é\":1,\"\\u00e9\":2}",
                "{\"e\\u0301\":1,\"é\":2}",
                "{\"a\":1,\"b\":2,\"c\":3,\"a\":4}",
                "{\"a\":{\"a\":{\"a\":1}}}",
                "{\"a\":[{\"a\":1,\"a\":2}]}",
                "{\"a\":1,\"a\":2,}",
                "{\"a\":1,\"a\":2",
                "{\"a\\\\\":1,\"a\\\\\":2}",
                "{\"a\\\\\":1,\"a\\\"\":2}",
                "{\"\\u0000\":1,\"\\u0000\":2}",
                "{\"a\":1,\"a\":\"\\u0000\"}",
                "{\"x\":{},\"y\":{},\"x\":[]}"));
        StringBuilder many = new StringBuilder("{");
        StringBuilder manyWithDuplicate = new StringBuilder("{");
        for (int i = 0; i < 2000; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
            manyWithDuplicate
                    .append(i == 0 ? "" : ",")
                    .append("\"k")
                    .append(i)
                    .append("\":")
                    .append(i);
        }
        in.add(many.append('}').toString());
        in.add(manyWithDuplicate.append(",\"k\\u0031234\":0}").toString());
    }
}
