# shellcheck shell=bash
# shellcheck disable=SC2154 # $work and $bench_name are the sourcing script's
# Shared helpers of the benchmark scripts in bench/ (bash). Each script sources it after naming itself:
#
#   script_dir="$(cd "$(dirname "$0")" && pwd)"
#   bench_name="run-benchmark"   # prefixes error messages
#   # shellcheck source=bench/lib.sh
#   source "$script_dir/lib.sh"
#
# It sets:
#   repo_dir   the repository that holds bench/
#   quarry     the launcher to time: QUARRY_BIN, else the repository's `quarry`
#   java_cmd   JAVA, else java
#   time_bin   /usr/bin/time when it exists (for peak RSS), else empty
# The functions that write files use $work, the script's own temp dir, which the script creates (and deletes on exit).

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quarry="${QUARRY_BIN:-$repo_dir/quarry}"
java_cmd="${JAVA:-java}"
time_bin=""
if [[ -x /usr/bin/time ]]; then time_bin=/usr/bin/time; fi

# ---- messages and arguments ------------------------------------------------------------------
die() { echo "${bench_name:-bench}: $*" >&2; exit 2; }
log() { echo "[bench] $*" >&2; }

# usage_lines FIRST LAST: prints lines FIRST..LAST of the calling script (its header comment) without the '# '.
usage_lines() { sed -n "$1,$2p" "$0" | sed 's/^# \{0,1\}//'; }

# need_positive_int OPTION VALUE
need_positive_int() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive integer"; }
# need_heap OPTION VALUE: a JVM heap size such as 512m
need_heap() { [[ "$2" =~ ^[1-9][0-9]*[kKmMgG]$ ]] || die "$1 must look like 512m"; }
need_launcher() {
  [[ -x "$quarry" ]] || die "launcher not found or not executable: $quarry (build the repository first, or set QUARRY_BIN)"
}

# ---- timing ----------------------------------------------------------------------------------
now_ns() { date +%s%N; }

# bench_exec OUT ERR CMD...: runs CMD once with stdout to OUT and stderr to ERR (ERR may be the same file as OUT),
# under /usr/bin/time when it exists. Sets bench_ms (wall time in ms, measured with date +%s%N, so the start of
# the process, e.g. the JVM's, is included) and bench_rss_kb (peak RSS in KB from /usr/bin/time, else empty).
# If CMD exits non-zero, prints the last 40 lines of its output and exits the script with code 1.
bench_exec() {
  local out="$1" err="$2"
  shift 2
  local start end status=0
  start="$(now_ns)"
  if [[ -n "$time_bin" ]]; then
    if [[ "$err" == "$out" ]]; then
      "$time_bin" -f %M -o "$work/rss" "$@" >"$out" 2>&1 || status=$?
    else
      "$time_bin" -f %M -o "$work/rss" "$@" >"$out" 2>"$err" || status=$?
    fi
  elif [[ "$err" == "$out" ]]; then
    "$@" >"$out" 2>&1 || status=$?
  else
    "$@" >"$out" 2>"$err" || status=$?
  fi
  end="$(now_ns)"
  if [[ "$status" -ne 0 ]]; then
    echo "${bench_name:-bench}: '$*' failed with exit code $status; its output (last 40 lines):" >&2
    if [[ -f "$out" ]]; then tail -n 40 "$out" >&2; fi
    if [[ "$err" != "$out" && -f "$err" ]]; then tail -n 40 "$err" >&2; fi
    exit 1
  fi
  bench_ms=$(((end - start) / 1000000))
  bench_rss_kb=""
  if [[ -n "$time_bin" ]]; then bench_rss_kb="$(tail -n 1 "$work/rss")"; fi
}

# record LABEL: appends the last bench_exec's ms to $work/LABEL.ms and its peak RSS (if known) to $work/LABEL.rss
record() {
  echo "$bench_ms" >>"$work/$1.ms"
  if [[ -n "$bench_rss_kb" ]]; then echo "$bench_rss_kb" >>"$work/$1.rss"; fi
}

# ---- the work folder and the generated project ------------------------------------------------
# make_work_dir: creates $work, the script's temp folder, and deletes it on exit, with $proj unless $keep is 1; an
# empty $proj becomes $work/project. The calling script defines proj and keep first.
make_work_dir() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/quarry-bench.XXXXXX")"
  if [[ -z "$proj" ]]; then
    proj="$work/project"
  fi
  trap 'rm -rf "$work"; if [[ "$keep" -eq 0 ]]; then rm -rf "$proj"; fi' EXIT
}

