#!/usr/bin/env bash
# Test benchmark for Quarry on embedded DuckDB: generates a project of M table models with N generic data tests and
# U unit tests, builds the models once (`quarry run`), then times `quarry test -s test_type:data` and
# `quarry test -s test_type:unit`, and, once, `quarry build` of the whole project on a fresh database.
#
# usage: bench/test-benchmark.sh [--models M] [--data-tests N] [--unit-tests U] [--runs R] [--threads T] [--keep]
#                                [--project-dir DIR]
#
#   --models M         table models of ~100 rows each (default 500); every other one reads one or two of the others
#   --data-tests N     generic data tests in total, spread over the models (default 5000, at most 16 per model)
#   --unit-tests U     unit tests, on the models that read others (default 200)
#   --runs R           timed runs of each `test`, after one untimed warm-up run (default 5)
#   --threads T        pass --threads T to every command (default: the profile's threads, 4)
#   --keep             keep the generated project (it is deleted on exit otherwise)
#   --project-dir DIR  generate into DIR (must be absent or empty) instead of a temp directory; implies --keep
#
# Environment:
#   QUARRY_BIN         the launcher to time (default: the `quarry` launcher of the repository this script is in)
#   QUARRY_JAVA_OPTS   extra JVM options for the launcher
#   JAVA               the java that runs bench/TestResultsStats.java (default: java)
#
# Every run must exit 0 and its target/run_results.json must list exactly N passing data tests (or U passing unit
# tests; for `build`, also M successful models), else the script stops with exit code 1. The Markdown tables go to
# stdout; progress goes to stderr. Every timing is the wall time of one launcher process, JVM start included.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="test-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

