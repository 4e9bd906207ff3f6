#!/usr/bin/env bash
# npm test: everything — unit and integration tests on SQLite and PostgreSQL, then the browser
# journeys in Debian's Chromium against the real server. Exits non-zero when any part fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHROMIUM=/usr/bin/chromium
RESULTS=test-results
mkdir -p "$RESULTS"

source scripts/lib/tiers.sh

# (a) Chromium for the browser journeys, CJK fonts so screenshots show Chinese text, and LibreOffice
# with pdftotext so the official-document test turns a generated bulletin into a PDF and reads it.
ensure_chromium() {
  local missing=()
  [[ -x $CHROMIUM ]] || missing+=(chromium)
  if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in fonts-noto-cjk libreoffice-writer-nogui poppler-utils; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done
  fi
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -eq 0 && -f /etc/debian_version ]]; then
    note "installing ${missing[*]} from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif [[ ! -x $CHROMIUM ]]; then
    echo "Chromium is missing at $CHROMIUM. Install it, then run npm test again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk" >&2
    exit 1
  else
    echo "warning: ${missing[*]} not installed; screenshots may not show Chinese text and the LibreOffice check is skipped" >&2
  fi
  [[ -x $CHROMIUM ]] || { echo "Chromium is still missing at $CHROMIUM" >&2; exit 1; }
}

# (c) Build the console when web/dist is missing or older than its sources.
build_web() {
  local index=web/dist/index.html
  if [[ -f $index ]] && [[ -z "$(find web/src web/index.html web/vite.config.ts web/public contracts/src package-lock.json -newer "$index" -print -quit 2>/dev/null)" ]]; then
    echo "web/dist is up to date"
    return 0
  fi
  note "building the web console (web/dist)"
  npm run build -w web
}

note "checking the runtime"
# npm puts node_modules/.bin first on PATH, so `node` here is the project's pinned Node 24
node scripts/check-runtime.mjs || fail_step "runtime (Node 24)" "$(node --version) is not supported"

# (a′) static checks: types (tsx and vite only strip them), lint, format, the walls between modules
# tsc in one lane, the other three in turn in the other: both cores busy, each with its own verdict
static_check_bg "types (tsc, every package)" npm run -s typecheck
static_check "lint (typescript-eslint)" npx eslint .
static_check "format (prettier --check)" npx prettier --check --log-level warn .
static_check "boundaries (dependency-cruiser)" npm run -s lint:boundaries
static_checks_wait

note "checking Chromium"
ensure_chromium
echo "$("$CHROMIUM" --version 2>/dev/null || echo chromium)"

# (b) unit + integration tests (SQLite and PostgreSQL; see server/test/global-setup.ts)
run_tier "unit + integration (SQLite, PG)" unit

# (c) + (d) browser journeys
if build_web; then
  run_tier "browser journeys (Chromium)" e2e --config e2e/vitest.config.ts
else
  fail_step "browser journeys (Chromium)" "NOT RUN: web build failed"
fi

echo "screenshots: e2e/test-results/"
print_summary
exit $STATUS
