#!/usr/bin/env bash
# Speed and size figures (printed, not asserted). Builds first if needed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# The figures are the profile-guided build's (scripts/test.sh builds without):
# built again when build-native/ was configured without the profile.
gcc=false; "${CXX:-c++}" --version 2>/dev/null | grep -q "Free Software Foundation" && gcc=true
if ! [ -x build-native/cli/nianbao ] || { $gcc && [ "${NIANBAO_PGO:-on}" != off ] \
     && ! grep -q '^NIANBAO_PGO:STRING=use$' build-native/CMakeCache.txt; }; then
  "$repo/scripts/build.sh"
fi
echo "== native"
python3 scripts/bench.py build-native/cli/nianbao "$@"
echo "== hostile inputs (native)"
python3 scripts/bench_hostile.py build-native/cli/nianbao
if [ -f dist/index.html ] && [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ]; then
  echo "== page (Chromium)"
  node scripts/bench-page.mjs
fi
