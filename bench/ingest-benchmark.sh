#!/usr/bin/env bash
# Ingest benchmark for the SF Crime Stats Socrata loader: serves N generated SFPD rows from the Socrata imitation
# (dev.sfcrimestats.socrata.FakeSocrata in the project's test classes, its own JVM, on loopback, gzip), then runs
# `./quarry ingest -s source:sfpd` into a fresh landing folder once per run, with the loader's JVM capped at a heap of
# --heap. Prints each run, the medians, and the peak heap in use (from the GC log). One untimed run first lets the
# imitation render and keep its answers, so the timed runs measure the loader, not the imitation's JSON and gzip
# work on the same cores (a real server does that work on its own machines).
#
# usage: bench/ingest-benchmark.sh [--rows N] [--runs R] [--heap SIZE] [--no-build] [--keep]
#
#   --rows N     rows the server serves (default 1000000)
#   --runs R     timed runs (default 3)
#   --heap SIZE  the loader's -Xmx (default 256m)
#   --no-build   use the classes already built instead of running `mvn test-compile` first
#   --keep       keep the work directory (landed files, logs) and print where it is
#
# Environment: JAVA (default: java), MVN (default: mvn).
#
# "wall" is the whole `quarry ingest` process: JVM start, compiling the project to find the source, the count query,
# every page fetched, parsed and written as Parquet, the manifest. rows/s = rows / wall.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="ingest-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

rows=1000000
runs=3
heap=256m
build=1
keep=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) [[ $# -ge 2 ]] || die "--rows needs a value"; rows="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; heap="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage_lines 9 17; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --rows "$rows"
need_positive_int --runs "$runs"
need_heap --heap "$heap"

work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-ingest-bench.XXXXXX")"
cleanup() {
  stop_fake_socrata
  if [[ "$keep" -eq 0 ]]; then rm -rf "$work"; else echo "kept $work" >&2; fi
}
trap cleanup EXIT

if [[ "$build" -eq 1 ]]; then build_project_classes; fi
need_launcher
classpath="$(project_classpath)"

start_fake_socrata "$classpath" "$rows"
url="$fake_url"
echo "serving $rows rows at $url; $runs runs, loader heap $heap" >&2

echo "warm-up run (untimed)..." >&2
bench_exec "$work/warmup.out" "$work/warmup.out" env SFPD_SOCRATA_URL="$url" SFPD_LANDING="$work/landing-warmup" \
  "$quarry" --project-dir "$repo_dir" ingest -s source:sfpd
move_aside "$work/landing-warmup"

walls=()
echo "| run | wall (s) | rows/s | peak heap in use (MB) | Parquet (MB) |"
echo "|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  landing="$work/landing-$run"
  gc_log="$work/gc-$run.log"
  bench_exec "$work/run-$run.out" "$work/run-$run.out" env SFPD_SOCRATA_URL="$url" SFPD_LANDING="$landing" \
    QUARRY_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$gc_log" "$quarry" --project-dir "$repo_dir" ingest -s source:sfpd
  record wall
  landed_rows="$(sed -n 's/.*OK ingested \([0-9,]*\) rows.*/\1/p' "$work/run-$run.out" | tr -d ,)"
  [[ "$landed_rows" == "$rows" ]] || die "run $run landed '$landed_rows' rows, expected $rows"
  # "Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M)": the heap in use before each collection.
  peak_mb="$(grep -o '[0-9]*M->' "$gc_log" | sed 's/M->//' | sort -n | tail -n 1)"
  parquet_mb="$(du -sm "$landing/sfpd/incidents" | cut -f1)"
  echo "${peak_mb:-0}" >>"$work/peak.mb"
  walls+=("$bench_ms")
  printf '| %d | %s | %d | %s | %s |\n' "$run" "$(seconds "$bench_ms")" $((rows * 1000 / bench_ms)) "${peak_mb:-?}" \
    "$parquet_mb"
  move_aside "$landing"
done

wall_median=$(printf '%s\n' "${walls[@]}" | median)
printf '| median | %s | %d | max %s | |\n' "$(seconds "$wall_median")" $((rows * 1000 / wall_median)) \
  "$(max_of "$work/peak.mb")"
echo "machine: $(nproc) cores, $(cpu_model); $(java_version); commit $(commit_rev); load $(load_average)" >&2
