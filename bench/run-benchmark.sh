#!/usr/bin/env bash
# Measures `lite2pg cutover` against the plainest fast loads a person could script by hand and against pgloader, and
# ends with the goals of issue 14 (and with --catch-up issue 17's): each goal, the value measured, met or NOT met.
#
#   bench/run-benchmark.sh [--pg URL] [--scale N] [--rounds N] [--seed N] [--small-scale N] [--fixed-runs N]
#                          [--linearity] [--catch-up] [--change-percent P]
#
#   --pg URL          libpq URL of the PostgreSQL to load into (env BENCH_PG_URL,
#                     default postgresql://postgres@127.0.0.1:5432/postgres); the password, if any, from PGPASSWORD
#   --scale N         size of the generated SQLite database: 1 = 1.5 million rows, about 450 MiB; fractions work
#                     (env BENCH_SCALE, default 1)
#   --rounds N        rounds, at that scale and of the small database; medians are reported (env BENCH_ROUNDS,
#                     default 3)
#   --seed N          seed of the generated content (env BENCH_SEED, default 42)
#   --small-scale N   scale of the small database timed against pgloader: 0.055 is about 25 MB; 0 skips it
#                     (env BENCH_SMALL_SCALE, default 0.055)
#   --fixed-runs N    runs of each fixed-cost command (--help, status, an already-completed cutover), median reported
#                     (env BENCH_FIXED_RUNS, default 5)
#   --linearity       also one cutover at each of scales 0.1, 1 and 3 (env BENCH_LINEARITY_SCALES; scale 3 is
#                     4.5 million rows, about 1.4 GB of SQLite), and the time per million rows of each
#   --catch-up        also the two-phase cutover, --rounds times, on a copy of the --scale file: cutover --live, the
#                     app's changes to the copy, catch-up (the freeze window), against a one-phase cutover of the
#                     changed copy (env BENCH_CATCH_UP=1)
#   --change-percent P  share of each table's rows the app changes for --catch-up, a third each inserted, updated
#                     and deleted (env BENCH_CHANGE_PERCENT, default 1)
#
# Other environment: LITE2PG_JAR (default target/lite2pg.jar, built when missing), LITE2PG_JAVA_OPTS (JVM options
# for bin/lite2pg), LITE2PG_JDBC_URL (when the jdbc: URL cannot be derived from --pg, e.g. a Unix socket),
# PGLOADER (the pgloader command, default pgloader), PGLOADER_WITH (pgloader's WITH clause, default "data only,
# reset sequences"), BENCH_VALIDATION_STEPS (lite2pg's steps that make its validation, default "validate report"),
# BENCH_KEEP=1 (keep the schemas of the last loads).
#
# Each round runs, in this order, each load into a fresh schema of the same database:
#   reference  sqlite3 CLI exports every table to CSV (epoch seconds turned into timestamps in the SELECT), psql
#              \copy loads them into bare tables (sql/benchmark/V1__schema.sql without keys and indexes), then the
#              primary keys, indexes and foreign keys are built and the sequences set. No checks, no restartability:
#              the floor of what moving these bytes by hand costs on this machine, export included.
#   ready CSV  the same CSV files loaded again the same way into another schema, timed without the export: what
#              PostgreSQL itself needs for this data here, the reference the speed goals count against.
#   lite2pg    bin/lite2pg cutover --job jobs/benchmark.yml, under /usr/bin/time -v for the peak RSS, with the
#              launcher's defaults. Its steps are timed from the run's lite2pg.log (Spring Batch's "Step: [name]
#              executed in" lines), whatever steps the build has. In round 1, on the finished run, the fixed costs:
#              bin/lite2pg --help, status, and the same cutover again (already completed), each --fixed-runs times.
#   pgloader   if installed: pgloader into the schema prepared from the same migration (data only).
# Then the small database (--small-scale): lite2pg and pgloader, --rounds times. Then, with --linearity, one lite2pg
# cutover per scale. Then, with --catch-up, per round: the --scale file copied to bench/work/catchup-*.sqlite,
# `cutover --live` of the copy into the job's schema (timed, not the window), `generate-benchmark --in` changing
# --change-percent of its rows as the app would (timed apart), `catch-up` of the copy into that schema (the freeze
# window: the whole command, JVM included), and a one-phase `cutover` of the changed copy into schema bench_final (the
# reference); in round 1 the two targets are compared by md5 like the others. Every load is checked (row counts per table equal the source's; lite2pg must exit 0), and in
# round 1 the targets are compared table by table (md5 of the rows), so a fast but wrong load cannot pass unnoticed:
# a difference makes the script exit 1 once it has printed everything. Goals not met do not change the exit code.
# SQLite files are generated once per scale and seed and cached in bench/work/ (delete them to regenerate), where
# each run's results are saved too (results-<timestamp>.txt).

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench/work

PG_URL=${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
SCALE=${BENCH_SCALE:-1}
ROUNDS=${BENCH_ROUNDS:-3}
SEED=${BENCH_SEED:-42}
SMALL_SCALE=${BENCH_SMALL_SCALE:-0.055}
FIXED_RUNS=${BENCH_FIXED_RUNS:-5}
LINEARITY=no
LINEARITY_SCALES=${BENCH_LINEARITY_SCALES:-0.1 1 3}
CATCH_UP=$([ "${BENCH_CATCH_UP:-0}" = 1 ] && echo yes || echo no)
CHANGE_PERCENT=${BENCH_CHANGE_PERCENT:-1}
VALIDATION_STEPS=" ${BENCH_VALIDATION_STEPS:-validate report} "
JAR=${LITE2PG_JAR:-$ROOT/target/lite2pg.jar}
PGLOADER=${PGLOADER:-pgloader}
PGLOADER_WITH=${PGLOADER_WITH:-data only, reset sequences}

while [ $# -gt 0 ]; do
    case "$1" in
        --pg) PG_URL=$2; shift 2 ;;
        --scale) SCALE=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --small-scale) SMALL_SCALE=$2; shift 2 ;;
        --fixed-runs) FIXED_RUNS=$2; shift 2 ;;
        --linearity) LINEARITY=yes; shift ;;
        --catch-up) CATCH_UP=yes; shift ;;
        --change-percent) CHANGE_PERCENT=$2; shift 2 ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-benchmark: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
