#!/usr/bin/env bash
# Builds, then runs every test; ends with "N passed, M failed" (test steps).
# SHARED (default: <repo>/../shared) holds the labelled seeds for score_cases.py.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
shared="${SHARED:-$repo/../shared}"

passed=0
failed=0
failed_steps=()

step() {
  local name="$1"; shift
  echo
  echo "=== $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
    echo "=== $name: FAILED ($((SECONDS - start)) s)"
  fi
}

summary() {
  echo
  if [ "${#failed_steps[@]}" -gt 0 ]; then echo "failed: ${failed_steps[*]}"; fi
  echo "$passed passed, $failed failed"
}

# Without profile-guided optimisation (NIANBAO_PGO=off): the tests check what
# the code does, not how fast, and PGO's instrumented build and training run
# cost about a minute and a half; scripts/bench.sh builds with it.
step build env NIANBAO_PGO="${NIANBAO_PGO:-off}" "$repo/scripts/build.sh"
if [ "$failed" -gt 0 ]; then
  summary
  exit 1
fi

step "ctest native" ctest --test-dir build-native --output-on-failure
step "ctest wasm" ctest --test-dir build-wasm --output-on-failure
step "unit tests under ASan + UBSan" "$repo/scripts/asan.sh"
# A short fuzz run (FUZZ_SECONDS, default 60, split over the ten targets, ASan +
# UBSan) on a corpus of its own in build-fuzz/ (the dedicated runs' corpus in
# /work/fuzz-corpus grows to thousands of inputs, which take minutes to replay
# under the sanitizers); the long runs are scripts/fuzz.sh by hand
# (docs/fuzzing.md). FUZZ_SECONDS=0 skips it.
if [ "${FUZZ_SECONDS:-60}" -gt 0 ]; then
  step "fuzz smoke (${FUZZ_SECONDS:-60} s)" env FUZZ_CORPUS="${FUZZ_CORPUS:-$repo/build-fuzz/corpus}" \
    "$repo/scripts/fuzz.sh" "${FUZZ_SECONDS:-60}"
fi
step "node tests" node --test tests/node/
step "layout variants" node tests/layouts/matrix.mjs
for t in tests/browser/*.mjs; do
  [ -e "$t" ] || continue
  step "browser $(basename "$t")" node "$t"
done
if [ -f "$shared/tools/score_cases.py" ] && [ -d "$shared/seeds" ]; then
  step "score seeds" python3 "$shared/tools/score_cases.py" build-native/cli/nianbao "$shared/seeds"
else
  echo
  echo "=== score seeds: skipped ($shared/tools/score_cases.py or $shared/seeds not found; set SHARED)"
fi

step "docs/rules.md is generated from the registry" \
  bash -c 'build-native/cli/nianbao rules --format markdown | diff -u docs/rules.md -'

summary
[ "$failed" -eq 0 ]
