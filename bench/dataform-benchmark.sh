#!/usr/bin/env bash
# Side-by-side compile benchmark: the Dataform CLI and Quarry on the same synthetic project shape.
# bench/GenerateProject.java writes the project in both formats (--format quarry and --format dataform: same seed,
# models, DAG and SQL); this script then times `dataform compile --json` (always cold: every run is a new process and
# Dataform has no cache) and, on the Quarry project, a cold `quarry compile` and a re-compile after touching one model.
#
# usage: bench/dataform-benchmark.sh [--models N] [--runs R] [--heap SIZE] [--keep]
#
#   --models N   models in the generated projects (default 5000)
#   --runs R     timed runs per metric, after one untimed warm-up run (default 3)
#   --heap SIZE  heap cap for the Quarry compile runs, passed as QUARRY_JAVA_OPTS=-XmxSIZE (default 512m)
#   --keep       keep the generated projects and the compiled Dataform JSON (deleted on exit otherwise)
#
# Environment:
#   DATAFORM_BIN       the Dataform CLI (default /tmp/dataform-cli/node_modules/.bin/dataform); @dataform/core must be
#                      installed next to it (same node_modules)
#   DATAFORM_TIMEOUT   the CLI's --timeout for one compile (default 60m; the CLI's own default, 5s, is too short)
#   QUARRY_BIN         the Quarry launcher (default: the `quarry` launcher of the repository this script is in)
#   QUARRY_JAVA_OPTS   extra JVM options for the launcher; -Xmx<heap> is appended for the compile runs
#   JAVA               the java used to run the generator (default: java)
#
# No network is used: the Dataform runs get npm_config_offline=true (see below). The Markdown table goes to stdout;
# progress goes to stderr.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="dataform-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"
dataform="${DATAFORM_BIN:-/tmp/dataform-cli/node_modules/.bin/dataform}"
df_timeout="${DATAFORM_TIMEOUT:-60m}"