models=500
data_tests=5000
unit_tests=200
runs=5
threads=""
keep=0
proj=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --data-tests) [[ $# -ge 2 ]] || die "--data-tests needs a value"; data_tests="$2"; shift 2 ;;
    --unit-tests) [[ $# -ge 2 ]] || die "--unit-tests needs a value"; unit_tests="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --threads) [[ $# -ge 2 ]] || die "--threads needs a value"; threads="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --project-dir) [[ $# -ge 2 ]] || die "--project-dir needs a value"; proj="$2"; keep=1; shift 2 ;;
    -h|--help) usage_lines 6 21; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --models "$models"
need_positive_int --data-tests "$data_tests"
need_positive_int --unit-tests "$unit_tests"
need_positive_int --runs "$runs"
if [[ -n "$threads" ]]; then need_positive_int --threads "$threads"; fi
[[ "$models" -ge 2 ]] || die "--models must be at least 2 (unit tests need a model that reads another)"
# the 16 kinds of test below, at most one of each per model
[[ "$data_tests" -le $((16 * models)) ]] || die "--data-tests must be at most 16 per model ($((16 * models)))"
need_launcher
# reported on the machine line: other jobs on a 2-core machine skew every number
load_before="$(load_average)"

make_work_dir

# ---- generate the project (once) -------------------------------------------------------------
# Models m_0001 … m_M, all tables with the columns id (1…rows), category (a–d), amount (≥ 0), event_date (in 2024)
# and parent_id (1…50):
#   odd k:  a base model, `select … from range(rows)` with rows = 90…110;
#   even k: reads the base model k-1, and also k-3 when k is a multiple of 4 (then it is a left join on id).
# Data tests: model k gets N/M of them (the first N mod M models one more), taken in this order from the list below,
# so that the default 10 per model cover every built-in kind. All of them pass.
# Unit tests: the i-th goes to the ((i-1) mod D)+1-th model that reads others (D = M/2 of them).
[[ ! -e "$proj" || -z "$(ls -A "$proj")" ]] || die "$proj is not empty"
mkdir -p "$proj/models"
proj="$(cd "$proj" && pwd)"
log "generating $models models, $data_tests data tests and $unit_tests unit tests into $proj"

name_of() { printf 'm_%04d' "$1"; }
base_rows() { echo $((90 + (($1 * 7) % 21))); }
# The base model another one's parent_id refers to: its own parent, else the next base model (or the previous one)
relationship_target() {
  local k="$1"
  if ((k % 2 == 0)); then echo $((k - 1))
  elif ((k + 2 <= models)); then echo $((k + 2))
  elif ((k > 2)); then echo $((k - 2))
  else echo "$k"
  fi
}

# The data tests, in the order models get them: "column|test" (column '-' is a model-level test). @TARGET@ is
# replaced by the relationship target.
tests=(
  "id|unique"
  "id|not_null"
  "category|accepted_values: {values: [a, b, c, d]}"
  "parent_id|relationships: {to: \"ref('@TARGET@')\", field: id}"
  "amount|accepted_range: {min: 0}"
  "-|not_empty"
  "-|unique_combination_of_columns: {combination_of_columns: [id, category]}"
  "amount|expression_is_true: {expression: \">= 0\"}"
  "category|not_null"
  "event_date|accepted_range: {min: \"'2024-01-01'\", max: \"'2024-12-31'\"}"
  "event_date|not_null"
  "parent_id|not_null"
  "amount|not_null"
  "parent_id|accepted_range: {min: 1, max: 50}"
  "-|expression_is_true: {expression: \"id >= 1 and parent_id <= 50\"}"
  "id|accepted_range: {min: 1, inclusive: true}"
)
columns=("id|bigint" "category|varchar" "amount|double" "event_date|date" "parent_id|bigint")

cat >"$proj/quarry_project.yml" <<'EOF'
name: testbench
profile: testbench
model-paths: [models]
models:
  testbench:
    +materialized: table
EOF
cat >"$proj/profiles.yml" <<'EOF'
testbench:
  target: dev
  outputs:
    dev: {type: duckdb, path: target/bench.duckdb, schema: main, threads: 4}
EOF

per_model=$((data_tests / models))
extra=$((data_tests % models))
yaml=""
for ((k = 1; k <= models; k++)); do
  name="$(name_of "$k")"
  # the model
  if ((k % 2 == 1)); then
    cat >"$proj/models/$name.sql" <<EOF
-- base model: $(base_rows "$k") generated rows
select i + 1 as id,
       ['a', 'b', 'c', 'd'][i % 4 + 1] as category,
       cast((i * 37 + $k) % 1000 as double) / 10 as amount,
       date '2024-01-01' + cast(i as integer) as event_date,
       i % 50 + 1 as parent_id
from range($(base_rows "$k")) as t(i)
EOF
  elif ((k % 4 == 0)); then
    cat >"$proj/models/$name.sql" <<EOF
-- reads two models: amounts added up by id
select a.id, a.category, a.amount + coalesce(b.amount, 0) as amount, a.event_date, a.parent_id
from \${ref('$(name_of $((k - 1)))')} as a
left join \${ref('$(name_of $((k - 3)))')} as b on b.id = a.id
EOF
  else
    cat >"$proj/models/$name.sql" <<EOF
-- reads one model: category d left out, amounts doubled
select id, category, amount * 2 as amount, event_date, parent_id
from \${ref('$(name_of $((k - 1)))')}
where category <> 'd'
EOF
  fi
  # its properties: the first `count` tests of the list, grouped by column
  count=$((per_model + (k <= extra ? 1 : 0)))
  target="$(name_of "$(relationship_target "$k")")"
  yaml+="  - name: $name"$'\n'
  model_tests=""
  for ((t = 0; t < count; t++)); do
    if [[ "${tests[t]}" == "-|"* ]]; then model_tests+="      - ${tests[t]#-|}"$'\n'; fi
  done
  if [[ -n "$model_tests" ]]; then yaml+="    data_tests:"$'\n'"$model_tests"; fi
  yaml+="    columns:"$'\n'
  for column in "${columns[@]}"; do
    yaml+="      - name: ${column%%|*}"$'\n'"        data_type: ${column#*|}"$'\n'
    column_tests=""
    for ((t = 0; t < count; t++)); do
      if [[ "${tests[t]}" == "${column%%|*}|"* ]]; then
        column_tests+="          - ${tests[t]#*|}"$'\n'
      fi
    done
    if [[ -n "$column_tests" ]]; then yaml+="        data_tests:"$'\n'"${column_tests//@TARGET@/$target}"; fi
  done
  # one properties file per 100 models
  if ((k % 100 == 0 || k == models)); then
    printf 'version: 2\n\nmodels:\n%s' "$yaml" >"$proj/models/_models_$(printf '%03d' $(((k - 1) / 100))).yml"
    yaml=""
  fi
done

# Unit tests: fixture rows for every model the tested one reads, and the rows it must return (every expected row
# names the same columns: the columns compared are those of all expected rows, and a column a row leaves out is
# expected to be null). The values change from test to test.
readers=$((models / 2))
yaml="version: 2"$'\n\n'"unit_tests:"$'\n'
for ((u = 1; u <= unit_tests; u++)); do
  k=$((2 * ((u - 1) % readers + 1)))
  a=$((u % 90 + 1)) # whole amounts, so that the expected sums and doubles are exact
  yaml+="  - name: ut_$(printf '%04d' "$u")"$'\n'"    model: $(name_of "$k")"$'\n'"    given:"$'\n'
  yaml+="      - input: ref('$(name_of $((k - 1)))')"$'\n'"        rows:"$'\n'
  yaml+="          - {id: 1, category: a, amount: $a.5, event_date: '2024-02-01', parent_id: 1}"$'\n'
  yaml+="          - {id: 2, category: d, amount: $((a + 1)), event_date: '2024-02-02', parent_id: 1}"$'\n'
  yaml+="          - {id: 3, category: b, amount: $((a + 2)).25, event_date: '2024-02-03', parent_id: 2}"$'\n'
  if ((k % 4 == 0)); then
    yaml+="      - input: ref('$(name_of $((k - 3)))')"$'\n'"        rows:"$'\n'
    yaml+="          - {id: 1, amount: 10}"$'\n'"          - {id: 3, amount: 0.5}"$'\n'"          - {id: 9, amount: 99}"$'\n'
    yaml+="    expect:"$'\n'"      rows:"$'\n'
    yaml+="        - {id: 1, category: a, amount: $((a + 10)).5, event_date: '2024-02-01'}"$'\n'
    yaml+="        - {id: 2, category: d, amount: $((a + 1)), event_date: '2024-02-02'}"$'\n'
    yaml+="        - {id: 3, category: b, amount: $((a + 2)).75, event_date: '2024-02-03'}"$'\n'
  else
    yaml+="    expect:"$'\n'"      rows:"$'\n'
    yaml+="        - {id: 1, category: a, amount: $((2 * a + 1)), event_date: '2024-02-01'}"$'\n'
    yaml+="        - {id: 3, category: b, amount: $((2 * a + 4)).5, event_date: '2024-02-03'}"$'\n'
  fi
done
printf '%s' "$yaml" >"$proj/models/_unit_tests.yml"

# ---- measuring -------------------------------------------------------------------------------
thread_args=()
if [[ -n "$threads" ]]; then thread_args=(--threads "$threads"); fi
database="$proj/target/bench.duckdb"
# TestResultsStats, compiled once rather than from source on every check
mkdir -p "$work/classes"
javac_cmd="$(dirname "$(readlink -f "$(command -v "$java_cmd")")")/javac"
if [[ -x "$javac_cmd" ]]; then
  "$javac_cmd" -d "$work/classes" "$script_dir/TestResultsStats.java"
  results_stats=("$java_cmd" -cp "$work/classes" TestResultsStats)
else
  results_stats=("$java_cmd" "$script_dir/TestResultsStats.java")
fi

# check LABEL KIND: checks the last run's run_results.json (KIND: data, unit or build) and keeps its per-node figures
check() {
  local label="$1" kind="$2" line
  local -a expect
  case "$kind" in
    data) expect=(--data "$data_tests" --unit 0 --models 0) ;;
    unit) expect=(--data 0 --unit "$unit_tests" --models 0) ;;
    build) expect=(--data "$data_tests" --unit "$unit_tests" --models "$models") ;;
  esac
  if ! line="$("${results_stats[@]}" "$proj/target/run_results.json" "${expect[@]}" 2>"$work/check.err")"; then
    echo "$bench_name: the $label run did not run what it should; run_results.json says:" >&2
    cat "$work/check.err" >&2
    exit 1
  fi
  echo "$line" >>"$work/$label.nodes"
}

