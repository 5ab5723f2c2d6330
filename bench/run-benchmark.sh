#!/usr/bin/env bash
# Measures `lite2pg cutover` against the plainest fast load a person could script by hand, and against pgloader.
#
#   bench/run-benchmark.sh [--pg URL] [--scale N] [--rounds N] [--seed N]
#
#   --pg URL     libpq URL of the PostgreSQL to load into (env BENCH_PG_URL,
#                default postgresql://postgres@127.0.0.1:5432/postgres); the password, if any, from PGPASSWORD
#   --scale N    size of the generated SQLite database: 1 = 1.5 million rows, about 450 MiB (env BENCH_SCALE, default 1)
#   --rounds N   rounds; medians are reported (env BENCH_ROUNDS, default 3)
#   --seed N     seed of the generated content (env BENCH_SEED, default 42)
#
# Other environment: LITE2PG_JAR (default target/lite2pg.jar, built when missing), LITE2PG_JAVA_OPTS (JVM options
# for the cutover), LITE2PG_JDBC_URL (when the jdbc: URL cannot be derived from --pg, e.g. a Unix socket),
# PGLOADER_WITH (pgloader's WITH clause, default "data only, reset sequences"), BENCH_KEEP=1 (keep the schemas).
#
# Each round runs, in this order, each into a fresh schema of the same database:
#   reference  sqlite3 CLI exports every table to CSV (epoch seconds turned into timestamps in the SELECT), psql
#              \copy loads them into bare tables (sql/benchmark/V1__schema.sql without keys and indexes), then the
#              primary keys, indexes and foreign keys are built and the sequences set. No checks, no restartability:
#              the floor of what moving these bytes costs on this machine.
#   lite2pg    bin/lite2pg cutover --job jobs/benchmark.yml, under /usr/bin/time -v for the peak RSS.
#   pgloader   if installed: pgloader into the schema prepared from the same migration (data only).
# Every load is checked (row counts per table equal the source's; lite2pg must also exit 0), and after round 1 the
# three targets are compared table by table (md5 of the rows), so a fast but wrong load cannot pass unnoticed.
# The SQLite file is generated once per scale and seed and cached in bench/work/ (delete it to regenerate).

set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=$ROOT/bench/work

PG_URL=${BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
SCALE=${BENCH_SCALE:-1}
ROUNDS=${BENCH_ROUNDS:-3}
SEED=${BENCH_SEED:-42}
JAR=${LITE2PG_JAR:-$ROOT/target/lite2pg.jar}
PGLOADER_WITH=${PGLOADER_WITH:-data only, reset sequences}

while [ $# -gt 0 ]; do
    case "$1" in
        --pg) PG_URL=$2; shift 2 ;;
        --scale) SCALE=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-benchmark: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

# Schemas: the application tables of each contender, and lite2pg's own job repository (jobs/benchmark.yml names it,
# so dropping it between rounds forgets only the benchmark's runs).
LITE2PG_SCHEMA=bench
LITE2PG_REPOSITORY=bench_lite2pg
REF_SCHEMA=bench_ref
PGLOADER_SCHEMA=bench_pgl
TABLES=(users strategies alerts orders)                    # parents first
# INTEGER epoch seconds in SQLite, timestamptz in PostgreSQL: COPY cannot convert them, so the reference's SELECT does.
EPOCH_COLUMNS=" strategies.updated_at alerts.triggered_at orders.placed_at orders.filled_at "