is_number() { [[ $1 =~ ^[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$ ]]; }
for n in "$SCALE" "$SMALL_SCALE" $LINEARITY_SCALES; do
    is_number "$n" || { echo "run-benchmark: a scale must be a number, got '$n'" >&2; exit 2; }
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "run-benchmark: --rounds must be 1 or more, got '$ROUNDS'" >&2; exit 2; }
[[ $FIXED_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "run-benchmark: --fixed-runs must be 1 or more, got '$FIXED_RUNS'" >&2; exit 2; }
is_number "$CHANGE_PERCENT" || { echo "run-benchmark: --change-percent must be a number, got '$CHANGE_PERCENT'" >&2; exit 2; }

# Schemas: the application tables of each contender, and lite2pg's own job repository (jobs/benchmark.yml names it,
# so dropping it between runs forgets only the benchmark's runs).
LITE2PG_SCHEMA=bench
LITE2PG_REPOSITORY=bench_lite2pg
REF_SCHEMA=bench_ref
READY_SCHEMA=bench_csv
PGLOADER_SCHEMA=bench_pgl
CATCHUP_REF_SCHEMA=bench_final                            # --catch-up's one-phase cutover of the changed file
TABLES=(users strategies alerts orders)                    # parents first
# INTEGER epoch seconds in SQLite, timestamptz in PostgreSQL: COPY cannot convert them, so the reference's SELECT does.
EPOCH_COLUMNS=" strategies.updated_at alerts.triggered_at orders.placed_at orders.filled_at "

fail() { echo "run-benchmark: $*" >&2; exit 1; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
median() { tr ' ' '\n' | awk 'NF && $1 != "-"' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_int() { median | awk '$1 != "-" { printf "%.0f", $1 } $1 == "-" { print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "-" && b != "-" && b > 0) printf "%.2f", a / b; else print "-" }'; }
psql_in() { local schema=$1; shift; PGOPTIONS="-c search_path=$schema -c client_min_messages=warning" psql "$PG_URL" -X -q -v ON_ERROR_STOP=1 "$@"; }
sql() { PGOPTIONS="-c client_min_messages=warning" psql "$PG_URL" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
# Peak RSS in MiB from a /usr/bin/time -v report.
peak_rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
# CPU seconds (user + sys) of the process itself from the same report; PostgreSQL's backends are not in it.
cpu_seconds() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1"; }

# --- prerequisites: say what is missing instead of failing half-way ---------------------------------------------
missing=()
command -v java >/dev/null || missing+=("java (a JDK 17+)")
command -v sqlite3 >/dev/null || missing+=("sqlite3 (apt-get install -y sqlite3)")
command -v psql >/dev/null || missing+=("psql (apt-get install -y postgresql-client)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install -y time), for the peak RSS")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'run-benchmark: missing: %s\n' "${missing[@]}" >&2
    exit 2
fi
HAVE_PGLOADER=no
if command -v "$PGLOADER" >/dev/null; then
    HAVE_PGLOADER=yes
    PGLOADER_VERSION=$("$PGLOADER" --version 2>&1 | sed -n 1p)   # sed reads it all: SBCL dies on a closed pipe
else
    echo "run-benchmark: missing: pgloader (apt-get install -y pgloader); running without it, its goals unmeasured" >&2
fi
sql "select 1" >/dev/null || fail "cannot connect to $PG_URL with psql (set --pg, and PGPASSWORD if needed)"

# lite2pg takes a jdbc: URL without credentials and the user from the job file; derive both from the libpq URL.
PG_USER=$(sql "select current_user")
if [ -z "${LITE2PG_JDBC_URL:-}" ]; then
    [[ $PG_URL =~ ^postgres(ql)?://([^@/]*@)?([^/?]+)(/[^?]*)?(\?.*)?$ ]] \
        || fail "cannot derive a jdbc: URL from $PG_URL; set LITE2PG_JDBC_URL"
    LITE2PG_JDBC_URL="jdbc:postgresql://${BASH_REMATCH[3]}${BASH_REMATCH[4]:-/postgres}${BASH_REMATCH[5]}"
fi
JOB=$ROOT/jobs/benchmark.yml
mkdir -p "$WORK"

# --- the jar and the SQLite files -------------------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
    echo "run-benchmark: building $JAR (./mvnw -q package -DskipTests)"
    ./mvnw -q package -DskipTests
fi
scale_name() { printf '%g' "$1"; }                         # 1, 1.0 and 1.00 share one cached file
# The cached SQLite file of a scale (generated first if missing); the generator's console goes to a log beside it.
source_file() {
    local file
    file=$WORK/benchmark-scale$(scale_name "$1")-seed$SEED.sqlite
    if [ ! -f "$file" ]; then
        java -jar "$JAR" generate-benchmark --out "$file" --scale "$1" --seed "$SEED" > "$file.log" 2>&1 \
            || { cat "$file.log" >&2; fail "generate-benchmark --scale $1 failed"; }
        echo "run-benchmark: $(tail -1 "$file.log")" >&2
    fi
    echo "$file"
}
# Makes FILE the source every load and check below uses: its row counts and columns.
declare -A SOURCE_ROWS COLUMNS
use_source() {
    local t
    SOURCE=$1
    for t in "${TABLES[@]}"; do
        SOURCE_ROWS[$t]=$(sqlite3 "$SOURCE" "select count(*) from $t")
        COLUMNS[$t]=$(sqlite3 "$SOURCE" "select group_concat(name, ',') from pragma_table_info('$t')")
    done
    TOTAL_ROWS=$(IFS=+; echo "$(( ${SOURCE_ROWS[*]} ))")
    SOURCE_MIB=$(awk -v b="$(stat -c %s "$SOURCE")" 'BEGIN { printf "%.1f", b / 1048576 }')
}
describe_source() {
    echo "$TOTAL_ROWS rows ($(for t in "${TABLES[@]}"; do printf '%s %s, ' "$t" "${SOURCE_ROWS[$t]}"; done | sed 's/, $//')), $SOURCE_MIB MiB of SQLite"
}
MAIN_SOURCE=$(source_file "$SCALE")
RUN_SMALL=$(awk -v s="$SMALL_SCALE" 'BEGIN { print (s > 0 ? "yes" : "no") }')
if [ "$RUN_SMALL" = yes ]; then SMALL_SOURCE=$(source_file "$SMALL_SCALE"); fi

# Each contender starts from nothing: its schema dropped, and a CHECKPOINT so that the dirty pages the previous
# contender left behind are written now, not charged to the next one.
fresh_schema() {
    sql "drop schema if exists $* cascade" >/dev/null
    sql "checkpoint" >/dev/null
}

# Row counts of a loaded schema against the source's; prints the mismatches and returns 1 on any.
check_counts() {
    local schema=$1 ok=0 t n
    for t in "${TABLES[@]}"; do
        n=$(sql "select count(*) from $schema.$t" 2>/dev/null || echo "missing")
        if [ "$n" != "${SOURCE_ROWS[$t]}" ]; then
            echo "    $schema.$t: $n rows, source has ${SOURCE_ROWS[$t]}" >&2
            ok=1
        fi
    done
    return $ok
}

# --- the references: sqlite3 CSV export, then psql \copy of the ready CSV, keys, indexes, FKs, sequences ---------
CSV=$WORK/csv
export_csv() {
    local start t select
    rm -rf "$CSV" && mkdir -p "$CSV"
    start=$(now)
    for t in "${TABLES[@]}"; do
        select=$(echo "${COLUMNS[$t]}" | tr ',' '\n' | while read -r c; do
            if [[ $EPOCH_COLUMNS == *" $t.$c "* ]]; then echo "datetime($c, 'unixepoch') || '+00'"; else echo "$c"; fi
        done | paste -sd, -)
        sqlite3 -bail -csv "$SOURCE" "select $select from $t order by id" > "$CSV/$t.csv"
    done
    EXPORT_TIME=$(seconds_since "$start")
}

# Loads the CSV files into a fresh SCHEMA; sets LOAD_TOTAL (from creating the schema to the sequences), LOAD_SCHEMA
# (creating it, keys and indexes taken off), LOAD_COPY and LOAD_CONSTRAINTS.
load_csv() {
    local schema=$1 start post t load_start constraints_start
    fresh_schema "$schema"
    start=$(now)
    # The real schema, then its keys and indexes taken off (their definitions saved to put them back after the load).
    sql "create schema $schema" >/dev/null
    psql_in "$schema" -f sql/benchmark/V1__schema.sql
    post=$CSV/post-load-$schema.sql
    sql "select sql from (
           select 1 as step, format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid)) as sql
             from pg_constraint where connamespace = '$schema'::regnamespace and contype in ('p', 'u')
           union all
           select 2, pg_get_indexdef(i.indexrelid) || ';' from pg_index i join pg_class c on c.oid = i.indexrelid
             where c.relnamespace = '$schema'::regnamespace
               and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
           union all
           select 3, format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
             from pg_constraint where connamespace = '$schema'::regnamespace and contype = 'f') s order by step, sql" > "$post"
    sql "select sql from (
           select 1 as step, format('alter table %s drop constraint %I;', conrelid::regclass, conname) as sql
             from pg_constraint where connamespace = '$schema'::regnamespace and contype = 'f'
           union all
           select 2, format('alter table %s drop constraint %I;', conrelid::regclass, conname)
             from pg_constraint where connamespace = '$schema'::regnamespace and contype in ('p', 'u')
           union all
           select 3, format('drop index %s;', i.indexrelid::regclass) from pg_index i join pg_class c on c.oid = i.indexrelid
             where c.relnamespace = '$schema'::regnamespace
               and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)) s order by step" \
        | psql_in "$schema" -f -
    load_start=$(now)
    LOAD_SCHEMA=$(awk -v a="$start" -v b="$load_start" 'BEGIN { printf "%.2f", b - a }')
    for t in "${TABLES[@]}"; do
        psql_in "$schema" -c "\\copy $t (${COLUMNS[$t]}) from '$CSV/$t.csv' with (format csv)"
    done
    LOAD_COPY=$(seconds_since "$load_start")

    constraints_start=$(now)
    {
        cat "$post"
        # the sequences past the loaded ids, as lite2pg's sequences step does
        echo "select format('select setval(%L, max(id)) from %s', pg_get_serial_sequence(c.oid::regclass::text, 'id'), c.oid::regclass)
                from pg_class c where c.relnamespace = '$schema'::regnamespace and c.relkind = 'r'
                 and pg_get_serial_sequence(c.oid::regclass::text, 'id') is not null \\gexec"
    } | psql_in "$schema" -f - >/dev/null
    LOAD_CONSTRAINTS=$(seconds_since "$constraints_start")
    LOAD_TOTAL=$(seconds_since "$start")
    check_counts "$schema" || fail "the CSV load into $schema lost rows"
}

# --- lite2pg ----------------------------------------------------------------------------------------------------
# One cutover of $SOURCE into a fresh schema and job repository; LABEL names its console and time files. Sets what
# lite2pg_command sets, and the profile of the run's log (profile_lite2pg).
run_lite2pg() {
    fresh_schema "$LITE2PG_SCHEMA, $LITE2PG_REPOSITORY"
    lite2pg_command "$1" "$LITE2PG_SCHEMA" cutover
    [ -f "${LITE2PG_LOG:-}" ] || fail "cannot find the run's lite2pg.log for its step times ($1; console in $LITE2PG_OUT)"
    profile_lite2pg
}

# One bin/lite2pg COMMAND [ARGS] of $SOURCE into the benchmark's target, which must exit 0 and leave SCHEMA holding the
# source's row counts; LABEL names its console and time files. Sets LITE2PG_TIME (the whole command, JVM included),
# _RSS, _CPU, _OUT (its console, each line time-stamped), _START (when it started), _LOG (the run's lite2pg.log, empty when none is found), _JVM
# (to the first console line) and _SNAPSHOT (from it to the [snapshot] line: Spring's start and the snapshot of the
# source; "-" without one).
lite2pg_command() {
    local label=$1 schema=$2 start code out=$WORK/lite2pg-$1.out rss=$WORK/lite2pg-$1.time marker=$WORK/.lite2pg-$1.start
    shift 2
    touch "$marker"
    start=$(now)
    set +e
    # bin/lite2pg is the command operators run (its heap bound included); LITE2PG_JAVA_OPTS still overrides it.
    /usr/bin/time -v -o "$rss" env LITE2PG_JAR="$JAR" "$ROOT/bin/lite2pg" "$@" --job "$JOB" \
        --source "$SOURCE" --target-url "$LITE2PG_JDBC_URL" --target-user "$PG_USER" 2>&1 | stamp_lines > "$out"
    code=${PIPESTATUS[0]}
    set -e
    LITE2PG_TIME=$(seconds_since "$start")
    LITE2PG_RSS=$(peak_rss "$rss")
    LITE2PG_CPU=$(cpu_seconds "$rss")
    LITE2PG_OUT=$out
    LITE2PG_START=$start
    if [ $code -ne 0 ]; then
        tail -20 "$out" >&2
        fail "lite2pg $* exited $code ($label; console in $out)"
    fi
    check_counts "$schema" || fail "lite2pg's target $schema does not hold the source's rows ($label; console in $out)"
    # The run's folder: from the console's "Report: <file>" line, else the lite2pg.log written since the start.
    local report
    report=$(sed -n 's/.*Report: \([^ ]*\).*/\1/p' "$out" | tail -1)
    LITE2PG_LOG=${report:+$(dirname "$report")/lite2pg.log}
    if [ ! -f "${LITE2PG_LOG:-}" ]; then
        LITE2PG_LOG=$(find "$ROOT/runs" -name lite2pg.log -newer "$marker" 2>/dev/null | head -1)
    fi
    rm -f "$marker"
    # What comes before the first step, the console's time stamps tell: the JVM's start (to the first line), then
    # Spring's start and the snapshot of the source (to the [snapshot] line).
    local first snapshot
    first=$(awk 'NF > 1 { print $1; exit }' "$out")
    snapshot=$(awk '$2 == "[snapshot]" { print $1; exit }' "$out")
    LITE2PG_JVM=$(awk -v a="$start" -v b="$first" 'BEGIN { if (b) printf "%.2f", b - a; else print "-" }')
    LITE2PG_SNAPSHOT=$(awk -v a="$first" -v b="$snapshot" 'BEGIN { if (a && b) printf "%.2f", b - a; else print "-" }')
}

# Prefixes every line with the time it arrived (seconds since the epoch).
stamp_lines() { while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done; }

# Step name and seconds for every step in a run's log ("Step: [copy:alerts] executed in 1m13s323ms"), in the order
# they finished.
step_seconds() {
    sed -n 's/.*Step: \[\(.*\)\] executed in \(.*\)$/\1 \2/p' "$1" | awk '{
        s = 0; t = $2
        while (match(t, /^[0-9]+(ms|h|m|s)/)) {
            n = substr(t, 1, RLENGTH) + 0; unit = substr(t, 1, RLENGTH); sub(/^[0-9]+/, "", unit)
            t = substr(t, RLENGTH + 1)
            s += unit == "ms" ? n / 1000 : unit == "s" ? n : unit == "m" ? 60 * n : 3600 * n
        }
        printf "%s %.3f\n", $1, s }'
}

