#!/usr/bin/env bash
# Run benchmark for Quarry on embedded DuckDB:
#   1. `quarry run` of N trivial view models (default 1,000) on a fresh database, wall time including JVM start;
#   2. Quarry's own overhead per node: each node's time minus the time the engine spent on its statements,
#      from target/run_results.json (adapter_response.engine_ms);
#   3. `--threads 1` against `--threads 2` on M independent table models (default 200).
# usage: bench/run-benchmark.sh [--models N] [--tables M] [--runs R]
# Each run starts on a fresh database file; old ones are moved aside (deleting files on this machine's file system
# slows the next seconds of file creation) and deleted when the script ends.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="run-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"
models=1000
tables=200
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --tables) tables="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) die "unknown argument $1" ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-run-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

make_project() { # dir name materialization count
  local dir="$1" name="$2" materialized="$3" count="$4"
  mkdir -p "$dir/models"
  printf 'name: %s\nprofile: %s\nmodels:\n  %s:\n    +materialized: %s\n' "$name" "$name" "$name" "$materialized" \
    >"$dir/quarry_project.yml"
  printf '%s:\n  target: dev\n  outputs:\n    dev: {type: duckdb, path: target/bench.duckdb, schema: main, threads: 4}\n' \
    "$name" >"$dir/profiles.yml"
  for ((i = 1; i <= count; i++)); do
    printf "select %d as id, 'model %d' as label\n" "$i" "$i" >"$dir/models/m_$i.sql"
  done
}

time_ms() { # command...: prints the wall time of the command in ms
  bench_exec "$work/out.log" "$work/out.log" "$@"
  echo "$bench_ms"
}

# the lower middle value of the decimals on stdin
lower_median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

views="$work/views"
make_project "$views" views view "$models"
independent="$work/tables"
make_project "$independent" tables table "$tables"

"$quarry" --version >/dev/null # builds the launcher if needed
fresh_database "$views/target/bench.duckdb"; "$quarry" --project-dir "$views" run >/dev/null # warm-up: caches, CDS archive

: >"$work/views.ms"; : >"$work/t1.ms"; : >"$work/t2.ms"
for ((r = 1; r <= runs; r++)); do
  echo "[bench] run $r/$runs" >&2
  fresh_database "$views/target/bench.duckdb"
  time_ms "$quarry" --project-dir "$views" run >>"$work/views.ms"
  stats=$("$java_cmd" "$script_dir/RunResultsStats.java" "$views/target/run_results.json")
  echo "$stats" >>"$work/overhead.txt"
  fresh_database "$independent/target/bench.duckdb"
  time_ms "$quarry" --project-dir "$independent" run --threads 1 >>"$work/t1.ms"
  fresh_database "$independent/target/bench.duckdb"
  time_ms "$quarry" --project-dir "$independent" run --threads 2 >>"$work/t2.ms"
done

overhead=$(sed -E 's/.*overhead_ms_median=([0-9.]+).*/\1/' "$work/overhead.txt" | lower_median)
engine=$(sed -E 's/.*engine_ms_median=([0-9.]+).*/\1/' "$work/overhead.txt" | lower_median)
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version); $runs runs; commit $(commit_rev), $(date +%F)"
echo
echo "| metric | median | runs |"
echo "|---|---:|---:|"
echo "| \`quarry run\`, $models view models, fresh DuckDB file (ms, JVM start included) | $(median <"$work/views.ms") | $runs |"
echo "| per-node engine time (median of node medians, ms) | $engine | $runs |"
echo "| per-node Quarry overhead = node time − engine time (median of node medians, ms) | $overhead | $runs |"
echo "| \`quarry run --threads 1\`, $tables independent table models (ms) | $(median <"$work/t1.ms") | $runs |"
echo "| \`quarry run --threads 2\`, $tables independent table models (ms) | $(median <"$work/t2.ms") | $runs |"