fail() { echo "run-benchmark: $*" >&2; exit 1; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) printf "%.2f\n", v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
median_int() { median | awk '$1 != "-" { printf "%.0f", $1 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
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
if command -v pgloader >/dev/null; then
    HAVE_PGLOADER=yes
    PGLOADER_VERSION=$(pgloader --version 2>&1 | sed -n 1p)   # sed reads it all: SBCL dies on a closed pipe
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
if [ "$PG_USER" != "$(awk '/^  user:/ { print $2 }' "$JOB")" ]; then
    sed "s/^  user: .*/  user: $PG_USER/" "$JOB" > "$WORK/benchmark-$PG_USER.yml"   # same job, another login
    JOB=$WORK/benchmark-$PG_USER.yml
fi

# --- the jar and the SQLite file --------------------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
    echo "run-benchmark: building $JAR (./mvnw -q package -DskipTests)"
    ./mvnw -q package -DskipTests
fi
SCALE_NAME=$(printf '%g' "$SCALE")                          # 1, 1.0 and 1.00 share one cached file
SOURCE=$WORK/benchmark-scale$SCALE_NAME-seed$SEED.sqlite
if [ ! -f "$SOURCE" ]; then
    java -jar "$JAR" generate-benchmark --out "$SOURCE" --scale "$SCALE" --seed "$SEED"
fi
declare -A SOURCE_ROWS COLUMNS
for t in "${TABLES[@]}"; do
    SOURCE_ROWS[$t]=$(sqlite3 "$SOURCE" "select count(*) from $t")
    COLUMNS[$t]=$(sqlite3 "$SOURCE" "select group_concat(name, ',') from pragma_table_info('$t')")
done
TOTAL_ROWS=$(IFS=+; echo "$(( ${SOURCE_ROWS[*]} ))")
SOURCE_MIB=$(awk -v b="$(stat -c %s "$SOURCE")" 'BEGIN { printf "%.1f", b / 1048576 }')

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

# --- (a) the reference ------------------------------------------------------------------------------------------
CSV=$WORK/csv
run_reference() {
    local start t select post
    rm -rf "$CSV" && mkdir -p "$CSV"
    fresh_schema "$REF_SCHEMA"
    start=$(now)

    for t in "${TABLES[@]}"; do
        select=$(echo "${COLUMNS[$t]}" | tr ',' '\n' | while read -r c; do
            if [[ $EPOCH_COLUMNS == *" $t.$c "* ]]; then echo "datetime($c, 'unixepoch') || '+00'"; else echo "$c"; fi
        done | paste -sd, -)
        sqlite3 -bail -csv "$SOURCE" "select $select from $t order by id" > "$CSV/$t.csv"
    done
    REF_EXPORT=$(seconds_since "$start")

    # The real schema, then its keys and indexes taken off (their definitions saved to put them back after the load).
    sql "create schema $REF_SCHEMA" >/dev/null
    psql_in "$REF_SCHEMA" -f sql/benchmark/V1__schema.sql
    post=$CSV/post-load.sql
    sql "select sql from (
           select 1 as step, format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid)) as sql
             from pg_constraint where connamespace = '$REF_SCHEMA'::regnamespace and contype in ('p', 'u')
           union all
           select 2, pg_get_indexdef(i.indexrelid) || ';' from pg_index i join pg_class c on c.oid = i.indexrelid
             where c.relnamespace = '$REF_SCHEMA'::regnamespace
               and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
           union all
           select 3, format('alter table %s add constraint %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
             from pg_constraint where connamespace = '$REF_SCHEMA'::regnamespace and contype = 'f') s order by step, sql" > "$post"
    sql "select sql from (
           select 1 as step, format('alter table %s drop constraint %I;', conrelid::regclass, conname) as sql
             from pg_constraint where connamespace = '$REF_SCHEMA'::regnamespace and contype = 'f'
           union all
           select 2, format('alter table %s drop constraint %I;', conrelid::regclass, conname)
             from pg_constraint where connamespace = '$REF_SCHEMA'::regnamespace and contype in ('p', 'u')
           union all
           select 3, format('drop index %s;', i.indexrelid::regclass) from pg_index i join pg_class c on c.oid = i.indexrelid
             where c.relnamespace = '$REF_SCHEMA'::regnamespace
               and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)) s order by step" \
        | psql_in "$REF_SCHEMA" -f -
    local load_start
    load_start=$(now)
    for t in "${TABLES[@]}"; do
        psql_in "$REF_SCHEMA" -c "\\copy $t (${COLUMNS[$t]}) from '$CSV/$t.csv' with (format csv)"
    done
    REF_COPY=$(seconds_since "$load_start")

    local constraints_start
    constraints_start=$(now)
    {
        cat "$post"
        # the sequences past the loaded ids, as lite2pg's sequences step does
        echo "select format('select setval(%L, max(id)) from %s', pg_get_serial_sequence(c.oid::regclass::text, 'id'), c.oid::regclass)
                from pg_class c where c.relnamespace = '$REF_SCHEMA'::regnamespace and c.relkind = 'r'
                 and pg_get_serial_sequence(c.oid::regclass::text, 'id') is not null \\gexec"
    } | psql_in "$REF_SCHEMA" -f - >/dev/null
    REF_CONSTRAINTS=$(seconds_since "$constraints_start")
    REF_TOTAL=$(seconds_since "$start")
    rm -rf "$CSV"
    check_counts "$REF_SCHEMA" || fail "the reference load lost rows"
}

