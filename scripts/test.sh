#!/usr/bin/env bash
# The whole test suite: unit tests, the database tests on PGlite and on a real
# PostgreSQL server that this script starts on a free port and stops afterwards, and the
# browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
if [ -z "${TEST_DATABASE_URL:-}" ] && [ "${SKIP_POSTGRES:-}" != 1 ]; then
  # shellcheck source=scripts/pg-server.sh
  source scripts/pg-server.sh start
  trap 'pg_stop' EXIT
fi
# Browser tests drive Debian's Chromium (installed here when missing).
if [ -z "${CHROMIUM_PATH:-}" ] && [ "${SKIP_BROWSER:-}" != 1 ]; then
  CHROMIUM_PATH="$(bash scripts/chromium.sh)"
  export CHROMIUM_PATH
fi
# The server serves the built web app.
npm run build --silent
npx vitest run "$@"