run_test() { # LABEL KIND
  bench_exec "$work/$1.out" "$work/$1.out" "$quarry" --project-dir "$proj" test -s "test_type:$2" "${thread_args[@]}"
  check "$1" "$2"
}

log "building the launcher if needed, then the $models models (quarry run)"
bench_exec "$work/version.out" "$work/version.out" "$quarry" --version
bench_exec "$work/run.out" "$work/run.out" "$quarry" --project-dir "$proj" run "${thread_args[@]}"
record run
grep -q "PASS=$models " "$work/run.out" || die "quarry run did not build $models models (output in $work/run.out)"

log "warm-up (untimed): data tests, unit tests"
run_test warmup-data data
run_test warmup-unit unit

for ((i = 1; i <= runs; i++)); do
  log "run $i/$runs"
  bench_exec "$work/version.out" "$work/version.out" "$quarry" --version
  record version
  run_test data data
  record data
  run_test unit unit
  record unit
done

log "quarry build of the whole project, once, on a fresh database"
fresh_database "$database"
bench_exec "$work/build.out" "$work/build.out" "$quarry" --project-dir "$proj" build "${thread_args[@]}"
check build build
record build

# ---- report ----------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version); $models table models, $data_tests data tests, $unit_tests unit tests, threads ${threads:-4}; $runs runs (+1 warm-up); load average before $load_before; commit $(commit_rev), $(date -u +%Y-%m-%d)"
echo
if [[ -n "$time_bin" ]]; then
  echo "| metric | median ms | min | max | runs | peak RSS MB (max) | target ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
