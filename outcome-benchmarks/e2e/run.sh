#!/usr/bin/env bash
# End-to-end benchmark: what users run, as whole processes. For each job, times the outcome command
# line (through the ./outcome script, as a user runs it) beside an R script (data.table + survival or
# stats) and a Python script (pandas + statsmodels or scipy) doing the same job on the same seeded
# cohort CSV, and prints a Markdown table of wall seconds, peak RSS and exit status.
#
#   outcome-benchmarks/e2e/run.sh [options] [ROWS...]        (default ROWS: 1000000)
#
# Options:
#   --work-dir DIR          cohorts, outputs and results go here (default /tmp/outcome-e2e)
#   --jobs LIST             comma-separated jobs (default km,logrank,rmst,cox,compare,paired,ancova;
#                           also propensity and match, whose peers are R only: glm + sandwich,
#                           MatchIt; no Python peer, as Python has no standard matching package;
#                           and andersen-gill, mcf, cif and fine-gray, whose ROWS count people (the
#                           recurrent data have about four rows a person; peers R only: survival,
#                           cmprsk), read from RecurrentCsv's files instead of the cohort)
#   --tools LIST            comma-separated tools (default outcome,R,python; also spark: the same
#                           outcome command through `outcome spark --master local[2]`)
#   --timeout SECONDS       a run longer than this is killed and shown as "> SECONDS s" (default 900)
#   --skip-peers-cox-large  at large sizes, do not run the R and Python Cox models (shown as skipped)
#   --skip-peers-cox-10m    the same
#   --evaluate LIST         people per group for the `outcome demo` rows (default 50000,500000;
#                           "none" for none); with them, `tenure` and `score` of the demo's data
#                           by outcome and spark when --tools names them (no R or Python peer),
#                           and with spark, the evaluation again on Spark (`outcome spark evaluate`)
#   -h, --help              this text
#
# Environment:
#   OUTCOME_HOME    the checkout whose ./outcome script is measured (default: this script's repo)
#   BENCHMARKS_JAR  the jar with org.outcome.benchmarks.CohortCsv (default: this repo's
#                   outcome-benchmarks/target/benchmarks.jar, built when missing)
#   REPEAT          runs of each measurement; the table shows the median wall time and peak RSS (default 1)
#   LARGE_ROWS      from this many rows on, only km and cox run (default 10000000)
#   SEED            the cohorts' seed (default: CohortCsv's)
#   RSCRIPT, PYTHON the interpreters (default Rscript, /usr/bin/python3)
#   OUTCOME_JAVA_OPTS is passed on by ./outcome to java, as for any user.
#
# A run that fails shows its exit status (and the last line of its standard error under the table);
# a run that times out shows "> SECONDS s" and status "timeout". Nothing is retried.
set -euo pipefail

e2e="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$e2e/../.." && pwd)"
peers="$e2e/peers"

work=/tmp/outcome-e2e
jobs=km,logrank,rmst,cox,compare,paired,ancova
tools=outcome,R,python
timeout_s=900
skip_peers_cox_large=false
evaluate=50000,500000
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work-dir) work="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --tools) tools="$2"; shift 2 ;;
    --timeout) timeout_s="$2"; shift 2 ;;
    --skip-peers-cox-large|--skip-peers-cox-10m) skip_peers_cox_large=true; shift ;;
    --evaluate) evaluate="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000)
[ "$evaluate" = none ] && evaluate=""

OUTCOME_HOME="${OUTCOME_HOME:-$repo}"
OUTCOME_HOME="$(cd "$OUTCOME_HOME" && pwd)"
BENCHMARKS_JAR="${BENCHMARKS_JAR:-$repo/outcome-benchmarks/target/benchmarks.jar}"
REPEAT="${REPEAT:-1}"
LARGE_ROWS="${LARGE_ROWS:-10000000}"
RSCRIPT="${RSCRIPT:-Rscript}"
PYTHON="${PYTHON:-/usr/bin/python3}"
TIME=/usr/bin/time
outcome="$OUTCOME_HOME/outcome"

[ -x "$TIME" ] || { echo "run.sh: $TIME is missing (apt-get install time)" >&2; exit 2; }
[ -x "$outcome" ] || { echo "run.sh: no outcome script at $outcome (set OUTCOME_HOME)" >&2; exit 2; }

has() { case ",$1," in *,"$2",*) return 0 ;; *) return 1 ;; esac; }
log() { echo "run.sh: $*" >&2; }

mkdir -p "$work/out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="$work/results-$stamp.md"
rows_file="$work/rows-$stamp.tsv"
notes_file="$work/notes-$stamp.txt"
: > "$rows_file"
: > "$notes_file"

# the cohort generator, and the CLI built before anything is timed (./outcome builds when stale)
if [ ! -f "$BENCHMARKS_JAR" ]; then
  log "building $BENCHMARKS_JAR"
  (cd "$repo" && ./mvnw -B -q -pl outcome-benchmarks -am package -DskipTests) >&2
