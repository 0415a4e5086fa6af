#!/usr/bin/env bash
# The unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (NIANBAO_SANITIZE=ON, cmake/Hardening.cmake), in build-asan/: builds the
# core and the unit-test binaries only (not the CLI; the PDF reader's tests when
# libqpdf is installed), then runs them with ctest.
# Any sanitizer report fails its test. Called by scripts/test.sh.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_SANITIZE=ON >/dev/null
targets=(nianbao_tests)
# ctest lists the PDF tests whenever the target exists: build it then.
if cmake --build build-asan --target help | grep -q '^nianbao_pdf_tests:'; then targets+=(nianbao_pdf_tests); fi
cmake --build build-asan -j "$jobs" --target "${targets[@]}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --test-dir build-asan --output-on-failure -j "$jobs"
