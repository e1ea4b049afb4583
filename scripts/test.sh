#!/usr/bin/env bash
# `npm test`: sets up a fresh machine, then runs every check and test, and prints one total.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SWITCHBOARD_ROOT"
bash scripts/setup.sh --tests

rm -rf test-reports && mkdir -p test-reports
status=0
step() { echo; echo "== $1"; shift; "$@" || status=1; }

step "Type check (node and web)" bash -c 'tsc -p tsconfig.node.json && tsc -p tsconfig.web.json'
step "Lint" eslint --max-warnings 0 .
# Unit, integration and keychain tests run against a real Secret Service in a throwaway keyring.
step "Unit and integration tests (vitest)" bash scripts/with-keyring.sh \
  vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest.json
step "Browser-mode end-to-end tests (Playwright, Debian Chromium)" bash scripts/with-keyring.sh \
  env PLAYWRIGHT_JSON_OUTPUT_FILE=test-reports/playwright-browser.json playwright test --reporter=list,json
step "Desktop end-to-end tests (Playwright _electron)" bash scripts/with-keyring.sh \
  env PLAYWRIGHT_JSON_OUTPUT_FILE=test-reports/playwright-electron.json playwright test -c playwright.electron.config.ts --reporter=list,json

echo
node scripts/summarize-tests.mjs test-reports || status=1
exit $status
