#!/usr/bin/env bash
# The whole test suite, all four tiers of vitest.config.ts (unit, db, slow, browser): the
# database tests on PGlite and on a real PostgreSQL server that this script starts on a free
# port and stops afterwards, and the browser tests in Debian's Chromium on the built web app.
# Arguments go to vitest; with --project (e.g. `npm test -- --project db`) Chromium and the
# web build are only prepared when the browser tier is among them.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

# Does the browser tier run? Yes unless --project names other tiers only.
browser=1
projects=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --project=*) projects+=("${args[i]#--project=}") ;;
    --project) projects+=("${args[i + 1]:-}") ;;
  esac
done
if [ ${#projects[@]} -gt 0 ]; then
  browser=0
  for p in "${projects[@]}"; do [ "$p" = browser ] && browser=1; done
fi

if [ -z "${TEST_DATABASE_URL:-}" ] && [ "${SKIP_POSTGRES:-}" != 1 ]; then
  # shellcheck source=scripts/pg-server.sh
  source scripts/pg-server.sh start
  trap 'pg_stop' EXIT
fi
if [ "$browser" = 1 ] && [ "${SKIP_BROWSER:-}" != 1 ]; then
  # Browser tests drive Debian's Chromium (installed here when missing); the db tier's PDF
  # checks use it too when it is there.
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    CHROMIUM_PATH="$(bash scripts/chromium.sh)"
    export CHROMIUM_PATH
  fi
  # The browser tests serve the built web app (the other tiers a stand-in, test/fixtures/web-dist).
  npm run build --silent
fi
npx vitest run "$@"