# From the run's log: PROFILE (every step and its seconds), PROFILE_STEPS (name secs lines), STEPS_SUM (the
# top-level steps: a name with a colon is part of another step), VALIDATION (the BENCH_VALIDATION_STEPS), COPY (the
# copy step, "-" when the build has none) and NO_VALIDATION (the wall time less the validation). Steps a build lacks
# (a cutover without a scan step, say) are simply absent.
profile_lite2pg() {
    local step secs
    PROFILE_STEPS=$(step_seconds "$LITE2PG_LOG")
    [ -n "$PROFILE_STEPS" ] || fail "no step times in $LITE2PG_LOG"
    PROFILE=""
    STEPS_SUM=0
    VALIDATION=0
    COPY=-
    while read -r step secs; do
        PROFILE+="$step ${secs}s, "
        if [[ $step != *:* ]]; then STEPS_SUM=$(awk -v a="$STEPS_SUM" -v b="$secs" 'BEGIN { print a + b }'); fi
        if [[ $VALIDATION_STEPS == *" $step "* ]]; then
            VALIDATION=$(awk -v a="$VALIDATION" -v b="$secs" 'BEGIN { print a + b }')
        fi
        if [ "$step" = copy ]; then COPY=$secs; fi
    done <<< "$PROFILE_STEPS"
    PROFILE=${PROFILE%, }
    NO_VALIDATION=$(awk -v w="$LITE2PG_TIME" -v v="$VALIDATION" 'BEGIN { printf "%.2f", w - v }')
}