# generate_project MODELS: writes the synthetic project of bench/GenerateProject.java into $proj (absent or empty)
# and makes $proj absolute.
generate_project() {
  log "generating $1 models into $proj"
  "$java_cmd" "$repo_dir/bench/GenerateProject.java" --models "$1" --out "$proj" --quiet >"$work/generator.txt"
  sed 's/^/[bench]   /' "$work/generator.txt" >&2
  proj="$(cd "$proj" && pwd)"
}

# ---- fresh state -----------------------------------------------------------------------------
# move_aside PATH: moves PATH (a file or folder, if it exists) into $work, where it is deleted when the script
# exits. Deleting thousands of files on this machine's file system slows the file creation of the next ~30 s
# by seconds of kernel time, which would be measured instead of Quarry; a rename costs nothing.
moved_aside=0
move_aside() {
  if [[ -e "$1" ]]; then
    moved_aside=$((moved_aside + 1))
    mv "$1" "$work/old-$moved_aside-$(basename "$1")"
  fi
}

# fresh_database FILE: the next run starts on a new database file (DuckDB: FILE and FILE.wal)
fresh_database() {
  move_aside "$1"
  rm -f "$1.wal"
}

# ---- statistics ------------------------------------------------------------------------------
# stats FILE -> "median min max count" of the integers in FILE, one per line
# (median of an even count: the mean of the two middle values, rounded down)
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)
    printf "%d %d %d %d\n", m, v[1], v[NR], NR }'
}
# median: the median of the integers on stdin, as in stats
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
max_of() { sort -n "$1" | tail -n 1; }
# seconds MS: 1234 -> 1.234
seconds() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# ---- the machine line ------------------------------------------------------------------------
cpu_model() {
  local cpu
  cpu="$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
  echo "${cpu:-unknown CPU}"
}
java_version() { "$java_cmd" -version 2>&1 | head -n 1; }
commit_rev() { git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo unknown; }
load_average() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }

# ---- the SF project's Socrata imitation ----------------------------------------------------------
# build_project_classes: compiles the project module's classes and tests (with the framework) and the launcher's jar.
build_project_classes() {
  echo "building the classes and the launcher's jar..." >&2
  (cd "$repo_dir" && "${MVN:-mvn}" -B -q -o -pl project -am test-compile >&2)
  "$quarry" --version >/dev/null
}

# project_classpath: prints a class path of copies (so a build meanwhile cannot change them) of the project module's
# test and main classes, plus its test-scope dependencies (also listed in $work/classpath.txt).
project_classpath() {
  "${MVN:-mvn}" -B -q -o -f "$repo_dir/project/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt" >&2
  mkdir -p "$work/classes"
  cp -r "$repo_dir/project/target/test-classes" "$work/classes/test"
  cp -r "$repo_dir/project/target/classes" "$work/classes/main"
  echo "$work/classes/test:$work/classes/main:$(cat "$work/classpath.txt")"
}

# start_fake_socrata CLASSPATH ROWS: serves ROWS generated SFPD rows on loopback in its own JVM. Sets fake_url and
# fake_pid; the script's exit trap should call stop_fake_socrata.
fake_pid=""
start_fake_socrata() {
  "$java_cmd" -cp "$1" dev.sfcrimestats.socrata.FakeSocrata --rows "$2" >"$work/server.out" 2>"$work/server.err" &
  fake_pid=$!
  for _ in $(seq 1 200); do
    [[ -s "$work/server.out" ]] && break
    kill -0 "$fake_pid" 2>/dev/null || die "the Socrata imitation did not start: $(cat "$work/server.err")"
    sleep 0.05
  done
  fake_url="$(head -n 1 "$work/server.out")"
  [[ "$fake_url" == http://127.0.0.1:* ]] || die "the Socrata imitation printed '$fake_url', not its address"
}
stop_fake_socrata() { if [[ -n "$fake_pid" ]]; then kill "$fake_pid" 2>/dev/null || true; fi; }

# ---- the framework's test classes (browser benchmarks) ---------------------------------------------
# framework_test_classpath: compiles the framework's tests and prints a class path of copies of its test and main
# classes plus its test-scope dependencies (also listed in $work/framework-classpath.txt).
framework_test_classpath() {
  echo "building the framework's test classes..." >&2
  (cd "$repo_dir" && "${MVN:-mvn}" -B -q -o -pl framework test-compile >&2)
  "${MVN:-mvn}" -B -q -o -f "$repo_dir/framework/pom.xml" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/framework-classpath.txt" >&2
  mkdir -p "$work/framework-classes"
  cp -r "$repo_dir/framework/target/test-classes" "$work/framework-classes/test"
  cp -r "$repo_dir/framework/target/classes" "$work/framework-classes/main"
  echo "$work/framework-classes/test:$work/framework-classes/main:$(cat "$work/framework-classpath.txt")"
}
