#!/usr/bin/env bash
# Compile-speed benchmark for Quarry: generates a synthetic project (bench/GenerateProject.java) once,
# then times `quarry --version`, a cold `compile`, a re-compile after touching one model (only its body changes, so the
# compile patches the last one) and a re-compile after touching one properties file (which compiles in full, from the
# caches).
#
# usage: bench/compile-benchmark.sh [--models N] [--runs R] [--heap SIZE] [--keep] [--project-dir DIR]
#                                   [--baseline LAUNCHER]
#
#   --models N         models in the generated project (default 5000)
#   --runs R           timed runs per metric, after one untimed warm-up run (default 5)
#   --heap SIZE        heap cap for the compile runs, passed as QUARRY_JAVA_OPTS=-XmxSIZE (default 512m)
#   --keep             keep the generated project (it is deleted on exit otherwise)
#   --project-dir DIR  generate into DIR (must be absent or empty) instead of a temp directory; implies --keep
#   --baseline L       also time another build's launcher L (e.g. a clone at an older commit) on its own copy of the
#                      project, alternating with this one run by run, so both see the same machine; the table
#                      gets a column for each. L must be a launcher in a checkout it built itself: a copied
#                      project/target/ carries a class-data sharing archive made for jars at another path, which the
#                      JVM rejects, and that build then starts ~0.2 s slower
#
# Environment:
#   QUARRY_BIN         the launcher to time (default: the `quarry` launcher of the repository this script is in)
#   QUARRY_JAVA_OPTS   extra JVM options for the launcher; -Xmx<heap> is appended for the compile runs
#   JAVA               the java used to run the generator (default: java)
#
# The Markdown table goes to stdout; progress goes to stderr. Every timing includes JVM start.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="compile-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