# Wall seconds of one bin/lite2pg command into FIXED_SECONDS, its exit code into FIXED_CODE, its console into OUT.
time_lite2pg() {
    local out=$1 start
    shift
    start=$(now)
    set +e
    env LITE2PG_JAR="$JAR" "$ROOT/bin/lite2pg" "$@" > "$out" 2>&1
    FIXED_CODE=$?
    set -e
    FIXED_SECONDS=$(seconds_since "$start")
}

# The fixed costs an operator pays whatever the size, on the run just finished: --help, status, and the cutover
# again, which must find the run complete and write nothing.
declare -a F_HELP F_STATUS F_DONE
ALREADY_COMPLETED_SAID=yes
measure_fixed_costs() {
    local i out=$WORK/fixed
    local target=(--job "$JOB" --source "$SOURCE" --target-url "$LITE2PG_JDBC_URL")
    for i in $(seq 1 "$FIXED_RUNS"); do
        time_lite2pg "$out-help.out" --help
        [ "$FIXED_CODE" -eq 0 ] || fail "bin/lite2pg --help exited $FIXED_CODE (output in $out-help.out)"
        F_HELP+=("$FIXED_SECONDS")
        time_lite2pg "$out-status.out" status "${target[@]}"
        [ "$FIXED_CODE" -eq 0 ] || fail "bin/lite2pg status exited $FIXED_CODE (output in $out-status.out)"
        F_STATUS+=("$FIXED_SECONDS")
        time_lite2pg "$out-completed.out" cutover "${target[@]}"
        [ "$FIXED_CODE" -eq 0 ] || fail "the already-completed cutover exited $FIXED_CODE (output in $out-completed.out)"
        F_DONE+=("$FIXED_SECONDS")
        # Timed is what the command does; if it no longer says so, the figure may be of something else.
        grep -qi 'already complete' "$out-completed.out" || ALREADY_COMPLETED_SAID=no
    done
    check_counts "$LITE2PG_SCHEMA" || fail "the already-completed cutover changed the target's rows"
}

# --- pgloader ---------------------------------------------------------------------------------------------------
run_pgloader() {
    local label=$1 start code load=$WORK/pgloader.load out=$WORK/pgloader-$1.out rss=$WORK/pgloader-$1.time
    fresh_schema "$PGLOADER_SCHEMA"
    sql "create schema $PGLOADER_SCHEMA" >/dev/null
    psql_in "$PGLOADER_SCHEMA" -f sql/benchmark/V1__schema.sql
    # pgloader reads SQLite's declared types: the epoch INTEGER columns need its unix-timestamp transform.
    local casts
    casts=$(for c in $EPOCH_COLUMNS; do echo "column $c to timestamptz using unix-timestamp-to-timestamptz"; done \
        | awk 'NR > 1 { printf ",\n       " } { printf "%s", $0 }')
    cat > "$load" <<EOF
LOAD DATABASE
  FROM sqlite://$SOURCE
  INTO $PG_URL
  WITH $PGLOADER_WITH
  SET search_path to '$PGLOADER_SCHEMA'
  CAST $casts;
EOF
    start=$(now)
    set +e
    /usr/bin/time -v -o "$rss" "$PGLOADER" --dynamic-space-size 4096 "$load" > "$out" 2>&1
    code=$?
    set -e
    PGLOADER_TIME=$(seconds_since "$start")
    PGLOADER_RSS=$(peak_rss "$rss")
    PGLOADER_CPU=$(cpu_seconds "$rss")
    [ $code -eq 0 ] || { tail -20 "$out" >&2; fail "pgloader exited $code ($label; output in $out)"; }
    check_counts "$PGLOADER_SCHEMA" || fail "pgloader's target does not hold the source's rows ($label; output in $out)"
}

