package dev.lite2pg.jobfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One mapping of the job file, read leniently: every wrong or missing value is recorded as a problem under
 * its full key and reading goes on, so that the operator sees all problems of the file at once.
 * A key that is present with no value ({@code key:}) counts as absent.
 */
final class YamlSection {
    private final String prefix;
    private final JsonNode node;
    private final List<String> problems;

    YamlSection(String prefix, JsonNode node, List<String> problems) {
        this.prefix = prefix;
        this.node = node;
        this.problems = problems;
    }

    /**
     * Records each key not in {@code known}, with the closest known key as a suggestion; a key in {@code refused}
     * is explained with its reason instead, for keys people expect to exist but that are left out on purpose.
     */
    void allowOnly(List<String> known, Map<String, String> refused) {
        for (String key : node.propertyNames()) {
            if (known.contains(key)) {
                continue;
            }
            if (refused.containsKey(key)) {
                problem(key, refused.get(key));
                continue;
            }
            String suggestion = KeySuggestion.closest(key, known)
                    .map(k -> " (did you mean '" + prefix + k + "'?)")
                    .orElse("; known keys here: " + String.join(", ", known));
            problems.add("unknown key '" + prefix + key + "'" + suggestion);
        }
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    boolean isMapping(String key) {
        return has(key) && node.get(key).isObject();
    }

    void problem(String key, String message) {
        problems.add(prefix + key + ": " + message);
    }

    Optional<String> text(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isString()) {
            // Numbers would be read back in YAML's canonical form (1.10 becomes 1.1), so no guessing here.
            problem(key, "must be text, got " + describe(value) + "; put it in quotes");
            return Optional.empty();
        }
        if (value.stringValue().isBlank()) {
            problem(key, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    Optional<String> requiredText(String key) {
        if (!has(key)) {
            problem(key, "required");
        }
        return text(key);
    }

    Optional<Integer> integer(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(key, "must be a whole number, got " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    Optional<Boolean> bool(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            problem(key, "must be true or false, got " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    /**
     * A mapping whose keys are names (e.g. {@code "table.column"}) and whose values are mappings with {@code knownKeys},
     * in file order; an absent key gives an empty map.
     */
    Map<String, YamlSection> namedSections(String key, List<String> knownKeys) {
        if (!has(key)) {
            return Map.of();
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            problem(
                    key,
                    "must be a mapping of \"name\": { " + String.join(", ", knownKeys) + " }, got " + describe(value));
            return Map.of();
        }
        Map<String, YamlSection> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isObject()) {
                problem(
                        key,
                        "'" + entry.getKey() + "' must be a mapping with keys " + String.join(", ", knownKeys)
                                + ", got " + describe(entry.getValue()));
                continue;
            }
            YamlSection section =
                    new YamlSection(prefix + key + ".\"" + entry.getKey() + "\".", entry.getValue(), problems);
            section.allowOnly(knownKeys, Map.of());
            result.put(entry.getKey(), section);
        }
        return result;
    }

    /** A nested mapping; empty when absent or not a mapping (the latter recorded as a problem). */
    Optional<YamlSection> section(String key, List<String> knownKeys) {
        return section(key, knownKeys, Map.of());
    }

    Optional<YamlSection> section(String key, List<String> knownKeys, Map<String, String> refusedKeys) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            problem(key, "must be a mapping with keys " + String.join(", ", knownKeys) + ", got " + describe(value));
            return Optional.empty();
        }
        YamlSection section = new YamlSection(prefix + key + ".", value, problems);
        section.allowOnly(knownKeys, refusedKeys);
        return Optional.of(section);
    }

    /** A list of mappings with {@code knownKeys}, each read as {@code key[n].}; an absent key gives an empty list. */
    List<YamlSection> sectionList(String key, List<String> knownKeys) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problem(
                    key,
                    "must be a list of mappings with keys " + String.join(", ", knownKeys) + ", got "
                            + describe(value));
            return List.of();
        }
        List<YamlSection> result = new ArrayList<>();
        int index = 0;
        for (JsonNode element : value.values()) {
            index++;
            if (!element.isObject()) {
                problem(
                        key,
                        "entry " + index + " must be a mapping with keys " + String.join(", ", knownKeys) + ", got "
                                + describe(element));
                continue;
            }
            YamlSection section = new YamlSection(prefix + key + "[" + index + "].", element, problems);
            section.allowOnly(knownKeys, Map.of());
            result.add(section);
        }
        return result;
    }

    /** A list of non-empty texts; an absent key gives an empty list. */
    List<String> textList(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problem(key, "must be a list, e.g. [ \"a\", \"b\" ], got " + describe(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        int index = 0;
        for (JsonNode element : value.values()) {
            if (element.isString() && !element.stringValue().isBlank()) {
                result.add(element.stringValue());
            } else {
                problem(key, "entry " + (index + 1) + " must be non-empty text, got " + describe(element));
            }
            index++;
        }
        return result;
    }

    /** A mapping of non-empty texts to non-empty texts, in file order; an absent key gives an empty map. */
    Map<String, String> textMap(String key) {
        if (!has(key)) {
            return Map.of();
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            problem(key, "must be a mapping of name: name, got " + describe(value));
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode target = entry.getValue();
            if (target.isString() && !target.stringValue().isBlank()) {
                result.put(entry.getKey(), target.stringValue());
            } else {
                problem(key, "'" + entry.getKey() + "' must map to a non-empty name, got " + describe(target));
            }
        }
        return result;
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isString() ? "'" + value.stringValue() + "'" : value.toString();
    }
}
