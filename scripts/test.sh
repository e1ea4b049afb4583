#!/usr/bin/env bash
# `npm test`: sets up a fresh machine, then runs every check and test, and prints one total.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SWITCHBOARD_ROOT"
bash scripts/setup.sh --tests

rm -rf test-reports && mkdir -p test-reports
status=0
# step NAME REPORT COMMAND...: runs one step and notes how it ended, for the summary (REPORT is `-` for checks).
step() {
  local name="$1" report="$2" code=0
  shift 2
  echo; echo "== $name"
  "$@" || code=$?
  [ "$code" = 0 ] || status=1
  printf '%s\t%s\t%s\n' "$code" "$report" "$name" >> test-reports/steps.tsv
}

step "Type check (node, web and e2e)" - bash -c 'tsc -p tsconfig.node.json && tsc -p tsconfig.web.json && tsc -p tsconfig.e2e.json'
step "Lint and format" - bash -c 'eslint --max-warnings 0 . && prettier --check --log-level warn .'
# Unit, integration and keychain tests run against a real Secret Service in a throwaway keyring.
step "Unit and integration tests (vitest)" vitest.json bash scripts/with-keyring.sh \
  vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json
step "Browser-mode end-to-end tests (Playwright, Debian Chromium)" playwright-browser.json bash scripts/with-keyring.sh \
  env PLAYWRIGHT_JSON_OUTPUT_FILE=test-reports/playwright-browser.json playwright test --reporter=list,json
# Where the Electron binary exists, better-sqlite3 is built for Electron's ABI for this step, then for Node again.
desktop_tests() {
  local has_electron=0 result=0
  [ -f node_modules/electron/path.txt ] && has_electron=1
  [ $has_electron = 0 ] || electron-rebuild -f -o better-sqlite3 >&2 || return 1
  bash scripts/with-keyring.sh env PLAYWRIGHT_JSON_OUTPUT_FILE=test-reports/playwright-electron.json \
    playwright test -c playwright.electron.config.ts --reporter=list,json || result=1
  [ $has_electron = 0 ] || npm rebuild better-sqlite3 --loglevel=error >&2 || result=1
  return $result
}
step "Desktop end-to-end tests (Playwright _electron)" playwright-electron.json desktop_tests

echo
node scripts/summarize-tests.mjs test-reports || status=1
exit $status