# md5 of every table's rows in id order, per schema, the first schema's being the expected: equal digests mean equal
# content, value for value. A difference is printed and remembered in CONTENT_DIFFERS.
CONTENT_DIFFERS=()
compare_content() {
    local what=$1 t s digests expected line
    shift
    echo "content ($what), md5 of each table's rows in id order:"
    for t in "${TABLES[@]}"; do
        line=$(printf '  %-11s' "$t")
        expected=
        for s in "$@"; do
            digests=$(sql "select md5(string_agg(md5(r::text), '' order by r.id)) from $s.$t r")
            line+="  $s ${digests:0:12}"
            if [ -z "$expected" ]; then expected=$digests; fi
            if [ "$digests" != "$expected" ]; then
                line+=" (DIFFERS)"
                CONTENT_DIFFERS+=("$what $s.$t")
            fi
        done
        echo "$line"
    done
}
pgloader_schema() { if [ "$HAVE_PGLOADER" = yes ]; then echo "$PGLOADER_SCHEMA"; fi; }

# --- the rounds -------------------------------------------------------------------------------------------------
RESULTS=$WORK/results-$(date +%Y%m%d-%H%M%S).txt
exec > >(tee "$RESULTS") 2>&1

use_source "$MAIN_SOURCE"
SCALE_NAME=$(scale_name "$SCALE")
MAIN_ROWS=$TOTAL_ROWS
MAIN_MIB=$SOURCE_MIB
echo "lite2pg benchmark: scale $SCALE_NAME, seed $SEED: $(describe_source)"
echo "  machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM"
echo "  target: $(sql "select split_part(version(), ' on ', 1)") at $PG_URL; lite2pg $LITE2PG_JDBC_URL as $PG_USER"
echo "  server settings: $(sql "select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
    where name in ('shared_buffers', 'max_wal_size', 'maintenance_work_mem', 'synchronous_commit', 'wal_level')")"
echo "  lite2pg: $JAR ($(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')), launcher options ${LITE2PG_JAVA_OPTS:-its defaults}"
echo "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
echo "  pgloader: ${PGLOADER_VERSION:-not installed (apt-get install -y pgloader): skipped, its goals not measured}"
echo

declare -a R_TOTAL R_EXPORT C_TOTAL C_COPY C_CONS C_SCHEMA L_TIME L_RSS L_CPU L_OUTSIDE L_JVM L_SNAPSHOT L_NO_VALIDATION \
    L_VALIDATE_SHARE P_TIME P_RSS P_CPU
declare -A STEPS
STEP_NAMES=()
for round in $(seq 1 "$ROUNDS"); do
    export_csv
    load_csv "$REF_SCHEMA"
    R_EXPORT+=("$EXPORT_TIME")
    R_TOTAL+=("$(awk -v a="$EXPORT_TIME" -v b="$LOAD_TOTAL" 'BEGIN { printf "%.2f", a + b }')")
    echo "round $round: reference ${R_TOTAL[-1]}s (sqlite3 export ${EXPORT_TIME}s, \\copy ${LOAD_COPY}s, keys+indexes ${LOAD_CONSTRAINTS}s)"
    load_csv "$READY_SCHEMA"
    rm -rf "$CSV"
    C_TOTAL+=("$LOAD_TOTAL"); C_SCHEMA+=("$LOAD_SCHEMA"); C_COPY+=("$LOAD_COPY"); C_CONS+=("$LOAD_CONSTRAINTS")
    echo "round $round: ready CSV ${LOAD_TOTAL}s (schema ${LOAD_SCHEMA}s, \\copy ${LOAD_COPY}s, keys+indexes ${LOAD_CONSTRAINTS}s)"

    run_lite2pg "round$round"
    L_TIME+=("$LITE2PG_TIME"); L_RSS+=("$LITE2PG_RSS"); L_CPU+=("$LITE2PG_CPU")
    L_NO_VALIDATION+=("$NO_VALIDATION"); L_JVM+=("$LITE2PG_JVM"); L_SNAPSHOT+=("$LITE2PG_SNAPSHOT")
    L_OUTSIDE+=("$(awk -v w="$LITE2PG_TIME" -v s="$STEPS_SUM" 'BEGIN { printf "%.2f", w - s }')")
    L_VALIDATE_SHARE+=("$(ratio "$VALIDATION" "$COPY")")
    while read -r step secs; do
        if [ -z "${STEPS[$step]:-}" ]; then STEP_NAMES+=("$step"); fi
        STEPS[$step]+="$secs "
    done <<< "$PROFILE_STEPS"
    echo "round $round: lite2pg ${LITE2PG_TIME}s (without validation ${NO_VALIDATION}s; CPU ${LITE2PG_CPU}s), peak RSS ${LITE2PG_RSS} MiB, exit 0, row counts match"
    echo "         steps: $PROFILE"
    if [ "$round" = 1 ]; then
        measure_fixed_costs
        echo "round $round: fixed costs, median of $FIXED_RUNS: --help $(echo "${F_HELP[*]}" | median)s, status $(echo "${F_STATUS[*]}" | median)s, already-completed cutover $(echo "${F_DONE[*]}" | median)s"
    fi

    if [ "$HAVE_PGLOADER" = yes ]; then
        run_pgloader "round$round"
        P_TIME+=("$PGLOADER_TIME"); P_RSS+=("$PGLOADER_RSS"); P_CPU+=("$PGLOADER_CPU")
        echo "round $round: pgloader ${PGLOADER_TIME}s (CPU ${PGLOADER_CPU}s), peak RSS ${PGLOADER_RSS} MiB, row counts match"
    fi
    if [ "$round" = 1 ]; then
        # shellcheck disable=SC2046 # no pgloader schema when it is not installed
        compare_content "scale $SCALE_NAME, round 1" "$LITE2PG_SCHEMA" "$REF_SCHEMA" "$READY_SCHEMA" $(pgloader_schema)
    fi