# --- (b) lite2pg ------------------------------------------------------------------------------------------------
run_lite2pg() {
    local round=$1 start code out=$WORK/lite2pg-round$1.out rss=$WORK/lite2pg-round$1.time
    fresh_schema "$LITE2PG_SCHEMA, $LITE2PG_REPOSITORY"
    start=$(now)
    set +e
    # bin/lite2pg is the command operators run (its heap bound included); LITE2PG_JAVA_OPTS still overrides it.
    /usr/bin/time -v -o "$rss" env LITE2PG_JAR="$JAR" "$ROOT/bin/lite2pg" cutover --job "$JOB" \
        --source "$SOURCE" --target-url "$LITE2PG_JDBC_URL" 2>&1 | stamp_lines > "$out"
    code=${PIPESTATUS[0]}
    set -e
    LITE2PG_TIME=$(seconds_since "$start")
    LITE2PG_RSS=$(peak_rss "$rss")
    LITE2PG_CPU=$(cpu_seconds "$rss")
    if [ $code -ne 0 ]; then
        tail -20 "$out" >&2
        fail "lite2pg cutover exited $code in round $round (console in $out)"
    fi
    check_counts "$LITE2PG_SCHEMA" || fail "lite2pg's target does not hold the source's rows"
    # The run's log has Spring Batch's timing of every step: the profile. What comes before the first step, the
    # console's time stamps tell: the JVM's start (to the first line), then Spring's start and the snapshot of the
    # source (to the [snapshot] line).
    local report first snapshot
    report=$(sed -n 's/.*Report: \(.*report\.md\).*/\1/p' "$out")
    LITE2PG_LOG=$(dirname "$report")/lite2pg.log
    first=$(awk '$2 == "lite2pg" && $3 == "cutover:" { print $1; exit }' "$out")
    snapshot=$(awk '$2 == "[snapshot]" { print $1; exit }' "$out")
    LITE2PG_JVM=$(awk -v a="$start" -v b="$first" 'BEGIN { if (b) printf "%.2f", b - a; else print "-" }')
    LITE2PG_SNAPSHOT=$(awk -v a="$first" -v b="$snapshot" 'BEGIN { if (a && b) printf "%.2f", b - a; else print "-" }')
}

# Prefixes every line with the time it arrived (seconds since the epoch).
stamp_lines() { while IFS= read -r line; do printf '%s %s\n' "$(now)" "$line"; done; }

# Step name and seconds for every step in a run's log ("Step: [copy:alerts] executed in 1m13s323ms").
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

# --- (c) pgloader -----------------------------------------------------------------------------------------------
run_pgloader() {
    local round=$1 start code load=$WORK/pgloader.load out=$WORK/pgloader-round$1.out rss=$WORK/pgloader-round$1.time
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
    /usr/bin/time -v -o "$rss" pgloader --dynamic-space-size 4096 "$load" > "$out" 2>&1
    code=$?
    set -e
    PGLOADER_TIME=$(seconds_since "$start")
    PGLOADER_RSS=$(peak_rss "$rss")
    PGLOADER_CPU=$(cpu_seconds "$rss")
    [ $code -eq 0 ] || { tail -20 "$out" >&2; fail "pgloader exited $code in round $round (output in $out)"; }
    check_counts "$PGLOADER_SCHEMA" || fail "pgloader's target does not hold the source's rows (output in $out)"
}

# md5 of every table's rows in id order, per schema: equal digests mean equal content, value for value.
compare_content() {
    local t s digests expected line
    echo "content, md5 of each table's rows in id order (round 1):"
    for t in "${TABLES[@]}"; do
        line=$(printf '  %-11s' "$t")
        for s in "$LITE2PG_SCHEMA" "$REF_SCHEMA" $([ "$HAVE_PGLOADER" = yes ] && echo "$PGLOADER_SCHEMA"); do
            digests=$(sql "select md5(string_agg(md5(r::text), '' order by r.id)) from $s.$t r")
            line+="  $s ${digests:0:12}"
            if [ "$s" = "$LITE2PG_SCHEMA" ]; then expected=$digests; fi
            if [ "$digests" != "$expected" ]; then line+=" (DIFFERS)"; fi
        done
        echo "$line"
    done
}

