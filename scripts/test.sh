#!/usr/bin/env bash
# The whole test suite: unit tests, and the database tests on PGlite and on a real
# PostgreSQL server that this script starts on a free port and stops afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
if [ -z "${TEST_DATABASE_URL:-}" ] && [ "${SKIP_POSTGRES:-}" != 1 ]; then
  # shellcheck source=scripts/pg-server.sh
  source scripts/pg-server.sh start
  trap 'pg_stop' EXIT
fi
# The server serves the built web app.
npm run build --silent
npx vitest run "$@"
