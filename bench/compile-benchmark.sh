#!/usr/bin/env bash
# Compile-speed benchmark for Quarry: generates a synthetic project (bench/GenerateProject.java) once,
# then times `quarry --version`, a cold `compile` and a re-compile after touching one model.
#
# usage: bench/compile-benchmark.sh [--models N] [--runs R] [--heap SIZE] [--keep] [--project-dir DIR]
#
#   --models N         models in the generated project (default 5000)
#   --runs R           timed runs per metric, after one untimed warm-up run (default 5)
#   --heap SIZE        heap cap for the compile runs, passed as QUARRY_JAVA_OPTS=-XmxSIZE (default 512m)
#   --keep             keep the generated project (it is deleted on exit otherwise)
#   --project-dir DIR  generate into DIR (must be absent or empty) instead of a temp directory; implies --keep
#
# Environment:
#   QUARRY_BIN         the launcher to time (default: the `quarry` launcher of the repository this script is in)
#   QUARRY_JAVA_OPTS   extra JVM options for the launcher; -Xmx<heap> is appended for the compile runs
#   JAVA               the java used to run the generator (default: java)
#
# The Markdown table goes to stdout; progress goes to stderr. Every timing includes JVM start.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
repo_dir="$(cd "$script_dir/.." && pwd)"
quarry="${QUARRY_BIN:-$repo_dir/quarry}"
java_cmd="${JAVA:-java}"

models=5000
runs=5
heap=512m
keep=0
proj=""

die() { echo "compile-benchmark: $*" >&2; exit 2; }
usage() { sed -n '5,17p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; heap="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --project-dir) [[ $# -ge 2 ]] || die "--project-dir needs a value"; proj="$2"; keep=1; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
[[ "$models" =~ ^[1-9][0-9]*$ ]] || die "--models must be a positive integer"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ "$heap" =~ ^[1-9][0-9]*[kKmMgG]$ ]] || die "--heap must look like 512m"
[[ -x "$quarry" ]] || die "launcher not found or not executable: $quarry (build the repository first, or set QUARRY_BIN)"

work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-bench.XXXXXX")"
if [[ -z "$proj" ]]; then
  proj="$work/project"
fi
cleanup() {
  rm -rf "$work"
  if [[ "$keep" -eq 0 ]]; then rm -rf "$proj"; fi
}
trap cleanup EXIT

time_bin=""
if [[ -x /usr/bin/time ]]; then time_bin=/usr/bin/time; fi

log() { echo "[bench] $*" >&2; }

# ---- generate the project (once) -------------------------------------------------------------
log "generating $models models into $proj"
"$java_cmd" "$script_dir/GenerateProject.java" --models "$models" --out "$proj" --quiet >"$work/generator.txt"
sed 's/^/[bench]   /' "$work/generator.txt" >&2
proj="$(cd "$proj" && pwd)"

# The model to touch: the middle one by global index (the generator names models <prefix>_<index>).
touch_model="$(find "$proj/models" -name '*.sql' | sed -E 's/^(.*_([0-9]+)\.sql)$/\2\t\1/' | sort -n \
  | awk -F '\t' -v mid=$((models / 2)) 'NR == mid + 1 { print $2 }')"
[[ -n "$touch_model" && -f "$touch_model" ]] || die "could not find the middle model in $proj/models"
log "re-compile touches ${touch_model#"$proj"/}"

# ---- measuring -------------------------------------------------------------------------------
compile_opts="${QUARRY_JAVA_OPTS:+$QUARRY_JAVA_OPTS }-Xmx$heap"

now_ns() { date +%s%N; }

# run_one LABEL JAVA_OPTS CMD...: runs CMD once, appends elapsed ms (and peak RSS KB) to $work/LABEL.*
run_one() {
  local label="$1" opts="$2"
  shift 2
  local out="$work/$label.out" start end status=0
  start="$(now_ns)"
  if [[ -n "$time_bin" ]]; then
    QUARRY_JAVA_OPTS="$opts" "$time_bin" -f %M -o "$work/rss" "$@" >"$out" 2>&1 || status=$?
  else
    QUARRY_JAVA_OPTS="$opts" "$@" >"$out" 2>&1 || status=$?
  fi
  end="$(now_ns)"
  if [[ "$status" -ne 0 ]]; then
    echo "compile-benchmark: '$*' failed with exit code $status; its output (last 40 lines):" >&2
    tail -n 40 "$out" >&2
    exit 1
  fi
  echo $(((end - start) / 1000000)) >>"$work/$label.ms"
  if [[ -n "$time_bin" ]]; then
    tail -n 1 "$work/rss" >>"$work/$label.rss"
  fi
}

cold_runs=0
cold_compile() {
  # Move the old target aside instead of deleting it: on this machine's file system, creating thousands of files
  # within ~30 s of deleting thousands costs seconds of kernel time, which would be measured instead of Quarry.
  # The moved folders are deleted when the script exits.
  cold_runs=$((cold_runs + 1))
  if [[ -d "$proj/target" ]]; then mv "$proj/target" "$work/old-target-$cold_runs"; fi
  run_one "$1" "$compile_opts" "$quarry" --project-dir "$proj" compile
}

touched=0
touch_and_compile() {
  touched=$((touched + 1))
  # a new line each time, so the file's content (not just its mtime) changes
  printf -- '-- touched by compile-benchmark, edit %d\n' "$touched" >>"$touch_model"
  run_one "$1" "$compile_opts" "$quarry" --project-dir "$proj" compile
}

log "warm-up (untimed): --version, cold compile, re-compile"
run_one warmup "${QUARRY_JAVA_OPTS:-}" "$quarry" --version
cold_compile warmup
touch_and_compile warmup

for ((i = 1; i <= runs; i++)); do
  log "run $i/$runs"
  run_one version "${QUARRY_JAVA_OPTS:-}" "$quarry" --version
  cold_compile cold
  touch_and_compile recompile
done

# ---- report ----------------------------------------------------------------------------------
# stats FILE -> "median min max count" (median of an even count: mean of the two middle values)
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
    printf "%d %d %d %d\n", m, v[1], v[NR], NR }'
}
max_of() { sort -n "$1" | tail -n 1; }

cpu="$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
jver="$("$java_cmd" -version 2>&1 | head -n 1)"
rev="$(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)"

echo
echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, $jver; $models models, $runs runs (+1 warm-up), compile heap -Xmx$heap; commit $rev, $(date -u +%Y-%m-%d)"
echo
if [[ -n "$time_bin" ]]; then
  echo "| metric | median ms | min | max | runs | peak RSS MB (max) | target ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
else
  echo "| metric | median ms | min | max | runs | target ms |"
  echo "|---|---:|---:|---:|---:|---:|"
fi
row() {
  local label="$1" key="$2" target="$3" median min max count
  read -r median min max count < <(stats "$work/$key.ms")
  local met="met"
  if [[ "$median" -gt "$target" ]]; then met="MISSED"; fi
  if [[ -n "$time_bin" ]]; then
    local rss_mb=$(($(max_of "$work/$key.rss") / 1024))
    echo "| $label | $median | $min | $max | $count | $rss_mb | ≤ $target ($met) |"
  else
    echo "| $label | $median | $min | $max | $count | ≤ $target ($met) |"
  fi
}
row '`quarry --version`' version 500
row "cold \`compile\`, $models models" cold 3000
row "re-compile after touching 1 model" recompile 1000