# --- the rounds -------------------------------------------------------------------------------------------------
RESULTS=$WORK/results-$(date +%Y%m%d-%H%M%S).txt
exec > >(tee "$RESULTS") 2>&1

echo "lite2pg benchmark: scale $SCALE_NAME, seed $SEED: $TOTAL_ROWS rows ($(for t in "${TABLES[@]}"; do printf '%s %s, ' "$t" "${SOURCE_ROWS[$t]}"; done | sed 's/, $//')), $SOURCE_MIB MiB of SQLite"
echo "  machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM"
echo "  target: $(sql "select split_part(version(), ' on ', 1)") at $PG_URL; lite2pg $LITE2PG_JDBC_URL as $PG_USER"
echo "  server settings: $(sql "select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
    where name in ('shared_buffers', 'max_wal_size', 'maintenance_work_mem', 'synchronous_commit', 'wal_level')")"
echo "  load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
echo "  pgloader: ${PGLOADER_VERSION:-not installed (apt-get install -y pgloader): skipped}"
echo

declare -a R_TOTAL R_EXPORT R_COPY R_CONS L_TIME L_RSS L_CPU L_STEPS_SUM L_JVM L_SNAPSHOT L_NO_VALIDATION L_VALIDATE_SHARE P_TIME P_RSS P_CPU
declare -A STEPS
for round in $(seq 1 "$ROUNDS"); do
    run_reference
    R_TOTAL+=("$REF_TOTAL"); R_EXPORT+=("$REF_EXPORT"); R_COPY+=("$REF_COPY"); R_CONS+=("$REF_CONSTRAINTS")
    echo "round $round: reference ${REF_TOTAL}s (sqlite3 export ${REF_EXPORT}s, \\copy ${REF_COPY}s, keys+indexes ${REF_CONSTRAINTS}s)"

    run_lite2pg "$round"
    L_TIME+=("$LITE2PG_TIME"); L_RSS+=("$LITE2PG_RSS"); L_CPU+=("$LITE2PG_CPU")
    profile=""
    in_steps=0
    while read -r step secs; do
        STEPS[$step]+="$secs "
        profile+="$step ${secs}s, "
        if [[ $step != *:* ]]; then in_steps=$(awk -v a="$in_steps" -v b="$secs" 'BEGIN { print a + b }'); fi
    done < <(step_seconds "$LITE2PG_LOG")
    L_STEPS_SUM+=("$in_steps"); L_JVM+=("$LITE2PG_JVM"); L_SNAPSHOT+=("$LITE2PG_SNAPSHOT")
    # The goal times the cutover without its validation (validate + report), and validation against the copy.
    validation=$(step_seconds "$LITE2PG_LOG" | awk '$1 == "validate" || $1 == "report" { s += $2 } END { print s + 0 }')
    copy_secs=$(step_seconds "$LITE2PG_LOG" | awk '$1 == "copy" { print $2 }')
    L_NO_VALIDATION+=("$(awk -v w="$LITE2PG_TIME" -v v="$validation" 'BEGIN { printf "%.2f", w - v }')")
    L_VALIDATE_SHARE+=("$(awk -v v="$validation" -v c="${copy_secs:-0}" 'BEGIN { printf "%.2f", (c > 0 ? v / c : 0) }')")
    echo "round $round: lite2pg ${LITE2PG_TIME}s (CPU ${LITE2PG_CPU}s), peak RSS ${LITE2PG_RSS} MiB, exit 0, row counts match"
    echo "         steps: ${profile%, }"

    if [ "$HAVE_PGLOADER" = yes ]; then
        run_pgloader "$round"
        P_TIME+=("$PGLOADER_TIME"); P_RSS+=("$PGLOADER_RSS"); P_CPU+=("$PGLOADER_CPU")
        echo "round $round: pgloader ${PGLOADER_TIME}s (CPU ${PGLOADER_CPU}s), peak RSS ${PGLOADER_RSS} MiB, row counts match"
    fi
    if [ "$round" = 1 ]; then
        compare_content
    fi
