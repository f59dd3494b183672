#!/usr/bin/env bash
# Docs-generation benchmark for Quarry: generates a synthetic project (bench/GenerateProject.java) once, then times
# `quarry docs generate` in three states of the project's target/ folder:
#
#   cold           no target/ at all: every template rendered, every model's SQL checked and its lineage analysed
#   after compile  target/ as `quarry compile` leaves it (compile cache, no lineage cache): the first docs build
#                  after a change to every model
#   again          right after another docs generate (compile and lineage caches): the usual case
#
# usage: bench/docs-benchmark.sh [--models N] [--runs R] [--heap SIZE] [--keep] [--project-dir DIR]
#
#   --models N         models in the generated project (default 5000)
#   --runs R           timed runs per state, after one untimed warm-up round (default 5)
#   --heap SIZE        heap cap, passed as QUARRY_JAVA_OPTS=-XmxSIZE (default: none, the JVM's own)
#   --keep             keep the generated project (it is deleted on exit otherwise)
#   --project-dir DIR  generate into DIR (must be absent or empty) instead of a temp directory; implies --keep
#
# Environment:
#   QUARRY_BIN         the launcher to time (default: the `quarry` launcher of the repository this script is in)
#   QUARRY_JAVA_OPTS   extra JVM options for the launcher
#   JAVA               the java used to run the generator (default: java)
#
# The generated project is never built, so the catalog step only opens the DuckDB file, lists its (no) relations and
# records every relation as missing. Each run logs with --log-format json; the timestamps of its messages split the
# wall time into: start to "Found ..." (JVM start, loading, compiling), from there to "... relations are not built
# yet" (manifest, compile cache, catalog read and catalog.json: the catalog part), and from there to the exit (site
# data and assets). The Markdown table goes to stdout; progress goes to stderr. Every timing includes JVM start.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="docs-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

models=5000
runs=5
heap=""
keep=0
proj=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; heap="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --project-dir) [[ $# -ge 2 ]] || die "--project-dir needs a value"; proj="$2"; keep=1; shift 2 ;;
    -h|--help) usage_lines 2 27; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --models "$models"
need_positive_int --runs "$runs"
if [[ -n "$heap" ]]; then need_heap --heap "$heap"; fi
need_launcher

make_work_dir

# ---- generate the project (once) -------------------------------------------------------------
generate_project "$models"

# ---- measuring -------------------------------------------------------------------------------
java_opts="${QUARRY_JAVA_OPTS:-}"
if [[ -n "$heap" ]]; then java_opts="${java_opts:+$java_opts }-Xmx$heap"; fi

# ts_ns FILE PATTERN: the timestamp (ns since the epoch) of the first JSON log line of FILE whose message matches
# PATTERN, or empty
ts_ns() {
  local ts
  ts="$(grep -m1 -E "\"message\":\"[^\"]*$2" "$1" | sed -E 's/.*"ts":"([^"]*)".*/\1/' || true)"
  if [[ -n "$ts" ]]; then date -d "$ts" +%s%N; fi
}

# docs_generate LABEL: times one `docs generate`; appends its wall ms (and peak RSS) to $work/LABEL.*, and the
# phases read from its log to $work/LABEL-compile.ms, $work/LABEL-catalog.ms and $work/LABEL-site.ms
docs_generate() {
  local label="$1" started found catalog
  started="$(now_ns)"
  bench_exec "$work/$label.out" "$work/$label.err" env QUARRY_JAVA_OPTS="$java_opts" \
    "$quarry" --project-dir "$proj" --log-format json docs generate
  record "$label"
  grep -q '"message":"Wrote the documentation of' "$work/$label.out" \
    || die "docs generate did not report the site it wrote: $(tail -n 5 "$work/$label.out")"
  found="$(ts_ns "$work/$label.out" 'Found ')"
  catalog="$(ts_ns "$work/$label.out" 'relations are not built yet')"
  if [[ -n "$found" && -n "$catalog" ]]; then
    echo $(((found - started) / 1000000)) >>"$work/$label-compile.ms"
    echo $(((catalog - found) / 1000000)) >>"$work/$label-catalog.ms"
    echo $((bench_ms - (catalog - started) / 1000000)) >>"$work/$label-site.ms"
  fi
}

cold() {
  # The old target is moved aside, not deleted (see move_aside in lib.sh); it is deleted when the script exits.
  move_aside "$proj/target"
  docs_generate "$1"
}

after_compile() {
  move_aside "$proj/target"
  bench_exec "$work/compile.out" "$work/compile.out" env QUARRY_JAVA_OPTS="$java_opts" \
    "$quarry" --project-dir "$proj" compile
  docs_generate "$1"
}

log "warm-up (untimed): cold, after compile, again"
cold warmup
after_compile warmup
docs_generate warmup

for ((i = 1; i <= runs; i++)); do
  log "run $i/$runs"
  cold cold
  after_compile compiled
  docs_generate again
done
nodes="$(grep -o -m1 'Wrote the documentation of [0-9]* nodes' "$work/again.out" | grep -o '[0-9]*' | head -n 1)"

# ---- report ----------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version); $models models ($nodes nodes with tests and sources)," \
  "$runs runs (+1 warm-up), heap ${heap:-JVM default}; load average before the report $(load_average);" \
  "commit $(commit_rev), $(date -u +%Y-%m-%d)"
echo
echo "| \`docs generate\` | median ms | min | max | runs | peak RSS MB (max) | of it: start to compiled | manifest + catalog | site data + exit | without the catalog part | target ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
phase_median() { if [[ -f "$work/$1.ms" ]]; then median <"$work/$1.ms"; else echo "n/a"; fi; }
row() {
  local label="$1" key="$2" median min max count rss="n/a" without="n/a" met
  read -r median min max count < <(stats "$work/$key.ms")
  if [[ -f "$work/$key.rss" ]]; then rss=$(($(max_of "$work/$key.rss") / 1024)); fi
  if [[ -f "$work/$key-catalog.ms" ]]; then
    # per run: wall minus its catalog part, then the median of those
    without="$(paste -d ' ' "$work/$key.ms" "$work/$key-catalog.ms" | awk '{ print $1 - $2 }' | median)"
  fi
  met="met"
  if [[ "$without" == "n/a" || "$without" -gt 5000 ]]; then met="MISSED"; fi
  echo "| $label | $median | $min | $max | $count | $rss | $(phase_median "$key-compile") |" \
    "$(phase_median "$key-catalog") | $(phase_median "$key-site") | $without | ≤ 5000 + catalog ($met) |"
}
row "cold (no target/)" cold
row "after \`quarry compile\`" compiled
row "again (compile and lineage caches)" again