fi
if has "$tools" outcome || [ -n "$evaluate" ]; then
  log "checking the outcome command line in $OUTCOME_HOME"
  "$outcome" --version >&2 || log "outcome --version failed: its runs below will show why"
fi

cohort() {
  local rows="$1" file="$work/cohort-$1${SEED:+-$SEED}.csv"
  if [ ! -f "$file" ]; then
    log "generating $file"
    java -cp "$BENCHMARKS_JAR" org.outcome.benchmarks.CohortCsv "$rows" "$file.tmp" ${SEED:-} >&2
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# the recurrent (andersen-gill, mcf) or competing (cif, fine-gray) data of $2 people
recurrent_data() {
  local kind="$1" people="$2" file="$work/$1-$2${SEED:+-$SEED}.csv"
  if [ ! -f "$file" ]; then
    log "generating $file"
    java -cp "$BENCHMARKS_JAR" org.outcome.benchmarks.RecurrentCsv "$people" "$kind" "$file.tmp" ${SEED:-} >&2
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# sets cmd to the command of job $1 for tool $2, reading $3
command_of() {
  local job="$1" tool="$2" csv="$3"
  case "$tool" in
    R) cmd=("$RSCRIPT" "$peers/$job.R" "$csv"); return ;;
    python) cmd=("$PYTHON" "$peers/$job.py" "$csv"); return ;;
  esac
  local surv=(--input="$csv" --time=time --event=event --format=json)
  case "$job" in
    km) cmd=("$outcome" survival km "${surv[@]}" --group=group) ;;
    logrank) cmd=("$outcome" survival logrank "${surv[@]}" --group=group) ;;
    rmst) cmd=("$outcome" survival rmst "${surv[@]}" --group=group --tau=365) ;;
    cox) cmd=("$outcome" survival cox "${surv[@]}" --ties=efron
      --covariates=peer,age,female,prior_admissions,psychosis,baseline) ;;
    compare) cmd=("$outcome" compare --input="$csv" --value=baseline --group=group --format=json) ;;
    paired) cmd=("$outcome" paired --input="$csv" --before=baseline --after=after --format=json) ;;
    ancova) cmd=("$outcome" ancova --input="$csv" --pre=baseline --post=after --group=group --format=json) ;;
    andersen-gill) cmd=("$outcome" survival andersen-gill --input="$csv" --start=start --stop=stop --event=event
      --id=id --covariates=peer,age,female --format=json) ;;
    mcf) cmd=("$outcome" survival mcf --input="$csv" --start=start --stop=stop --event=event --id=id --group=group
      --format=json) ;;
    cif) cmd=("$outcome" survival cif --input="$csv" --time=time --status=status --group=group --format=json) ;;
    fine-gray) cmd=("$outcome" survival fine-gray --input="$csv" --time=time --status=status
      --covariates=peer,age,female --format=json) ;;
    propensity|match) cmd=("$outcome" propensity --input="$csv" --treatment=peer
      --covariates=age,female,prior_admissions,psychosis,baseline --outcome=after --format=json)
      [ "$job" = match ] && cmd+=(--method=match) ;;
    *) echo "run.sh: unknown job $job" >&2; exit 2 ;;
  esac
  if [ "$tool" = spark ]; then
    # the same command on Spark, as a user runs it: local[2] on this machine's two cores
    cmd=("${cmd[0]}" spark --master "local[2]" "${cmd[@]:1}")
  fi
}

# ./outcome rebuilds the tool when its checkout's sources are newer than the jar: do that untimed,
# just before each measured run of it (a rebuild inside a measured run is still flagged)
warm_outcome() {
  "$outcome" --version > /dev/null 2> "$work/out/warm.err" || log "outcome --version failed: $(tail -n 1 "$work/out/warm.err")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure JOB ROWS TOOL NAME COMMAND...: runs the command REPEAT times (stdout and stderr to
# $work/out/NAME.*) and appends a row: job, rows, tool, median wall s, median peak RSS MB, status
measure() {
  local job="$1" rows="$2" tool="$3" name="$4"; shift 4
  local walls="" rsss="" status=0 i
  local rebuilt=""
  for ((i = 1; i <= REPEAT; i++)); do
    log "$job $rows $tool (run $i of $REPEAT)"
    case "$tool" in
      outcome*) warm_outcome ;;
      spark) "$outcome" spark --help > /dev/null 2> "$work/out/warm.err" ;;   # builds the Spark engine, untimed
    esac
    local t="$work/out/$name.time"
    set +e
    "$TIME" -f '%e %M' -o "$t" timeout --kill-after=10 "$timeout_s" "$@" > "$work/out/$name.out" 2> "$work/out/$name.err"
    status=$?
    set -e
    if grep -q 'building the command-line tool\|building the Spark engine' "$work/out/$name.err"; then
      rebuilt=", included a rebuild"
    fi
    local line; line="$(tail -n 1 "$t")"
    walls+="${line%% *}"$'\n'
    rsss+="${line##* }"$'\n'
    [ "$status" -eq 0 ] || break
  done
  local wall rss shown
  wall="$(printf '%s' "$walls" | median)"
  rss="$(printf '%s' "$rsss" | median | awk '{ printf "%.0f", $1 / 1024 }')"
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    shown="> $timeout_s"; status="timeout"
  else
    shown="$(printf '%.2f' "$wall")"
    [ "$status" -eq 0 ] || status="failed ($status)"
  fi
  status="$status$rebuilt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$job" "$rows" "$tool" "$shown" "$rss" "$status" >> "$rows_file"
  if [ "$status" != 0 ]; then
    printf -- '- %s, %s, %s: %s (%s)\n' "$job" "$rows" "$tool" \
      "$(first_and_last "$work/out/$name.err")" "$work/out/$name.err" >> "$notes_file"
  fi
}