done

# Summary lines: label, median, best (or largest, for memory) and every round's value.
values() { tr ' ' '\n' | grep -v '^$'; }
least() { values | sort -g | head -1 | awk '{ printf "%.2f", $1 }'; }
most() { values | sort -g | tail -1; }
timing() { printf '  %-34s %9s %9s  [%s]\n' "$1" "$(echo "$2" | median)" "$(echo "$2" | least)" "${2% }"; }
memory() { printf '  %-34s %9s %9s  [%s]\n' "$1" "$(echo "$2" | median_int)" "$(echo "$2" | most)" "${2% }"; }

echo
printf '  %-34s %9s %9s  %s\n' "seconds, $ROUNDS round(s)" median best rounds
timing "reference total" "${R_TOTAL[*]}"
timing "  sqlite3 CSV export" "${R_EXPORT[*]}"
timing "  psql \\copy into bare tables" "${R_COPY[*]}"
timing "  primary keys, indexes, FKs" "${R_CONS[*]}"
timing "lite2pg cutover" "${L_TIME[*]}"
timing "lite2pg without validate, report" "${L_NO_VALIDATION[*]}"
for step in preflight schema scan precheck plan copy "copy:users" "copy:strategies" "copy:alerts" "copy:orders" bad-rows quarantine constraints sequences validate report; do
    if [ -n "${STEPS[$step]:-}" ]; then timing "  $step" "${STEPS[$step]}"; fi
done
# What the steps do not account for: JVM and Spring start-up, the snapshot of the source (a copy by SQLite's
# online backup, and its sha256), the job repository's start, shutdown. The first two are shown below it.
OUTSIDE=()
for i in "${!L_TIME[@]}"; do
    OUTSIDE+=("$(awk -v w="${L_TIME[$i]}" -v s="${L_STEPS_SUM[$i]}" 'BEGIN { printf "%.2f", w - s }')")
done
timing "  outside the steps" "${OUTSIDE[*]}"
timing "    JVM start, to the first line" "${L_JVM[*]}"
timing "    Spring start, source snapshot" "${L_SNAPSHOT[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then timing "pgloader" "${P_TIME[*]}"; fi
printf '  %-34s %9s %9s  %s\n' "CPU seconds (user + sys)" median best rounds
timing "lite2pg (the JVM only)" "${L_CPU[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then timing "pgloader" "${P_CPU[*]}"; fi
printf '  %-34s %9s %9s  %s\n' "peak RSS, MiB" median max rounds
memory "lite2pg" "${L_RSS[*]}"
if [ "$HAVE_PGLOADER" = yes ]; then memory "pgloader" "${P_RSS[*]}"; fi

M_REF=$(echo "${R_TOTAL[*]}" | median)
M_LITE=$(echo "${L_NO_VALIDATION[*]}" | median)
echo
echo "(lite2pg below: the cutover without its validation, as the goal times it; with it: $(echo "${L_TIME[*]}" | median) s)"
echo "lite2pg / reference: $(ratio "$M_LITE" "$M_REF")x (medians; best rounds: $(ratio "$(echo "${L_NO_VALIDATION[*]}" | least)" "$(echo "${R_TOTAL[*]}" | least)")x)"
if [ "$HAVE_PGLOADER" = yes ]; then
    M_PGL=$(echo "${P_TIME[*]}" | median)
    echo "pgloader / lite2pg:  $(ratio "$M_PGL" "$M_LITE")x (medians; best rounds: $(ratio "$(echo "${P_TIME[*]}" | least)" "$(echo "${L_NO_VALIDATION[*]}" | least)")x)"
fi
echo "validation / copy:   $(echo "${L_VALIDATE_SHARE[*]}" | median) (median; the goal is at most 0.5)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "results saved in ${RESULTS#"$ROOT"/}"

if [ "${BENCH_KEEP:-0}" != 1 ]; then
    sql "drop schema if exists $LITE2PG_SCHEMA, $LITE2PG_REPOSITORY, $REF_SCHEMA, $PGLOADER_SCHEMA cascade" >/dev/null
fi