done

# Summary lines: label, median, best (or largest, for memory) and every round's value.
values() { tr ' ' '\n' | awk 'NF && $1 != "-"'; }
least() { values | sort -g | head -1 | awk '{ printf "%.2f", $1 }'; }
most() { values | sort -g | tail -1; }
timing() { printf '  %-36s %9s %9s  [%s]\n' "$1" "$(echo "$2" | median)" "$(echo "$2" | least)" "${2% }"; }
memory() { printf '  %-36s %9s %9s  [%s]\n' "$1" "$(echo "$2" | median_int)" "$(echo "$2" | most)" "${2% }"; }
heading() { printf '  %-36s %9s %9s  %s\n' "$1" "$2" "$3" rounds; }

echo
heading "seconds, $ROUNDS round(s)" median best
timing "reference (export + ready CSV)" "${R_TOTAL[*]}"
timing "  sqlite3 CSV export" "${R_EXPORT[*]}"
timing "ready CSV (the goals' reference)" "${C_TOTAL[*]}"
timing "  schema, keys and indexes taken off" "${C_SCHEMA[*]}"
timing "  psql \\copy into bare tables" "${C_COPY[*]}"
timing "  primary keys, indexes, FKs, seqs" "${C_CONS[*]}"
timing "lite2pg cutover, whole command" "${L_TIME[*]}"
timing "lite2pg without validation" "${L_NO_VALIDATION[*]}"
# Steps in the order they finished, each with its parts (copy:alerts under copy) below it.
for step in "${STEP_NAMES[@]}"; do
    if [[ $step == *:* ]] && [ -n "${STEPS[${step%%:*}]:-}" ]; then continue; fi
    timing "    $step" "${STEPS[$step]}"
    for part in "${STEP_NAMES[@]}"; do
        if [[ $part == "$step":* ]]; then timing "      $part" "${STEPS[$part]}"; fi
    done
done
# What the steps do not account for: JVM and Spring start-up, the snapshot of the source, the job repository's
# start, shutdown. The first two are shown below it.
timing "    outside the steps" "${L_OUTSIDE[*]}"
timing "      JVM start, to the first line" "${L_JVM[*]}"
timing "      Spring start, source snapshot" "${L_SNAPSHOT[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then timing "pgloader" "${P_TIME[*]}"; fi
heading "fixed costs, $FIXED_RUNS run(s)" median best
timing "bin/lite2pg --help" "${F_HELP[*]}"
timing "bin/lite2pg status (finished run)" "${F_STATUS[*]}"
timing "cutover, already completed" "${F_DONE[*]}"
heading "CPU seconds (user + sys)" median best
timing "lite2pg (the JVM only)" "${L_CPU[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then timing "pgloader" "${P_CPU[*]}"; fi
heading "peak RSS, MiB" median max
memory "lite2pg" "${L_RSS[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then memory "pgloader" "${P_RSS[*]}"; fi

M_READY=$(echo "${C_TOTAL[*]}" | median)
M_WHOLE=$(echo "${L_TIME[*]}" | median)
M_NO_VALIDATION=$(echo "${L_NO_VALIDATION[*]}" | median)
M_PGLOADER=$(echo "${P_TIME[*]:-}" | median)
echo
echo "lite2pg / reference with export:  $(ratio "$M_NO_VALIDATION" "$(echo "${R_TOTAL[*]}" | median)")x without validation, $(ratio "$M_WHOLE" "$(echo "${R_TOTAL[*]}" | median)")x whole (medians)"
echo "lite2pg / ready CSV, best rounds: $(ratio "$(echo "${L_NO_VALIDATION[*]}" | least)" "$(echo "${C_TOTAL[*]}" | least)")x without validation, $(ratio "$(echo "${L_TIME[*]}" | least)" "$(echo "${C_TOTAL[*]}" | least)")x whole"

# --- the small database: what an operator with a small app waits for -------------------------------------------
declare -a S_TIME S_NO_VALIDATION S_RSS S_P_TIME
if [ "$RUN_SMALL" = yes ]; then
    use_source "$SMALL_SOURCE"
    SMALL_MIB=$SOURCE_MIB
    echo
    echo "small database: scale $(scale_name "$SMALL_SCALE"), seed $SEED: $(describe_source)"
    for round in $(seq 1 "$ROUNDS"); do
        run_lite2pg "small-round$round"
        S_TIME+=("$LITE2PG_TIME"); S_NO_VALIDATION+=("$NO_VALIDATION"); S_RSS+=("$LITE2PG_RSS")
        echo "small round $round: lite2pg ${LITE2PG_TIME}s (without validation ${NO_VALIDATION}s), peak RSS ${LITE2PG_RSS} MiB, exit 0, row counts match"
        echo "         steps: $PROFILE"
        if [ "$HAVE_PGLOADER" = yes ]; then
            run_pgloader "small-round$round"
            S_P_TIME+=("$PGLOADER_TIME")
            echo "small round $round: pgloader ${PGLOADER_TIME}s, row counts match"
        fi
        if [ "$round" = 1 ]; then
            # shellcheck disable=SC2046 # no pgloader schema when it is not installed
            compare_content "small, round 1" "$LITE2PG_SCHEMA" $(pgloader_schema)
        fi
    done
    heading "small database, $ROUNDS round(s)" median best
    timing "lite2pg cutover, whole command" "${S_TIME[*]}"
    timing "lite2pg without validation" "${S_NO_VALIDATION[*]}"
    if [ "$HAVE_PGLOADER" = yes ]; then timing "pgloader" "${S_P_TIME[*]}"; fi
fi

# --- linearity: one cutover per scale, the time per million rows of each ---------------------------------------
declare -a LIN_PER_MILLION
if [ "$LINEARITY" = yes ]; then
    echo
    echo "linearity: one lite2pg cutover at each of scales $LINEARITY_SCALES"
    printf '  %-8s %10s %9s %9s %20s %20s\n' scale rows MiB seconds "s/M rows (whole)" "s/M rows (in steps)"
    for s in $LINEARITY_SCALES; do
        use_source "$(source_file "$s")"
        run_lite2pg "linearity-scale$(scale_name "$s")"
        LIN_PER_MILLION+=("$(awk -v t="$LITE2PG_TIME" -v n="$TOTAL_ROWS" 'BEGIN { printf "%.2f", t * 1e6 / n }')")
        printf '  %-8s %10s %9s %9s %20s %20s\n' "$(scale_name "$s")" "$TOTAL_ROWS" "$SOURCE_MIB" "$LITE2PG_TIME" \
            "${LIN_PER_MILLION[-1]}" "$(awk -v t="$STEPS_SUM" -v n="$TOTAL_ROWS" 'BEGIN { printf "%.2f", t * 1e6 / n }')"
    done