models=5000
runs=5
heap=512m
keep=0
proj=""
baseline=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; heap="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --project-dir) [[ $# -ge 2 ]] || die "--project-dir needs a value"; proj="$2"; keep=1; shift 2 ;;
    --baseline) [[ $# -ge 2 ]] || die "--baseline needs a value"; baseline="$2"; shift 2 ;;
    -h|--help) usage_lines 5 23; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --models "$models"
need_positive_int --runs "$runs"
need_heap --heap "$heap"
need_launcher
if [[ -n "$baseline" && ! -x "$baseline" ]]; then die "baseline launcher not found or not executable: $baseline"; fi

make_work_dir

# ---- generate the project (once) -------------------------------------------------------------
generate_project "$models"

# The model to touch: the middle one by global index (the generator names models <prefix>_<index>).
touch_relative="$(cd "$proj" && find models -name '*.sql' | sed -E 's/^(.*_([0-9]+)\.sql)$/\2\t\1/' | sort -n \
  | awk -F '\t' -v mid=$((models / 2)) 'NR == mid + 1 { print $2 }')"
[[ -n "$touch_relative" && -f "$proj/$touch_relative" ]] || die "could not find the middle model in $proj/models"
log "re-compile touches $touch_relative"
# The properties file to touch for a full re-compile: the first one.
touch_yaml="$(cd "$proj" && find models -name '*.yml' | sort | head -1)"
[[ -n "$touch_yaml" ]] || die "no properties file in $proj/models"

# With --baseline, the baseline's launcher compiles a copy of the project of its own (each launcher's compile cache
# is its own build's), and the two alternate run by run.
sides=(current)
declare -A launcher_of=([current]="$quarry") project_of=([current]="$proj")
if [[ -n "$baseline" ]]; then
  cp -r "$proj" "$work/baseline-project"
  rm -rf "$work/baseline-project/target"
  sides=(baseline current)
  launcher_of[baseline]="$baseline"
  project_of[baseline]="$work/baseline-project"
fi

# ---- measuring -------------------------------------------------------------------------------
compile_opts="${QUARRY_JAVA_OPTS:+$QUARRY_JAVA_OPTS }-Xmx$heap"

# run_one LABEL JAVA_OPTS CMD...: runs CMD once with QUARRY_JAVA_OPTS=JAVA_OPTS, appends elapsed ms (and peak RSS KB)
# to $work/LABEL.*
run_one() {
  local label="$1" opts="$2"
  shift 2
  bench_exec "$work/$label.out" "$work/$label.out" env QUARRY_JAVA_OPTS="$opts" "$@"
  record "$label"
}

# SIDE is current or baseline; labels are <side>-<metric>.
version_of() { run_one "$1-$2" "${QUARRY_JAVA_OPTS:-}" "${launcher_of[$1]}" --version; }

cold_compile() {
  # The old target is moved aside, not deleted (see move_aside in lib.sh); it is deleted when the script exits.
  move_aside "${project_of[$1]}/target"
  run_one "$1-$2" "$compile_opts" "${launcher_of[$1]}" --project-dir "${project_of[$1]}" compile
}

touched=0
touch_and_compile() {
  touched=$((touched + 1))
  # a new line each time, so the file's content (not just its mtime) changes
  printf -- '-- touched by compile-benchmark, edit %d\n' "$touched" >>"${project_of[$1]}/$touch_relative"
  run_one "$1-$2" "$compile_opts" "${launcher_of[$1]}" --project-dir "${project_of[$1]}" compile
}

touch_yaml_and_compile() {
  touched=$((touched + 1))
  printf -- '# touched by compile-benchmark, edit %d\n' "$touched" >>"${project_of[$1]}/$touch_yaml"
  run_one "$1-$2" "$compile_opts" "${launcher_of[$1]}" --project-dir "${project_of[$1]}" compile
}

log "warm-up (untimed): --version, cold compile, re-compiles"
for side in "${sides[@]}"; do
  version_of "$side" warmup
  cold_compile "$side" warmup
  touch_and_compile "$side" warmup
  touch_yaml_and_compile "$side" warmup
done

for ((i = 1; i <= runs; i++)); do
  log "run $i/$runs"
  for side in "${sides[@]}"; do version_of "$side" version; done
  for side in "${sides[@]}"; do cold_compile "$side" cold; done
  for side in "${sides[@]}"; do touch_and_compile "$side" recompile; done
  for side in "${sides[@]}"; do touch_yaml_and_compile "$side" full-recompile; done
done

# ---- report ----------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version); $models models, $runs runs (+1 warm-up), compile heap -Xmx$heap; commit $(commit_rev), $(date -u +%Y-%m-%d)"
if [[ -n "$baseline" ]]; then
  echo "Baseline: $baseline (alternating with the current launcher, $quarry)"
fi
echo
# cell SIDE KEY: "median (min–max)" of a side's metric
cell() {
  local median min max count
  read -r median min max count < <(stats "$work/$1-$2.ms")
  echo "$median ($min–$max)"
}
if [[ -n "$baseline" ]]; then
  echo "| metric | baseline ms, median (min–max) | current ms, median (min–max) | runs | target ms |"
  echo "|---|---:|---:|---:|---:|"
  row() {
    local label="$1" key="$2" target="$3" median met="met"
    read -r median _ < <(stats "$work/current-$key.ms")
    if [[ -z "$target" ]]; then
      echo "| $label | $(cell baseline "$key") | $(cell current "$key") | $runs | – |"
      return
    fi
    if [[ "$median" -gt "$target" ]]; then met="MISSED"; fi
    echo "| $label | $(cell baseline "$key") | $(cell current "$key") | $runs | ≤ $target ($met) |"
  }
elif [[ -n "$time_bin" ]]; then
  echo "| metric | median ms | min | max | runs | peak RSS MB (max) | target ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
else
  echo "| metric | median ms | min | max | runs | target ms |"
  echo "|---|---:|---:|---:|---:|---:|"
fi
if [[ -z "$baseline" ]]; then
  row() {
    local label="$1" key="current-$2" target="$3" median min max count
    read -r median min max count < <(stats "$work/$key.ms")
    local goal="–"
    if [[ -n "$target" ]]; then
      goal="≤ $target (met)"
      if [[ "$median" -gt "$target" ]]; then goal="≤ $target (MISSED)"; fi
    fi
    if [[ -n "$time_bin" ]]; then
      local rss_mb=$(($(max_of "$work/$key.rss") / 1024))
      echo "| $label | $median | $min | $max | $count | $rss_mb | $goal |"
    else
      echo "| $label | $median | $min | $max | $count | $goal |"
    fi
  }
fi
row '`quarry --version`' version 500
row "cold \`compile\`, $models models" cold 3000
row "re-compile after touching 1 model" recompile 1000
row "re-compile after touching 1 properties file (full)" full-recompile ""
