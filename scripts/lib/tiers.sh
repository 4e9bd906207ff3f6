# Sourced by scripts/test-all.sh: run vitest tiers, add up their counts, print the closing line.
# Callers set RESULTS (where the JSON reports go) and may read STATUS (non-zero when a tier failed).
declare -a SUMMARY=()
declare -a FAILURES=()
PASSED=0
FAILED=0
SKIPPED=0
STATUS=0

note() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# run_tier <name> <report-id> <vitest args…>: one vitest run; its counts join the totals. A run that
# exits non-zero fails, and counts a failure even when no test ran (scripts/tier-counts.mjs).
run_tier() {
  local name=$1 report="$RESULTS/vitest-$2.json"; shift 2
  local started=$SECONDS rc=0
  note "$name"
  rm -f "$report"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="$report" || rc=$?
  local p f s
  read -r p f s <<<"$(node scripts/tier-counts.mjs "$report" "$rc")"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  local verdict=passed
  if [[ $rc -ne 0 ]]; then verdict="FAILED (exit $rc)"; STATUS=1; fi
  # the counts decide too: a run that reports failed tests fails whatever vitest's exit code says
  if [[ $f -ne 0 ]]; then verdict="FAILED ($f)"; STATUS=1; fi
  SUMMARY+=("$(printf '%-34s %-16s %4s passed %4s failed %4s skipped  %4ss' "$name" "$verdict" "$p" "$f" "$s" $((SECONDS - started)))")
  while IFS= read -r line; do [[ -n $line ]] && FAILURES+=("$line"); done < <(node scripts/tier-counts.mjs --failures "$report")
}

# A step that is not a vitest tier (the runtime check, the web build) and did not work counts as a failure.
fail_step() {
  SUMMARY+=("$(printf '%-34s %s' "$1" "FAILED: $2")")
  FAILED=$((FAILED + 1)); STATUS=1
}

# static_check <name> <command…>: a check that is not a test runner (tsc, lint); failing counts one failure.
static_check() {
  local name=$1; shift
  note "$name"
  local started=$SECONDS
  if "$@"; then
    SUMMARY+=("$(printf '%-34s %-16s %29s  %4ss' "$name" passed "" $((SECONDS - started)))")
  else
    fail_step "$name" "$* (exit $?)"
  fi
}

# static_check_bg <name> <command…>: the same check, started in the background so that it shares the
# two cores with the checks that follow (on a clean clone tsc alone took 103 s, eslint 81 s). Its
# output is held back and printed by static_checks_wait, and its summary line keeps its place.
declare -a BG_PID=() BG_SLOT=() BG_NAME=() BG_CMD=() BG_LOG=()
static_check_bg() {
  local name=$1; shift
  local log; log=$(mktemp)
  SUMMARY+=("") # its place in the summary, filled in by static_checks_wait
  BG_SLOT+=($((${#SUMMARY[@]} - 1)))
  (
    started=$SECONDS rc=0
    "$@" >"$log" 2>&1 || rc=$?
    echo "$rc $((SECONDS - started))" >"$log.done"
  ) &
  BG_PID+=($!) BG_NAME+=("$name") BG_CMD+=("$*") BG_LOG+=("$log")
  echo "started in the background: $name"
}

# static_checks_wait: waits for every static_check_bg, prints its output and records its verdict.
static_checks_wait() {
  local i rc seconds
  for i in "${!BG_PID[@]}"; do
    wait "${BG_PID[$i]}" || true
    read -r rc seconds 2>/dev/null <"${BG_LOG[$i]}.done" || { rc=1 seconds=0; }
    note "${BG_NAME[$i]} (ran in the background)"
    cat "${BG_LOG[$i]}"
    rm -f "${BG_LOG[$i]}" "${BG_LOG[$i]}.done"
    if [[ $rc -eq 0 ]]; then
      SUMMARY[BG_SLOT[i]]="$(printf '%-34s %-16s %29s  %4ss' "${BG_NAME[$i]}" passed "" "$seconds")"
    else
      SUMMARY[BG_SLOT[i]]="$(printf '%-34s %s' "${BG_NAME[$i]}" "FAILED: ${BG_CMD[$i]} (exit $rc)")"
      FAILED=$((FAILED + 1)); STATUS=1
    fi
  done
  BG_PID=() BG_SLOT=() BG_NAME=() BG_CMD=() BG_LOG=()
}

print_summary() {
  note "summary"
  printf '  %s\n' "${SUMMARY[@]}"
  if [[ ${#FAILURES[@]} -gt 0 ]]; then
    echo
    echo "failed tests:"
    printf '  ✗ %s\n' "${FAILURES[@]}"
  fi
  echo
  echo "tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
}
