#!/usr/bin/env bash
# Build benchmark for the SF Crime Stats project on DuckDB, in a copy of the project in a scratch folder:
#   1. a full `quarry build` on N synthetic demo rows (--vars demo_rows), fresh warehouse each run;
#   2. the same project on landed data: N generated rows ingested from the Socrata imitation (untimed), one full build,
#      then per run a day's increment (--increment new report rows, bench/MakeIncrement.java, landed with
#      `quarry ingest --from-file`, untimed) and a timed `quarry build`: staging and the fact take only the new rows.
# Every build runs everything: seeds, models, data tests and unit tests, with --no-docs: after each daily build, the
# docs site and dashboard are written by a separately timed `quarry docs generate` (what `build` does without the flag).
#
# usage: bench/build-benchmark.sh [--rows N] [--increment N] [--runs R] [--no-build] [--keep]
#
#   --rows N        rows (default 1000000)
#   --increment N   new rows per daily run (default 500)
#   --runs R        timed runs of each (default 3)
#   --no-build      use the classes already built instead of running `mvn test-compile` first
#   --keep          keep the work directory and print where it is
#
# Environment: JAVA (default: java), MVN (default: mvn).
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="build-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

rows=1000000
increment=500
runs=3
build=1
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) [[ $# -ge 2 ]] || die "--rows needs a value"; rows="$2"; shift 2 ;;
    --increment) [[ $# -ge 2 ]] || die "--increment needs a value"; increment="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage_lines 10 18; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --rows "$rows"
need_positive_int --increment "$increment"
need_positive_int --runs "$runs"

work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-build-bench.XXXXXX")"
cleanup() {
  stop_fake_socrata
  if [[ "$keep" -eq 0 ]]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

if [[ "$build" -eq 1 ]]; then build_project_classes; fi
need_launcher
classpath="$(project_classpath)"

project="$work/project"
mkdir -p "$project"
cp "$repo_dir/quarry_project.yml" "$repo_dir/profiles.yml" "$project/"
for folder in models macros seeds tests; do
  if [[ -d "$repo_dir/$folder" ]]; then cp -r "$repo_dir/$folder" "$project/"; fi
done

echo "| build | run | wall (s) | nodes |"
echo "|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  fresh_database "$project/target/warehouse.duckdb"
  bench_exec "$work/demo-$run.out" "$work/demo-$run.out" "$quarry" --project-dir "$project" build \
    --no-docs --vars "{demo_rows: $rows}"
  record demo
  printf '| full, %d demo rows | %d | %s | %s |\n' "$rows" "$run" "$(seconds "$bench_ms")" \
    "$(sed -n 's/.*Completed: \(.*\)/\1/p' "$work/demo-$run.out")"
done

start_fake_socrata "$classpath" "$rows"
url="$fake_url"
echo "ingesting $rows rows from $url (untimed)..." >&2
bench_exec "$work/ingest.out" "$work/ingest.out" env SFPD_SOCRATA_URL="$url" "$quarry" --project-dir "$project" ingest
fresh_database "$project/target/warehouse.duckdb"
bench_exec "$work/landed.out" "$work/landed.out" "$quarry" --project-dir "$project" build --no-docs
printf '| full, %d landed rows | 1 | %s | %s |\n' "$rows" "$(seconds "$bench_ms")" \
  "$(sed -n 's/.*Completed: \(.*\)/\1/p' "$work/landed.out")"

duckdb_jar="$(tr ':' '\n' <"$work/classpath.txt" | grep duckdb_jdbc | head -n 1)"
for run in $(seq 1 "$runs"); do
  "$java_cmd" -cp "$duckdb_jar" "$script_dir/MakeIncrement.java" \
    "$project/data/landing/sfpd/incidents/**/*.parquet" "$work/increment-$run.csv" "$increment" "$run"
  bench_exec "$work/increment-ingest-$run.out" "$work/increment-ingest-$run.out" "$quarry" --project-dir "$project" \
    ingest --from-file "$work/increment-$run.csv"
  bench_exec "$work/daily-$run.out" "$work/daily-$run.out" "$quarry" --project-dir "$project" build --no-docs
  record daily
  printf '| daily, +%d rows on %d | %d | %s | %s |\n' "$increment" "$rows" "$run" "$(seconds "$bench_ms")" \
    "$(sed -n 's/.*Completed: \(.*\)/\1/p' "$work/daily-$run.out")"
  bench_exec "$work/site-$run.out" "$work/site-$run.out" "$quarry" --project-dir "$project" docs generate
  record site
  printf '| docs site + dashboard after it | %d | %s | |\n' "$run" "$(seconds "$bench_ms")"
done

read -r demo_median demo_min demo_max _ < <(stats "$work/demo.ms")
read -r daily_median daily_min daily_max _ < <(stats "$work/daily.ms")
printf '| **median** full on demo rows | | %s (%s-%s) | |\n' "$(seconds "$demo_median")" "$(seconds "$demo_min")" \
  "$(seconds "$demo_max")"
printf '| **median** daily increment | | %s (%s-%s) | |\n' "$(seconds "$daily_median")" "$(seconds "$daily_min")" \
  "$(seconds "$daily_max")"
read -r site_median site_min site_max _ < <(stats "$work/site.ms")
printf '| **median** docs site + dashboard | | %s (%s-%s) | |\n' "$(seconds "$site_median")" "$(seconds "$site_min")" \
  "$(seconds "$site_max")"
echo "machine: $(nproc) cores, $(cpu_model); $(java_version); commit $(commit_rev); load $(load_average)" >&2
