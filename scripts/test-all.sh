#!/usr/bin/env bash
# npm test: everything — unit and integration tests on SQLite and PostgreSQL, then the browser
# journeys in Debian's Chromium against the real server. Exits non-zero when any part fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHROMIUM=/usr/bin/chromium
RESULTS=test-results
mkdir -p "$RESULTS"

declare -a SUMMARY=()
PASSED=0
FAILED=0
SKIPPED=0
STATUS=0

note() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# (a) Chromium for the browser journeys, and CJK fonts so screenshots show Chinese text.
ensure_chromium() {
  local missing=()
  [[ -x $CHROMIUM ]] || missing+=(chromium)
  if command -v dpkg-query >/dev/null 2>&1 && ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed'; then
    missing+=(fonts-noto-cjk)
  fi
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -eq 0 && -f /etc/debian_version ]]; then
    note "installing ${missing[*]} from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif [[ ! -x $CHROMIUM ]]; then
    echo "Chromium is missing at $CHROMIUM. Install it, then run npm test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
    exit 1
  else
    echo "warning: fonts-noto-cjk is not installed; screenshots will not show Chinese text" >&2
  fi
  [[ -x $CHROMIUM ]] || { echo "Chromium is still missing at $CHROMIUM" >&2; exit 1; }
}

# Run one vitest tier; add its counts from the JSON report to the totals.
run_tier() {
  local name=$1 report="$RESULTS/vitest-$2.json"; shift 2
  local started=$SECONDS rc=0
  note "$name"
  rm -f "$report"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="$report" || rc=$?
  local counts="0 0 0"
  if [[ -f "$report" ]]; then
    counts=$(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)' "$(pwd)/$report")
  fi
  read -r p f s <<<"$counts"
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f)); SKIPPED=$((SKIPPED + s))
  local verdict=passed
  if [[ $rc -ne 0 ]]; then verdict="FAILED (exit $rc)"; STATUS=1; fi
  # the counts decide too: a run that reports failed tests fails whatever vitest's exit code says
  if [[ $f -ne 0 ]]; then verdict="FAILED ($f)"; STATUS=1; fi
  SUMMARY+=("$(printf '%-34s %-16s %4s passed %4s failed %4s skipped  %4ss' "$name" "$verdict" "$p" "$f" "$s" $((SECONDS - started)))")
}

# (c) Build the console when web/dist is missing or older than its sources.
build_web() {
  local index=web/dist/index.html
  if [[ -f $index ]] && [[ -z "$(find web/src web/index.html web/vite.config.ts web/public contracts/src -newer "$index" -print -quit 2>/dev/null)" ]]; then
    echo "web/dist is up to date"
    return 0
  fi
  note "building the web console (web/dist)"
  npm run build -w web
}

note "checking Chromium"
ensure_chromium
echo "$("$CHROMIUM" --version 2>/dev/null || echo chromium)"

# (b) unit + integration tests (SQLite and PostgreSQL; see server/test/global-setup.ts)
run_tier "unit + integration (SQLite, PG)" unit

# (c) + (d) browser journeys
if build_web; then
  run_tier "browser journeys (Chromium)" e2e --config e2e/vitest.config.ts
else
  SUMMARY+=("$(printf '%-34s %s' "browser journeys (Chromium)" "NOT RUN: web build failed")")
  STATUS=1
fi

note "summary"
printf '  %s\n' "${SUMMARY[@]}"
echo "  screenshots: e2e/test-results/"
echo
echo "tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
exit $STATUS
