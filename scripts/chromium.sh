#!/usr/bin/env bash
# Prints the path of Debian's Chromium for the browser tests, installing the package when
# it is missing (as root with apt-get). Never a downloaded browser.
set -euo pipefail
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && { echo "$c"; exit 0; }; done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium findes ikke; installerer Debians chromium ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >&2; }
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
echo "Chromium mangler og kan ikke installeres her (kræver root og apt-get)." >&2
exit 1