else
  echo "| metric | median ms | min | max | runs | target ms |"
  echo "|---|---:|---:|---:|---:|---:|"
fi
row() { # LABEL KEY [TARGET]
  local label="$1" key="$2" target="${3:-}" median min max count verdict=""
  read -r median min max count < <(stats "$work/$key.ms")
  if [[ -n "$target" ]]; then
    verdict="≤ $target (met)"
    if [[ "$median" -gt "$target" ]]; then verdict="≤ $target (MISSED)"; fi
  fi
  if [[ -n "$time_bin" ]]; then
    echo "| $label | $median | $min | $max | $count | $(($(max_of "$work/$key.rss") / 1024)) | $verdict |"
  else
    echo "| $label | $median | $min | $max | $count | $verdict |"
  fi
}
row "\`quarry test -s test_type:data\`, $data_tests data tests" data 10000
row "\`quarry test -s test_type:unit\`, $unit_tests unit tests" unit 5000
row '`quarry --version` (JVM start, for scale)' version
row "\`quarry run\`, $models table models (once, before the tests)" run
row "\`quarry build\`, fresh database: $models models + $data_tests data tests + $unit_tests unit tests (once)" build

# Per-node figures from run_results.json, median over the runs: the scheduler's elapsed time, the sum of the nodes'
# execution_time (over all threads) and a node's median and slowest execution_time.
field_median() { # FILE FIELD
  sed -E "s/(^|.* )$2=([0-9]+).*/\2/" "$1" | median
}
echo
echo "| from run_results.json (median over runs) | nodes | elapsed_time ms | sum of execution_time ms | node median ms | node max ms |"
echo "|---|---:|---:|---:|---:|---:|"
for key in data unit build; do
  file="$work/$key.nodes"
  echo "| \`$(case $key in data) echo 'test -s test_type:data' ;; unit) echo 'test -s test_type:unit' ;; build) echo build ;; esac)\` | $(field_median "$file" nodes) | $(field_median "$file" elapsed_ms) | $(field_median "$file" sum_ms) | $(sed -E 's/.*median_us=([0-9]+).*/\1/' "$file" | median | awk '{ printf "%.2f", $1 / 1000 }') | $(field_median "$file" max_ms) |"
done
