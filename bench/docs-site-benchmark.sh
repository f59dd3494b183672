#!/usr/bin/env bash
# Docs-site benchmark for Quarry: generates a synthetic project (bench/GenerateProject.java), runs
# `quarry docs generate` on it once, then opens target/site/index.html from file:// in headless Chromium
# (dev.quarry.docs.DocsSiteTimings, from the framework's test classes, with the test harness HeadlessChromium) a fresh
# browser per run, and measures inside the page: first paint, first contentful paint, when the search is ready, and
# each keystroke of typing a query into #search until the frame showing the results has been rendered.
#
# usage: bench/docs-site-benchmark.sh [--models N] [--runs R] [--query TEXT] [--keep] [--project-dir DIR]
#
#   --models N         models in the generated project (default 5000)
#   --runs R           browser runs (default 5)
#   --query TEXT       what is typed, one keystroke per character (default int_2045: 'i' matches the most)
#   --keep             keep the generated project (it is deleted on exit otherwise)
#   --project-dir DIR  generate into DIR (must be absent or empty) instead of a temp directory; implies --keep
#
# Environment: QUARRY_BIN, JAVA, MVN as in lib.sh; QUARRY_CHROMIUM, the browser (default: chromium on the PATH).
# The Markdown table goes to stdout; progress goes to stderr.
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
bench_name="docs-site-benchmark"
# shellcheck source=bench/lib.sh
source "$script_dir/lib.sh"

models=5000
runs=5
query="int_2045"
keep=0
proj=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --models) [[ $# -ge 2 ]] || die "--models needs a value"; models="$2"; shift 2 ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; runs="$2"; shift 2 ;;
    --query) [[ $# -ge 2 ]] || die "--query needs a value"; query="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --project-dir) [[ $# -ge 2 ]] || die "--project-dir needs a value"; proj="$2"; keep=1; shift 2 ;;
    -h|--help) usage_lines 2 18; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
need_positive_int --models "$models"
need_positive_int --runs "$runs"
[[ -n "$query" ]] || die "--query must not be empty"
need_launcher

make_work_dir

classpath="$(framework_test_classpath)"

generate_project "$models"

log "quarry docs generate"
bench_exec "$work/docs.out" "$work/docs.out" "$quarry" --project-dir "$proj" docs generate
log "docs generate took $(seconds "$bench_ms") s"

echo
echo "Machine: $(nproc) cores, $(cpu_model), $(java_version), $(chromium --version 2>/dev/null || echo 'chromium'); $models models;" \
  "load average $(load_average); commit $(commit_rev), $(date -u +%Y-%m-%d)"
echo
"$java_cmd" -cp "$classpath" dev.quarry.docs.DocsSiteTimings "$proj/target/site" --runs "$runs" --query "$query"
