#!/usr/bin/env bash
# Seed-load benchmark for Quarry: generates a seed CSV once (bench/GenerateSeed.java: seven columns of every inferred
# type, some quoted values and nulls), then loads it into a fresh DuckDB database file through the seed loader and
# the DuckDB adapter (dev.quarry.seed.SeedLoadBenchmark in the framework's test classes), once per run, each run in a
# new JVM. Prints each run and the medians.
#
# usage: bench/seed-benchmark.sh [--rows N] [--runs R] [--no-build] [--keep]
#
#   --rows N     rows in the generated CSV (default 1000000)
#   --runs R     timed runs (default 3)
#   --no-build   use the classes already in framework/target instead of running `mvn test-compile` first
#   --keep       keep the work directory (CSV, databases) and print where it is
#
# Environment: JAVA (default: java), MVN (default: mvn), JAVA_OPTS (extra JVM options for the timed runs).
#
# "wall" includes JVM start, opening DuckDB (it unpacks its native library) and the load; "load" is
# SeedLoader.load alone: both reading passes, the bulk load into the staging table, and the rename into place.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="seed-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"
mvn_cmd="${MVN:-mvn}"

rows=1000000
runs=3
build=1
keep=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) [[ $# -ge 2 ]] || die "--rows needs a value"; rows="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage_lines 7 14; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --rows "$rows"
need_positive_int --runs "$runs"

work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-seed-bench.XXXXXX")"
cleanup() { if [[ "$keep" -eq 0 ]]; then rm -rf "$work"; else echo "kept $work" >&2; fi; }
trap cleanup EXIT

framework="$repo_dir/framework"
if [[ "$build" -eq 1 ]]; then
  echo "building the framework's classes..." >&2
  "$mvn_cmd" -B -q -o -f "$framework/pom.xml" test-compile >&2
fi
"$mvn_cmd" -B -q -o -f "$framework/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt" >&2
# A copy, so that a build running meanwhile cannot change the classes under the timed runs.
mkdir -p "$work/classes"
cp -r "$framework/target/classes" "$work/classes/main"
cp -r "$framework/target/test-classes" "$work/classes/test"
for class in main/dev/quarry/seed/SeedLoader.class test/dev/quarry/seed/SeedLoadBenchmark.class; do
  [[ -f "$work/classes/$class" ]] || die "missing $class: build the framework (mvn -o test-compile in framework/)"
done
classpath="$work/classes/main:$work/classes/test:$(cat "$work/classpath.txt")"

mkdir -p "$work/seeds"
csv="$work/seeds/incidents.csv"
echo "generating $rows rows..." >&2
"$java_cmd" "$script_dir/GenerateSeed.java" "$csv" "$rows"
echo "$(du -h "$csv" | cut -f1) CSV; $runs runs" >&2

walls=()
loads=()
echo "| run | wall (s) | load (s) | rows |"
echo "|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  database="$work/run-$run/warehouse.duckdb"
  mkdir -p "$(dirname "$database")"
  start=$(now_ns)
  # shellcheck disable=SC2086
  output="$("$java_cmd" ${JAVA_OPTS:-} -cp "$classpath" dev.quarry.seed.SeedLoadBenchmark "$csv" "$database" \
    2>"$work/stderr.txt")" || die "run $run failed: $(cat "$work/stderr.txt")"
  end=$(now_ns)
  wall_ms=$(( (end - start) / 1000000 ))
  load_ms="$(sed -n 's/.*load_ms=\([0-9]*\).*/\1/p' <<<"$output")"
  loaded="$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' <<<"$output")"
  [[ "$loaded" == "$rows" ]] || die "run $run loaded '$loaded' rows, expected $rows: $output"
  walls+=("$wall_ms")
  loads+=("$load_ms")
  printf '| %d | %s | %s | %s |\n' "$run" "$(seconds "$wall_ms")" "$(seconds "$load_ms")" "$loaded"
  rm -rf "$(dirname "$database")"
done

wall_median=$(printf '%s\n' "${walls[@]}" | median)
load_median=$(printf '%s\n' "${loads[@]}" | median)
printf '| median | %s | %s | |\n' "$(seconds "$wall_median")" "$(seconds "$load_median")"
