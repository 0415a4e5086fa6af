#!/usr/bin/env bash
# Speed and size figures (printed, not asserted). Builds first if needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
[ -x build-native/cli/nianbao ] || "$repo/scripts/build.sh"
echo "== native"
python3 scripts/bench.py build-native/cli/nianbao "$@"
echo "== hostile inputs (native)"
python3 scripts/bench_hostile.py build-native/cli/nianbao
if [ -f dist/index.html ] && [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ]; then
  echo "== page (Chromium)"
  node scripts/bench-page.mjs
fi
