#!/usr/bin/env bash
# Fuzzes the core with libFuzzer (clang-14, ASan + UBSan) for SECONDS in total,
# split evenly over the targets of tests/fuzz: check_fuzz (the whole check and
# its JSON/text output, with and without a previous report), numbers_fuzz
# (find_numbers, numeral parsers), dates_fuzz (find_dates, year mentions).
#
#   scripts/fuzz.sh SECONDS [TARGET...]
#
# Seeds: tests/fixtures/**, ../shared/{seeds,real} (SHARED=…), the kept crash
# inputs in tests/fuzz/regressions. The growing corpus lives in
# build-fuzz/corpus/TARGET (kept between runs). Prints the executions per target
# (libFuzzer's stat::number_of_executed_units) and in total; any crash, leak,
# timeout or out-of-memory input is copied to tests/fuzz/regressions/ (replayed
# by the unit tests from then on) and the script exits 1.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
shared="${SHARED:-$repo/../shared}"

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [check_fuzz|numbers_fuzz|dates_fuzz ...]" >&2
  exit 2
fi
total_seconds="$1"; shift
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(check_fuzz numbers_fuzz dates_fuzz)

# clang-14 + its runtime (libFuzzer, ASan, UBSan): Debian 12 packages.
packages=(clang-14 libclang-rt-14-dev cmake ninja-build nlohmann-json3-dev)
missing=()
for p in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "fuzz: installing ${missing[*]}"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
build=build-fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_FUZZ=ON \
      -DCMAKE_CXX_COMPILER=clang++-14 -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]}"

seeds=()
for d in tests/fixtures/seeds tests/fixtures/real "$shared/seeds" "$shared/real" tests/fuzz/regressions; do
  [ -d "$d" ] && seeds+=("$d")
done

per=$(( total_seconds / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1
total_execs=0
found=0
summary=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  # Whole reports for the check (the seeds are 5-10 KB); short texts for the
  # parsers, which see a few characters around each number or date: many more
  # executions per second.
  case "$t" in
    check_fuzz) max_len=16384 ;;
    *) max_len=96 ;;
  esac
  log="$build/$t.log"
  echo "fuzz: $t for $per s (log: $log)"
  set +e
  "$build/tests/fuzz/$t" -max_total_time="$per" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
    -dict=tests/fuzz/report.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  execs=${execs:-0}
  total_execs=$((total_execs + execs))
  summary+=("$t: $execs executions in $per s (exit $rc)")
  echo "fuzz: $t: $execs executions (exit $rc)"
  # slow-unit-* (over 10 s once) are not failures: on a shared machine they are
  # mostly load; a real hang ends as timeout-* (-timeout=20).
  for a in "$artifacts"/slow-unit-*; do
    [ -e "$a" ] || continue
    echo "fuzz: $t: slow input (not a failure): $a"
  done
  for a in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$a" ] || continue
    kind=$(basename "$a" | cut -d- -f1)
    dest="tests/fuzz/regressions/$t-$kind-$(sha1sum "$a" | cut -c1-16)"
    cp "$a" "$dest"
    rm -f "$a"
    echo "fuzz: $t found a $kind input, kept as $dest"
    found=$((found + 1))
  done
  if [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then
    echo "fuzz: $t exited $rc without an artifact; see $log" >&2
    tail -30 "$log" >&2
    found=$((found + 1))
  fi
done

echo
for line in "${summary[@]}"; do echo "fuzz: $line"; done
echo "fuzz: total $total_execs executions, $found problem input(s)"
[ "$found" -eq 0 ]
