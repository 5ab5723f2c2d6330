package dev.lite2pg.jobfile;

import dev.lite2pg.convert.ConversionOptions;
import dev.lite2pg.convert.EpochNumbers;
import dev.lite2pg.convert.OffsetReading;
import dev.lite2pg.sqlite.IntegrityCheck;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Turns the parsed YAML tree into a {@link JobDefinition}, recording every problem instead of stopping at the first. */
final class JobFileReader {
    static final List<String> ROOT_KEYS = List.of(
            "name",
            "source",
            "target",
            "schema",
            "mapping",
            "chunk-size",
            "conversions",
            "repository-schema",
            "output",
            "metrics",
            "on-bad-row",
            "orphans",
            "verify");
    static final List<String> SOURCE_KEYS = List.of("path", "integrity-check");
    static final List<String> TARGET_KEYS = List.of("url", "user", "schema");
    /** The one key people reliably try; naming the variable beats "unknown key". */
    static final Map<String, String> REFUSED_TARGET_KEYS = Map.of(
            "password",
            "the password is never read from the job file,"
                    + " so that job files can be shared; set " + TargetCredentials.PASSWORD_VARIABLE + " (or "
                    + TargetCredentials.LIBPQ_PASSWORD_VARIABLE + ") in the environment instead");

    static final List<String> SCHEMA_KEYS = List.of("migrate", "locations", "baseline-version", "replace-rows");
    static final List<String> MAPPING_KEYS = List.of("names", "tables", "columns", "exclude");
    static final List<String> CONVERSION_KEYS =
            List.of("naive-timezone", "offsets", "drop-time-of-day", "epoch-numbers", "columns");
    /** What a single column may set differently, under {@code conversions.columns."table.column"}. */
    static final List<String> COLUMN_CONVERSION_KEYS = List.of("offsets", "drop-time-of-day", "epoch-numbers");

    static final List<String> ORPHANS_KEYS = List.of("default", "foreign-keys");
    static final List<String> METRICS_KEYS = List.of("pushgateway");
    static final List<String> VERIFY_KEYS = List.of("name", "sqlite", "postgres");

    private final List<String> problems;
    /** The job file's folder, absolute: what relative paths in the file mean. */
    private final Path folder;
    /** The command line or the environment gives the target user, so the file need not. */
    private final boolean userGiven;

    private JobFileReader(List<String> problems, Path folder, boolean userGiven) {
        this.problems = problems;
        this.folder = folder;
        this.userGiven = userGiven;
    }

    /** As below, for a file in the working directory whose target user, if any, is in the file. */
    static Optional<JobDefinition> read(JsonNode root, List<String> problems) {
        return read(root, problems, Path.of(""), false);
    }

    /**
     * The definition, or empty when {@code problems} received at least one entry.
     *
     * @param folder the job file's folder: relative paths in the file (source, output, filesystem: locations) mean
     *     the same wherever lite2pg is started from
     * @param userGiven the target user comes from elsewhere (--target-user, LITE2PG_TARGET_USER), so target.user may
     *     be left out
     */
    static Optional<JobDefinition> read(JsonNode root, List<String> problems, Path folder, boolean userGiven) {
        if (root == null || !root.isObject()) {
            problems.add(
                    "the job file must be a YAML mapping with at least the keys name, source, target and schema, got "
                            + YamlSection.describe(root));
            return Optional.empty();
        }
        return new JobFileReader(problems, folder.toAbsolutePath().normalize(), userGiven)
                .read(new YamlSection("", root, problems));
    }