models=5000
runs=3
heap=512m
keep=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --heap) [[ $# -ge 2 ]] || die "--heap needs a value"; heap="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage_lines 7 22; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --models "$models"
need_positive_int --runs "$runs"
need_heap --heap "$heap"
need_launcher

if [[ ! -x "$dataform" ]]; then
  cat >&2 <<EOF
dataform-benchmark: the Dataform CLI was not found at $dataform
Install it outside this repository (nothing of Dataform belongs in it), for example:

  mkdir -p /tmp/dataform-cli && cd /tmp/dataform-cli && npm init -y
  npm view @dataform/cli versions        # pick a 3.x version that @dataform/core also has
  npm install --save-exact @dataform/cli@3.0.52 @dataform/core@3.0.52

or set DATAFORM_BIN to an installed \`dataform\` executable (with @dataform/core in the same node_modules).
EOF
  exit 2
fi
command -v node >/dev/null 2>&1 || die "node is needed to run the Dataform CLI"

# The node_modules folder that holds the CLI (<nm>/@dataform/cli/bundle.js); @dataform/core must be there too.
df_nm="$(cd "$(dirname "$(readlink -f "$dataform")")/../.." && pwd)"
[[ -f "$df_nm/@dataform/core/package.json" ]] \
  || die "@dataform/core is not installed next to the CLI (expected $df_nm/@dataform/core); install the matching core version there"
core_version="$(node -p 'require(process.argv[1]).version' "$df_nm/@dataform/core/package.json")"

work="$(mktemp -d "${TMPDIR:-/tmp}/dataform-bench.XXXXXX")"
sampler="" # the pid of the peak RSS sampler while a Dataform run is timed (see sample_hwm)
stop_sampler() {
  if [[ -n "$sampler" ]]; then
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=""
  fi
}

cleanup() {
  stop_sampler
  if [[ "$keep" -eq 0 ]]; then rm -rf "$work"; else echo "[bench] kept $work" >&2; fi
}
trap cleanup EXIT

# Every Dataform run is offline. With `dataformCoreVersion` in workflow_settings.yaml, each `dataform compile` copies
# the project to a temp dir and runs `npm i` there to fetch that core version: npm_config_offline makes npm take it
# from the local npm cache (filled when the core was installed) instead of asking the registry. audit, fund and the
# update check would also reach the network; they are switched off.
# TMPDIR: the CLI makes a temp dir on every compile (and leaves it behind when it does not need it); keep them in $work.
mkdir "$work/tmp"
df_env=(env TMPDIR="$work/tmp" npm_config_offline=true npm_config_audit=false npm_config_fund=false
  npm_config_update_notifier=false)
df_version="$("${df_env[@]}" "$dataform" --version 2>/dev/null)" || die "'$dataform --version' failed"

# reported on the machine line: other jobs on the machine skew every number
load_before="$(load_average)"

# ---- generate the projects (once) --------------------------------------------------------------------------------
q_proj="$work/quarry"      # --format quarry
d_proj="$work/dataform"    # --format dataform: workflow_settings.yaml names the core version (the v3 default)
p_proj="$work/dataform-pre" # the same, but with the core preinstalled: package.json + node_modules, no dataformCoreVersion

log "generating $models models (Quarry and Dataform formats) into $work"
"$java_cmd" "$script_dir/GenerateProject.java" --models "$models" --out "$q_proj" --quiet >"$work/generator-quarry.txt"
sed 's/^/[bench]   quarry:   /' "$work/generator-quarry.txt" >&2
"$java_cmd" "$script_dir/GenerateProject.java" --format dataform --dataform-core-version "$core_version" \
  --models "$models" --out "$d_proj" --quiet >"$work/generator-dataform.txt"
sed 's/^/[bench]   dataform: /' "$work/generator-dataform.txt" >&2
"$java_cmd" "$script_dir/GenerateProject.java" --format dataform --dataform-core-version "$core_version" \
  --models "$models" --out "$p_proj" --quiet >/dev/null
# A v3 project names its core either in workflow_settings.yaml or in package.json, not both.
sed -i '/^dataformCoreVersion:/d' "$p_proj/workflow_settings.yaml"
printf '{\n  "dependencies": {\n    "@dataform/core": "%s"\n  }\n}\n' "$core_version" >"$p_proj/package.json"
ln -s "$df_nm" "$p_proj/node_modules"

sqlx_count="$(find "$d_proj/definitions" -name '*.sqlx' | wc -l)"
[[ "$sqlx_count" -eq "$models" ]] || die "expected $models .sqlx files in $d_proj/definitions, found $sqlx_count"

# The model to touch for the Quarry re-compile: the middle one by global index (as in compile-benchmark.sh).
touch_model="$(find "$q_proj/models" -name '*.sql' | sed -E 's/^(.*_([0-9]+)\.sql)$/\2\t\1/' | sort -n \
  | awk -F '\t' -v mid=$((models / 2)) 'NR == mid + 1 { print $2 }')"
[[ -n "$touch_model" && -f "$touch_model" ]] || die "could not find the middle model in $q_proj/models"
log "Quarry re-compile touches ${touch_model#"$q_proj"/}"

# ---- measuring ---------------------------------------------------------------------------------------------------
compile_opts="${QUARRY_JAVA_OPTS:+$QUARRY_JAVA_OPTS }-Xmx$heap"

# Peak RSS of the Dataform worker. The CLI forks a worker process for the compile and exits without reaping it, so
# /usr/bin/time does not see the worker. A sampler reads the VmHWM (peak RSS, KB) of every descendant of ROOT from
# /proc five times a second, without forking anything but `sleep`, and writes the highest value seen to OUT. It runs
# in the background and does not delay the timing (the timed command runs in the foreground); it is stopped by pid.
sample_hwm() { # ROOT OUT
  local root="$1" out="$2" max=0 pid t key val rest
  local -a stack kids
  while true; do
    stack=("$root")
    while ((${#stack[@]} > 0)); do
      pid="${stack[-1]}"
      unset 'stack[-1]'
      for t in /proc/"$pid"/task/*/children; do
        kids=()
        read -r -a kids 2>/dev/null <"$t" || true
        stack+=("${kids[@]}")
      done
      if [[ "$pid" != "$root" ]]; then
        while read -r key val rest; do
          if [[ "$key" == VmHWM: ]]; then
            if ((val > max)); then max="$val"; echo "$max" >"$out"; fi
            break
          fi
        done 2>/dev/null <"/proc/$pid/status" || true
      fi
    done
    sleep 0.2
  done
}

# run_one LABEL STDOUT CMD...: runs CMD once, appends elapsed ms (and peak RSS KB) to $work/LABEL.*. If CMD fails,
# the script stops (bench_exec), and the sampler is stopped on exit.
run_one() {
  local label="$1" stdout="$2"
  shift 2
  local hwm_file="$work/$label.hwm" hwm=0
  rm -f "$hwm_file"
  if [[ -n "$time_bin" && "$label" == df* ]]; then
    sample_hwm "$$" "$hwm_file" &
    sampler=$!
  fi
  bench_exec "$stdout" "$work/$label.err" "$@"
  stop_sampler
  if [[ -f "$hwm_file" ]]; then hwm="$(cat "$hwm_file")"; fi
  if [[ -n "$bench_rss_kb" ]] && ((hwm > bench_rss_kb)); then bench_rss_kb="$hwm"; fi
  record "$label"
}

quarry_cold() {
  # The old target is moved aside, not deleted (see move_aside in lib.sh); it is deleted when the script exits.
  move_aside "$q_proj/target"
  run_one "$1" "$work/$1.out" env QUARRY_JAVA_OPTS="$compile_opts" "$quarry" --project-dir "$q_proj" compile
}

touched=0
quarry_recompile() {
  touched=$((touched + 1))
  # a new line each time, so the file's content (not just its mtime) changes
  printf -- '-- touched by dataform-benchmark, edit %d\n' "$touched" >>"$touch_model"
  run_one "$1" "$work/$1.out" env QUARRY_JAVA_OPTS="$compile_opts" "$quarry" --project-dir "$q_proj" compile
}

dataform_compile() { # LABEL PROJECT STDOUT
  run_one "$1" "$3" "${df_env[@]}" "$dataform" compile "$2" --json --timeout "$df_timeout"
}

# Quarry first, then Dataform: the Dataform runs of the workflow_settings variant copy the project into a temp dir
# and delete that copy, and file deletions would slow the file creation of Quarry runs that follow them.
log "Quarry warm-up (untimed): cold compile, re-compile"
quarry_cold q-warmup
grep -q "Found $models models" "$work/q-warmup.out" "$work/q-warmup.err" \
  || die "the Quarry compile did not report 'Found $models models' (output in $work/q-warmup.*)"
quarry_recompile q-warmup
for ((i = 1; i <= runs; i++)); do
  log "Quarry run $i/$runs"
  quarry_cold q-cold
  quarry_recompile q-recompile
done

log "Dataform warm-up (untimed), output kept for the checks"
dataform_compile df-warmup "$d_proj" "$work/dataform.json"
dataform_compile df-warmup "$p_proj" "$work/dataform-pre.json"

# Check that Dataform compiled every model, with no compilation errors, and the expected graph.
sources="$(grep -c '^declare(' "$d_proj/definitions/sources/raw.js")"
if ! node - "$work/dataform.json" "$models" "$sources" >&2 <<'EOF'
const [file, models, sources] = [process.argv[2], +process.argv[3], +process.argv[4]];
const g = JSON.parse(require("fs").readFileSync(file, "utf8"));
const errors = (g.graphErrors && g.graphErrors.compilationErrors) || [];
const tables = g.tables || [];
const types = {};
for (const t of tables) types[t.type] = (types[t.type] || 0) + 1;
const deps = tables.reduce((n, t) => n + (t.dependencyTargets || []).length, 0);
console.log(`[bench] dataform check: ${tables.length} tables (${Object.entries(types).map(([k, v]) => `${v} ${k}`).join(", ")}),`
  + ` ${(g.assertions || []).length} assertions, ${(g.declarations || []).length} declarations,`
  + ` ${deps} table dependencies, ${errors.length} compilation errors, core ${g.dataformCoreVersion}`);
for (const e of errors.slice(0, 5)) console.log(`[bench]   ${e.fileName}: ${e.message}`);
if (errors.length > 0 || tables.length !== models || (g.declarations || []).length !== sources) process.exit(1);
EOF
then
  die "the Dataform output failed the checks above (rerun with --keep to inspect $work/dataform.json)"
fi
cmp -s "$work/dataform.json" "$work/dataform-pre.json" \
  || die "the two Dataform variants compiled to different JSON ($work/dataform.json, $work/dataform-pre.json)"

for ((i = 1; i <= runs; i++)); do
  log "Dataform run $i/$runs (core preinstalled)"
  dataform_compile df-pre "$p_proj" /dev/null
done
for ((i = 1; i <= runs; i++)); do
  log "Dataform run $i/$runs (core from workflow_settings.yaml)"
  dataform_compile df-settings "$d_proj" /dev/null
done

# ---- report ------------------------------------------------------------------------------------------------------
echo
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version), node $(node --version); Dataform CLI $df_version, @dataform/core $core_version; $models models, $runs runs (+1 warm-up), Quarry compile heap -Xmx$heap; load average before $load_before; commit $(commit_rev), $(date -u +%Y-%m-%d)"
echo
if [[ -n "$time_bin" ]]; then
  echo "| metric | median ms | min | max | runs | peak RSS MB (max) |"
  echo "|---|---:|---:|---:|---:|---:|"
else
  echo "| metric | median ms | min | max | runs |"
  echo "|---|---:|---:|---:|---:|"
fi
row() {
  local label="$1" key="$2" median min max count
  read -r median min max count < <(stats "$work/$key.ms")
  if [[ -n "$time_bin" ]]; then
    echo "| $label | $median | $min | $max | $count | $(($(max_of "$work/$key.rss") / 1024)) |"
  else
    echo "| $label | $median | $min | $max | $count |"
  fi
}
row "\`dataform compile --json\`, $models models (core from workflow_settings.yaml: project copy + offline \`npm i\` per run)" df-settings
row "\`dataform compile --json\`, $models models (core preinstalled: package.json + node_modules)" df-pre
row "\`quarry compile\` cold, $models models" q-cold
row "\`quarry compile\` after touching 1 model" q-recompile
