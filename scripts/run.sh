#!/usr/bin/env bash
# Builds, then serves dist/ on http://127.0.0.1:$PORT/ (default 8080) until Ctrl-C.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/build.sh"
exec node "$repo/scripts/serve.mjs" "$repo/dist" --host 127.0.0.1 --port "${PORT:-8080}"