fi

# --- the catch-up: a live cutover, the app's changes, then the freeze window, against a one-phase cutover ---------
# One round on a fresh copy of the --scale file: cutover --live of the copy into the job's schema (A), the app's
# changes to the copy, catch-up of the copy into A (the window), and a one-phase cutover of the changed copy into
# CATCHUP_REF_SCHEMA (B). Each lite2pg command after a CHECKPOINT, so none pays for the dirty pages of the one before.
# Sets CU_LIVE, CU_CHANGES, CU_WINDOW (with CU_WINDOW_RSS, _CPU, _TIMELINE) and CU_ONE_PHASE, in seconds.
CATCHUP_FILE=$WORK/catchup-scale$(scale_name "$SCALE")-seed$SEED.sqlite
run_catch_up() {
    local label=catchup-round$1 start changes=$WORK/catchup-round$1-changes.out
    fresh_schema "$LITE2PG_SCHEMA, $CATCHUP_REF_SCHEMA, $LITE2PG_REPOSITORY"
    rm -f "$CATCHUP_FILE" "$CATCHUP_FILE-journal" "$CATCHUP_FILE-wal" "$CATCHUP_FILE-shm"
    cp "$MAIN_SOURCE" "$CATCHUP_FILE"
    use_source "$CATCHUP_FILE"
    lite2pg_command "$label-live" "$LITE2PG_SCHEMA" cutover --live
    CU_LIVE=$LITE2PG_TIME

    start=$(now)
    java -jar "$JAR" generate-benchmark --in "$CATCHUP_FILE" --change-percent "$CHANGE_PERCENT" --seed "$SEED" \
        > "$changes" 2>&1 || { cat "$changes" >&2; fail "generate-benchmark --in $CATCHUP_FILE failed ($label)"; }
    CU_CHANGES=$(seconds_since "$start")
    CU_CHANGED_ROWS=$(sed -n 's/.*changed \([0-9]*\) rows.*/\1/p' "$changes")
    use_source "$CATCHUP_FILE"                             # the final file: the counts both targets must hold

    sql "checkpoint" >/dev/null
    lite2pg_command "$label-window" "$LITE2PG_SCHEMA" catch-up
    CU_WINDOW=$LITE2PG_TIME; CU_WINDOW_RSS=$LITE2PG_RSS; CU_WINDOW_CPU=$LITE2PG_CPU
    # Where the window goes: each console line with the seconds since the command started (JVM start, snapshot and
    # diff, the transaction, the validation), cut to a line's width.
    CU_TIMELINE=$(awk -v a="$LITE2PG_START" '{ line = substr($0, index($0, " ") + 1)
        if (length(line) > 100) line = substr(line, 1, 97) "..."
        printf "           +%6.2fs  %s\n", $1 - a, line }' "$LITE2PG_OUT")
    # The catch-up keeps its snapshot as the next one's base; dropping the job repository ends that run, so the
    # snapshot it named goes too (450 MiB at scale 1).
    local base
    base=$(sed -n 's/.*\[catch-up\] snapshot \([^ ]*\) (sha256.*/\1/p' "$LITE2PG_OUT" | head -1)
    if [[ $base == "$ROOT"/runs/* ]]; then rm -f "$base"; fi

    sql "checkpoint" >/dev/null
    lite2pg_command "$label-one-phase" "$CATCHUP_REF_SCHEMA" cutover --target-schema "$CATCHUP_REF_SCHEMA"
    CU_ONE_PHASE=$LITE2PG_TIME
}

declare -a CU_LIVE_T CU_CHANGES_T CU_WINDOW_T CU_ONE_PHASE_T CU_RATIO_T CU_RSS_T
CATCHUP_DIFFERS=no
if [ "$CATCH_UP" = yes ]; then
    echo
    echo "catch-up: scale $SCALE_NAME, seed $SEED, ${CHANGE_PERCENT}% of each table's rows changed after the live cutover (a third each inserted, updated, deleted)"
    for round in $(seq 1 "$ROUNDS"); do
        run_catch_up "$round"
        CU_LIVE_T+=("$CU_LIVE"); CU_CHANGES_T+=("$CU_CHANGES"); CU_WINDOW_T+=("$CU_WINDOW")
        CU_ONE_PHASE_T+=("$CU_ONE_PHASE"); CU_RSS_T+=("$CU_WINDOW_RSS"); CU_RATIO_T+=("$(ratio "$CU_WINDOW" "$CU_ONE_PHASE")")
        echo "catch-up round $round: cutover --live ${CU_LIVE}s (not the window); app's changes ${CU_CHANGES}s (${CU_CHANGED_ROWS:-?} rows, not the window)"
        echo "         catch-up ${CU_WINDOW}s: THE WINDOW (CPU ${CU_WINDOW_CPU}s, peak RSS ${CU_WINDOW_RSS} MiB), exit 0, row counts match"
        echo "         one-phase cutover of the final file ${CU_ONE_PHASE}s; window / one-phase ${CU_RATIO_T[-1]}"
        echo "         catch-up console, seconds since its start:"
        echo "$CU_TIMELINE"
        if [ "$round" = 1 ]; then
            differences=${#CONTENT_DIFFERS[@]}
            compare_content "catch-up, round 1: one-phase cutover of the final file, then the catch-up's target" \
                "$CATCHUP_REF_SCHEMA" "$LITE2PG_SCHEMA"
            if [ ${#CONTENT_DIFFERS[@]} -gt "$differences" ]; then CATCHUP_DIFFERS=yes; fi
        fi
    done
    rm -f "$CATCHUP_FILE" "$CATCHUP_FILE-journal"
    heading "catch-up, $ROUNDS round(s)" median best
    timing "cutover --live (not the window)" "${CU_LIVE_T[*]}"
    timing "app's changes (not the window)" "${CU_CHANGES_T[*]}"
    timing "catch-up: THE WINDOW" "${CU_WINDOW_T[*]}"
    timing "one-phase cutover, final file" "${CU_ONE_PHASE_T[*]}"
    memory "catch-up peak RSS, MiB" "${CU_RSS_T[*]}"
    M_WINDOW=$(echo "${CU_WINDOW_T[*]}" | median)
    M_ONE_PHASE=$(echo "${CU_ONE_PHASE_T[*]}" | median)
    CU_RATIO=$(ratio "$M_WINDOW" "$M_ONE_PHASE")
    echo "catch-up window / one-phase cutover = $CU_RATIO (goal <= 0.10), medians"
fi

# --- the goals --------------------------------------------------------------------------------------------------
# judge VALUE OP LIMIT: met, NOT met, or not measured (a value of "-").
judge() {
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
        if (v == "-" || v == "") { print "not measured"; exit }
        ok = op == "<=" ? v + 0 <= l + 0 : v + 0 >= l + 0
        print ok ? "met" : "NOT met" }'
}
goal() { printf '  %-58s %-40s %s\n' "$1" "$2" "$3"; }
unit() { if [ "$1" = - ]; then echo "-"; else echo "$1$2"; fi; }

R1=$(ratio "$M_NO_VALIDATION" "$M_READY")
R2=$(ratio "$M_WHOLE" "$M_READY")
R3=$(ratio "$M_PGLOADER" "$M_WHOLE")
echo
echo "goals (issue 14$([ "$CATCH_UP" = yes ] && echo "; catch-up: issue 17")), medians of this run; ready CSV ${M_READY} s, lite2pg ${M_WHOLE} s whole, ${M_NO_VALIDATION} s without validation:"
goal "cutover without validation <= 1.2x ready CSV" "$(unit "$R1" x)" "$(judge "$R1" "<=" 1.2)"
goal "whole cutover (validation included) <= 1.7x ready CSV" "$(unit "$R2" x)" "$(judge "$R2" "<=" 1.7)"
goal "pgloader / whole cutover >= 2x" \
    "$(if [ "$HAVE_PGLOADER" = yes ]; then echo "${R3}x (pgloader ${M_PGLOADER} s)"; else echo "- (pgloader not installed)"; fi)" \
    "$(judge "$R3" ">=" 2)"
if [ "$RUN_SMALL" = yes ] && [ "$HAVE_PGLOADER" = yes ]; then
    S_LITE=$(echo "${S_TIME[*]}" | median)
    S_PGL=$(echo "${S_P_TIME[*]}" | median)
    goal "small database ($SMALL_MIB MiB): whole cutover <= pgloader" "${S_LITE} s vs ${S_PGL} s ($(ratio "$S_LITE" "$S_PGL")x)" \
        "$(judge "$(ratio "$S_LITE" "$S_PGL")" "<=" 1)"
else
    goal "small database: whole cutover <= pgloader" \
        "- ($([ "$RUN_SMALL" = yes ] && echo "pgloader not installed" || echo "--small-scale 0"))" "not measured"
fi
M_HELP=$(echo "${F_HELP[*]}" | median)
M_STATUS=$(echo "${F_STATUS[*]}" | median)
M_DONE=$(echo "${F_DONE[*]}" | median)
goal "bin/lite2pg --help <= 1.5 s" "$M_HELP s" "$(judge "$M_HELP" "<=" 1.5)"
goal "status of the finished run <= 1.5 s" "$M_STATUS s" "$(judge "$M_STATUS" "<=" 1.5)"
goal "cutover, already completed <= 1.5 s" \
    "$M_DONE s$([ "$ALREADY_COMPLETED_SAID" = yes ] || echo " (it never said 'already completed')")" \
    "$(judge "$M_DONE" "<=" 1.5)"
ALL_RSS="${L_RSS[*]} ${S_RSS[*]:-}"
MAX_RSS=$(echo "$ALL_RSS" | most)
if [ -z "${LITE2PG_JAVA_OPTS:-}" ]; then
    goal "peak RSS <= 512 MiB with the launcher's defaults" "$MAX_RSS MiB (largest of every cutover)" \
        "$(judge "$MAX_RSS" "<=" 512)"
else
    goal "peak RSS <= 512 MiB with the launcher's defaults" "$MAX_RSS MiB, but with LITE2PG_JAVA_OPTS set" "not measured"
fi
M_SHARE=$(echo "${L_VALIDATE_SHARE[*]}" | median)
goal "validation <= 0.5x the copy step" "$(unit "$M_SHARE" x)" "$(judge "$M_SHARE" "<=" 0.5)"
if [ "$LINEARITY" = yes ]; then
    LIN_SPREAD=$(ratio "$(echo "${LIN_PER_MILLION[*]}" | most)" "$(echo "${LIN_PER_MILLION[*]}" | least)")
    goal "linearity: s per million rows within 15% ($LINEARITY_SCALES)" \
        "${LIN_PER_MILLION[*]} s/M: max/min ${LIN_SPREAD}x" "$(judge "$LIN_SPREAD" "<=" 1.15)"
else
    goal "linearity: s per million rows within 15% (0.1, 1, 3)" "- (run with --linearity)" "not measured"
fi
if [ "$CATCH_UP" = yes ]; then
    goal "catch-up window / one-phase cutover <= 0.10 (${CHANGE_PERCENT}%)" \
        "${CU_RATIO}x (${M_WINDOW} s / ${M_ONE_PHASE} s)" "$(judge "$CU_RATIO" "<=" 0.10)"
    if [ "$CATCHUP_DIFFERS" = no ]; then
        goal "catch-up target equals a one-phase cutover (md5)" "identical" "met"
    else
        goal "catch-up target equals a one-phase cutover (md5)" "DIFFERS" "NOT met"
    fi
else
    goal "catch-up window / one-phase cutover <= 0.10" "- (run with --catch-up)" "not measured"
fi
if [ ${#CONTENT_DIFFERS[@]} -eq 0 ]; then
    goal "every target holds the same rows (md5, round 1)" "identical" "met"
else
    goal "every target holds the same rows (md5, round 1)" "DIFFERS: ${CONTENT_DIFFERS[*]}" "NOT met"
fi
echo "(scale $SCALE_NAME: $MAIN_ROWS rows, $MAIN_MIB MiB; $ROUNDS round(s); load average at end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "results saved in ${RESULTS#"$ROOT"/}"

if [ "${BENCH_KEEP:-0}" != 1 ]; then
    sql "drop schema if exists $LITE2PG_SCHEMA, $LITE2PG_REPOSITORY, $REF_SCHEMA, $READY_SCHEMA, $PGLOADER_SCHEMA, $CATCHUP_REF_SCHEMA cascade" >/dev/null
fi
if [ ${#CONTENT_DIFFERS[@]} -gt 0 ]; then
    fail "the targets differ in content: ${CONTENT_DIFFERS[*]}"
fi