    private Optional<JobDefinition> read(YamlSection root) {
        root.allowOnly(ROOT_KEYS, Map.of());
        Optional<String> name = root.requiredText("name");
        name.flatMap(JobRules::jobName).ifPresent(p -> root.problem("name", p));
        Optional<SourceSpec> source = source(root);
        Optional<TargetSpec> target = target(root);
        SchemaSpec schema = schema(root);
        MappingSpec mapping = mapping(root);
        int chunkSize = root.integer("chunk-size").orElse(JobDefinition.DEFAULT_CHUNK_SIZE);
        JobRules.chunkSize(chunkSize).ifPresent(p -> root.problem("chunk-size", p));
        ConversionOptions conversions = conversions(root);
        String repositorySchema = root.text("repository-schema").orElse(JobDefinition.DEFAULT_REPOSITORY_SCHEMA);
        JobRules.repositorySchema(repositorySchema).ifPresent(p -> root.problem("repository-schema", p));
        target.flatMap(t -> JobRules.schemasApart(t.schema(), repositorySchema))
                .ifPresent(p -> root.problem("repository-schema", p));
        // The default is the working directory's runs/, as documented; absolute, so that a resume started from
        // another folder finds the run's snapshot where it was written.
        Path output = root.text("output")
                .flatMap(text -> path(root, "output", text))
                .orElse(JobDefinition.DEFAULT_OUTPUT.toAbsolutePath().normalize());
        MetricsSpec metrics = metrics(root);
        BadRowPolicy onBadRow = root.text("on-bad-row")
                .map(text -> BadRowPolicy.fromYaml(text).orElseGet(() -> {
                    root.problem("on-bad-row", "must be fail or quarantine, got '" + text + "'");
                    return BadRowPolicy.FAIL;
                }))
                .orElse(BadRowPolicy.FAIL);
        OrphanPolicies orphans = orphans(root, OrphanPolicy.following(onBadRow));
        List<VerifyQuery> verify = verify(root);

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobDefinition(
                name.orElseThrow(),
                source.orElseThrow(),
                target.orElseThrow(),
                schema,
                mapping,
                chunkSize,
                conversions,
                repositorySchema,
                output,
                metrics,
                onBadRow,
                orphans,
                verify));
    }

    /** Either one policy ({@code orphans: delete}) or a default with overrides per foreign key. */
    private OrphanPolicies orphans(YamlSection root, OrphanPolicy unset) {
        if (!root.isMapping("orphans")) {
            return OrphanPolicies.of(root.text("orphans")
                    .map(text -> policy(root, "orphans", text))
                    .orElse(unset));
        }
        YamlSection section = root.section("orphans", ORPHANS_KEYS).orElseThrow();
        OrphanPolicy fallback = section.text("default")
                .map(text -> policy(section, "default", text))
                .orElse(unset);
        Map<String, OrphanPolicy> keys = new LinkedHashMap<>();
        section.textMap("foreign-keys").forEach((key, text) -> {
            if (!key.matches("[^.]+\\.[^.]+")) {
                section.problem(
                        "foreign-keys",
                        "'" + key + "' must name a foreign key as table.column (several columns: table.a,b)");
            }
            keys.put(key, policy(section, "foreign-keys.\"" + key + "\"", text));
        });
        return new OrphanPolicies(fallback, keys);
    }

    private static OrphanPolicy policy(YamlSection section, String key, String text) {
        return OrphanPolicy.fromYaml(text).orElseGet(() -> {
            section.problem(key, "must be fail, quarantine, set-null or delete, got '" + text + "'");
            return OrphanPolicy.FAIL;
        });
    }

    private Optional<SourceSpec> source(YamlSection root) {
        Optional<YamlSection> section = required(root, "source", SOURCE_KEYS);
        Optional<Path> path = section.flatMap(s -> s.requiredText("path").flatMap(text -> path(s, "path", text)));
        IntegrityCheck check = section.flatMap(s -> s.text("integrity-check")
                        .map(text -> IntegrityCheck.fromYaml(text).orElseGet(() -> {
                            s.problem("integrity-check", "must be quick or full, got '" + text + "'");
                            return IntegrityCheck.QUICK;
                        })))
                .orElse(IntegrityCheck.QUICK);
        return path.map(p -> new SourceSpec(p, check));
    }

    /** Optional: {@code check} and {@code dry-run} need no target, and {@code cutover} can take it from the command line. */
    private Optional<TargetSpec> target(YamlSection root) {
        if (!root.has("target")) {
            return Optional.of(TargetSpec.none());
        }
        Optional<YamlSection> section = root.section("target", TARGET_KEYS, REFUSED_TARGET_KEYS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection target = section.get();
        Optional<String> written = target.text("url");
        Optional<String> urlProblem = written.flatMap(JobRules::targetUrl);
        urlProblem.ifPresent(p -> target.problem("url", p));
        // A postgresql:// URI is kept as the pgjdbc URL it means; its user counts as target.user.
        Optional<PostgresUri> uri = written.filter(u -> urlProblem.isEmpty() && PostgresUri.isUri(u))
                .map(PostgresUri::parse);
        Optional<String> url = uri.map(PostgresUri::jdbcUrl).or(() -> written);
        Optional<String> user = target.text("user").or(() -> uri.flatMap(PostgresUri::user));
        if (url.isPresent() && user.isEmpty() && !userGiven && !target.has("user")) {
            target.problem(
                    "user",
                    "required with target.url (or give --target-user, or set " + TargetCredentials.USER_VARIABLE + ")");
        }
        if (target.text("user").isPresent() && written.isEmpty()) {
            target.problem("user", "given without url: add target.url, or drop user");
        }
        String schema = target.text("schema").orElse(JobDefinition.DEFAULT_TARGET_SCHEMA);
        if (url.isPresent() && user.isEmpty() && !userGiven) {
            return Optional.empty();
        }
        return Optional.of(new TargetSpec(url.orElse(null), user.orElse(null), schema));
    }

    private SchemaSpec schema(YamlSection root) {
        Optional<YamlSection> section = required(root, "schema", SCHEMA_KEYS);
        if (section.isEmpty()) {
            return SchemaSpec.flyway(List.of());
        }
        YamlSection schema = section.get();
        boolean migrate = schema.bool("migrate").orElse(true);
        Optional<String> baseline = schema.text("baseline-version");
        Set<String> replaceRows = Set.copyOf(schema.textList("replace-rows"));
        if (!migrate) {
            // A schema another tool built: naming migrations too would leave it unclear which one is the truth.
            for (String key : List.of("locations", "baseline-version")) {
                if (schema.has(key)) {
                    schema.problem(
                            key,
                            "given with migrate: false (the schema is already there, lite2pg runs no migration);"
                                    + " drop " + key + ", or drop migrate: false to let Flyway build the schema");
                }
            }
            return new SchemaSpec(false, List.of(), Optional.empty(), replaceRows);
        }
        if (!schema.has("locations")) {
            schema.problem(
                    "locations",
                    "required: the Flyway locations of the target schema, e.g. [ \"filesystem:sql/app\" ];"
                            + " or migrate: false when the schema is already there (built by the application's own"
                            + " migrations)");
            return SchemaSpec.flyway(List.of());
        }
        List<String> locations =
                schema.textList("locations").stream().map(this::location).toList();
        if (locations.isEmpty()) {
            schema.problem("locations", "must list at least one Flyway location, e.g. [ \"filesystem:sql/app\" ]");
        }
        return new SchemaSpec(true, locations, baseline, replaceRows);
    }

    private MappingSpec mapping(YamlSection root) {
        Optional<YamlSection> section = root.section("mapping", MAPPING_KEYS);
        if (section.isEmpty()) {
            return MappingSpec.defaults();
        }
        YamlSection mapping = section.get();
        NameRule names =
                mapping.text("names").map(text -> nameRule(mapping, text)).orElse(NameRule.AUTO);
        Map<String, String> tables = mapping.textMap("tables");
        Map<String, String> columns = mapping.textMap("columns");
        for (String key : columns.keySet()) {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                mapping.problem(
                        "columns",
                        "key '" + key + "' must be <source table>.<source column>, e.g. \"Invoice.BillingCity\"");
            }
        }
        List<String> exclude = mapping.textList("exclude");
        return new MappingSpec(names, tables, columns, exclude);
    }

    private static NameRule nameRule(YamlSection mapping, String text) {
        return NameRule.fromYaml(text).orElseGet(() -> {
            mapping.problem("names", "must be auto or exact, got '" + text + "'");
            return NameRule.AUTO;
        });
    }

    private static ConversionOptions conversions(YamlSection root) {
        Optional<YamlSection> section = root.section("conversions", CONVERSION_KEYS);
        if (section.isEmpty()) {
            return new ConversionOptions(JobDefinition.DEFAULT_NAIVE_TIMEZONE);
        }
        YamlSection conversions = section.get();
        ZoneId naiveTimezone = naiveTimezone(conversions);
        OffsetReading offsets = offsets(conversions).orElse(OffsetReading.REFUSE);
        boolean dropTimeOfDay = conversions.bool("drop-time-of-day").orElse(false);
        EpochNumbers epochNumbers = epochNumbers(conversions).orElse(EpochNumbers.SECONDS);
        Map<String, ConversionOptions.ColumnOverride> columns = new LinkedHashMap<>();
        conversions.namedSections("columns", COLUMN_CONVERSION_KEYS).forEach((key, column) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                conversions.problem(
                        "columns", "key '" + key + "' must be <source table>.<source column>, e.g. \"bars.day\"");
            }
            columns.put(
                    key,
                    new ConversionOptions.ColumnOverride(
                            offsets(column).orElse(null),
                            column.bool("drop-time-of-day").orElse(null),
                            epochNumbers(column).orElse(null)));
        });
        return new ConversionOptions(naiveTimezone, offsets, dropTimeOfDay, epochNumbers, columns);
    }

    private static ZoneId naiveTimezone(YamlSection conversions) {
        Optional<String> zone = conversions.text("naive-timezone");
        if (zone.isEmpty()) {
            return JobDefinition.DEFAULT_NAIVE_TIMEZONE;
        }
        try {
            return ZoneId.of(zone.get());
        } catch (DateTimeException e) {
            conversions.problem(
                    "naive-timezone",
                    "unknown time zone '" + zone.get()
                            + "'; use a region such as Europe/Berlin, UTC, or an offset such as +02:00");
            return JobDefinition.DEFAULT_NAIVE_TIMEZONE;
        }
    }

    private static Optional<OffsetReading> offsets(YamlSection section) {
        return section.text("offsets").flatMap(text -> {
            Optional<OffsetReading> reading = OffsetReading.fromYaml(text);
            if (reading.isEmpty()) {
                section.problem("offsets", "must be refuse, utc or local, got '" + text + "'");
            }
            return reading;
        });
    }

    private static Optional<EpochNumbers> epochNumbers(YamlSection section) {
        return section.text("epoch-numbers").flatMap(text -> {
            Optional<EpochNumbers> reading = EpochNumbers.fromYaml(text);
            if (reading.isEmpty()) {
                section.problem(
                        "epoch-numbers", "must be seconds, milliseconds, julian-day or refuse, got '" + text + "'");
            }
            return reading;
        });
    }

    /** Each entry needs all three keys; names are unique, so that a problem or a report line names one query. */
    private static List<VerifyQuery> verify(YamlSection root) {
        List<VerifyQuery> queries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection entry : root.sectionList("verify", VERIFY_KEYS)) {
            Optional<String> name = entry.requiredText("name");
            Optional<String> sqlite = entry.requiredText("sqlite");
            Optional<String> postgres = entry.requiredText("postgres");
            if (name.isPresent() && !names.add(name.get())) {
                entry.problem("name", "'" + name.get() + "' names another verify query too; give each its own name");
            }
            if (name.isPresent() && sqlite.isPresent() && postgres.isPresent()) {
                queries.add(new VerifyQuery(name.get(), sqlite.get(), postgres.get()));
            }
        }
        return queries;
    }

    private static MetricsSpec metrics(YamlSection root) {
        Optional<String> pushgateway = root.section("metrics", METRICS_KEYS).flatMap(s -> s.text("pushgateway"));
        Optional<String> problem = pushgateway.flatMap(JobRules::pushgateway);
        if (problem.isPresent()) {
            root.problem("metrics.pushgateway", problem.get());
            return MetricsSpec.none();
        }
        return new MetricsSpec(pushgateway.map(URI::create));
    }

    private static Optional<YamlSection> required(YamlSection root, String key, List<String> knownKeys) {
        return required(root, key, knownKeys, Map.of());
    }

    private static Optional<YamlSection> required(
            YamlSection root, String key, List<String> knownKeys, Map<String, String> refusedKeys) {
        if (!root.has(key)) {
            root.problem(key, "required: a mapping with keys " + String.join(", ", knownKeys));
        }
        return root.section(key, knownKeys, refusedKeys);
    }

    /** A filesystem: location relative to the job file's folder, like every path in it; others as written. */
    private String location(String location) {
        String prefix = "filesystem:";
        if (!location.startsWith(prefix)) {
            return location;
        }
        try {
            return prefix + folder.resolve(location.substring(prefix.length())).normalize();
        } catch (InvalidPathException e) {
            return location;
        }
    }

    /** Relative to the job file's folder. */
    private Optional<Path> path(YamlSection section, String key, String text) {
        try {
            return Optional.of(folder.resolve(Path.of(text)).normalize());
        } catch (InvalidPathException e) {
            section.problem(key, "not a valid path: " + e.getMessage());
            return Optional.empty();
        }
    }
}