# the first and the last line of an error output (a usage error's message comes first, a
# traceback's last), without ./outcome's build notice
first_and_last() {
  grep -v -e '^[[:space:]]*$' -e 'building the command-line tool' "$1" | sed -n '1p; $p' | uniq | paste -sd '|' - | sed 's/|/ … /'
}

skip() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "-" "-" "skipped" >> "$rows_file"
}

for rows in "${sizes[@]}"; do
  csv="$(cohort "$rows")"
  IFS=',' read -r -a job_list <<< "$jobs"
  for job in "${job_list[@]}"; do
    if [ "$rows" -ge "$LARGE_ROWS" ] && [ "$job" != km ] && [ "$job" != cox ]; then
      continue
    fi
    for tool in outcome spark R python; do
      has "$tools" "$tool" || continue
      if [ "$rows" -ge "$LARGE_ROWS" ] && [ "$job" = cox ] && [ "$tool" != outcome ] && [ "$tool" != spark ] \
        && $skip_peers_cox_large; then
        skip "$job" "$rows" "$tool"
        continue
      fi
      if { [ "$tool" = R ] && [ ! -f "$peers/$job.R" ]; } || { [ "$tool" = python ] && [ ! -f "$peers/$job.py" ]; }; then
        skip "$job" "$rows" "$tool"   # no peer script for this job
        continue
      fi
      input="$csv"
      case "$job" in
        andersen-gill|mcf) input="$(recurrent_data recurrent "$rows")" ;;
        cif|fine-gray) input="$(recurrent_data competing "$rows")" ;;
      esac
      command_of "$job" "$tool" "$input"
      measure "$job" "$rows" "$tool" "$rows-$job-$tool" "${cmd[@]}"
    done
  done
done

# the evaluation a user runs: generate the synthetic evaluation and run it (demo), then run the
# evaluation again on the data it wrote (evaluate)
IFS=',' read -r -a people_list <<< "$evaluate"
for n in "${people_list[@]}"; do
  dir="$work/demo-$n"
  measure evaluate "$((2 * n)) people" "outcome demo" "demo-$n" \
    "$outcome" demo --people-per-group="$n" --output-dir="$dir" --force
  if [ -f "$dir/evaluation.json" ]; then
    measure evaluate "$((2 * n)) people" "outcome evaluate" "evaluate-$n" \
      "$outcome" evaluate --config="$dir/evaluation.json" --output-dir="$dir/report-again"
    if has "$tools" spark; then
      measure evaluate "$((2 * n)) people" "outcome spark evaluate" "evaluate-$n-spark" \
        "$outcome" spark --master "local[2]" evaluate --config="$dir/evaluation.json" --output-dir="$dir/report-spark"
    fi
  fi
  # tenure and scoring of the same data, by the tool and on Spark (no R or Python peer for these)
  for tool in outcome spark; do
    has "$tools" "$tool" && [ -f "$dir/data/people.csv" ] || continue
    prefix=("$outcome")
    [ "$tool" = spark ] && prefix=("$outcome" spark --master "local[2]")
    extraction="$(sed -n 's/.*"extractionDate" *: *"\([0-9-]*\)".*/\1/p' "$dir/evaluation.json")"
    measure tenure "$((2 * n)) people" "$tool" "tenure-$n-$tool" "${prefix[@]}" tenure \
      --people="$dir/data/people.csv" --episodes="$dir/data/episodes.csv" --window-days=1095 \
      ${extraction:+--extraction-date="$extraction"} --format=csv
    measure score "$((2 * n)) people, swemwbs" "$tool" "score-$n-$tool" "${prefix[@]}" score \
      --instrument=swemwbs --input="$dir/data/swemwbs.csv" --format=csv
  done
done

{
  echo "End-to-end, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, outcome at $OUTCOME_HOME ($(git -C "$OUTCOME_HOME" rev-parse --short HEAD 2>/dev/null || echo '?')), REPEAT=$REPEAT"
  echo
  echo "| job | rows | tool | wall s | peak RSS MB | exit |"
  echo "|---|---:|---|---:|---:|---|"
  awk -F '\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$rows_file"
  if [ -s "$notes_file" ]; then
    echo
    echo "Failures and notes:"
    echo
    cat "$notes_file"
  fi
} | tee "$results"
log "table saved as $results; outputs in $work/out"
