#!/usr/bin/env bash
# Fuzzes the core with libFuzzer (clang-14) for SECONDS in total, split evenly
# over the targets, one target at a time, under nice -n 19 (the machine's
# builds get the CPU first). The targets (tests/fuzz, one a stage):
#   check_fuzz    the whole check and its JSON/text output (with and without last year's report)
#   reader_fuzz   text -> model alone          rules_fuzz   the rules on a model with fuzzed cells
#   html_fuzz     the HTML reader              docx_fuzz    the Word XML reader (and .docx files)
#   ofd_fuzz      the OFD reader (zip + XML)   layout_fuzz  positioned runs -> text (PDF, OFD)
#   glued_fuzz    the glued-digit solver       numbers_fuzz / dates_fuzz  the number and date finders
#
#   scripts/fuzz.sh SECONDS [TARGET...]
#   SANITIZE=none scripts/fuzz.sh SECONDS ...   without the sanitizers (build-fuzz-nosan/), for speed
#   FUZZ_TIMEOUT=120 scripts/fuzz.sh ...        seconds an input may take (default 20); the runs are
#                                               niced, so a busy machine (a build) can starve one past 20 s
#   TRACE_CMP=off scripts/fuzz.sh ...           ASan + UBSan without comparison tracing (build-fuzz-notc/):
#                                               the sanitizers still check every execution, about twice
#                                               the executions a second on the whole check; for runs from a
#                                               grown corpus, where the dictionary already gave the words
#
# SANITIZE=asan (the default) builds with ASan + UBSan in build-fuzz/;
# SANITIZE=none builds -O2 without them and without libFuzzer's comparison
# tracing (-fsanitize-coverage=trace-cmp: half the time of a check), several
# times the executions a second; a crash there is replayed under the
# sanitizers by the unit tests (build-asan) once kept.
#
# Inputs up to 64 KB for the targets that read whole reports or files (real
# reports are 5-200 KB), short ones for the parsers; -entropic=0 for the
# targets with large inputs, where libFuzzer's entropic scheduling took 40-60%
# of the time (perf, docs/fuzzing.md). Dictionary: tests/fuzz/report.dict and
# the template's labels, tests/fuzz/template.dict (scripts/gen_fuzz_dict.py).
#
# Seeds: tests/fixtures/**, ../shared/{seeds,real,ofd} (SHARED=…), files made
# from them for the non-text targets (scripts/fuzz_seeds.py), the kept inputs
# in tests/fuzz/regressions. The growing corpus lives in FUZZ_CORPUS/TARGET
# (default /work/fuzz-corpus when /work is writable, else build-fuzz/corpus),
# kept between runs and shared by both modes. Prints the executions per target
# (libFuzzer's stat::number_of_executed_units) and in total; any crash, leak,
# timeout or out-of-memory input is copied to tests/fuzz/regressions/ as
# TARGET-KIND-SHA1 (replayed through that target by the unit tests) and the
# script exits 1.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
shared="${SHARED:-$repo/../shared}"
all_targets=(check_fuzz reader_fuzz rules_fuzz html_fuzz docx_fuzz ofd_fuzz layout_fuzz glued_fuzz numbers_fuzz dates_fuzz)

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: [SANITIZE=asan|none] scripts/fuzz.sh SECONDS [${all_targets[*]}]" >&2
  exit 2
fi
total_seconds="$1"; shift
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")

# clang-14 + its runtime (libFuzzer, ASan, UBSan): Debian 12 packages.
packages=(clang-14 libclang-rt-14-dev cmake ninja-build nlohmann-json3-dev zlib1g-dev python3)
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
case "${SANITIZE:-asan}" in
  asan) build=build-fuzz trace=ON
        [ "${TRACE_CMP:-on}" = off ] && build=build-fuzz-notc trace=OFF
        config=(-DCMAKE_BUILD_TYPE=Debug -DNIANBAO_FUZZ_SANITIZE=ON -DNIANBAO_FUZZ_TRACE_CMP=$trace) ;;
  none) build=build-fuzz-nosan
        config=(-DCMAKE_BUILD_TYPE=Release -DNIANBAO_FUZZ_SANITIZE=OFF -DNIANBAO_FUZZ_TRACE_CMP=OFF) ;;
  *) echo "fuzz: SANITIZE is asan or none" >&2; exit 2 ;;
esac
sanitizers=$([ "$build" = build-fuzz-nosan ] && echo "none" || echo "ASan+UBSan")
nice -n 19 cmake -S . -B "$build" -G Ninja -DNIANBAO_FUZZ=ON "${config[@]}" \
      -DCMAKE_CXX_COMPILER=clang++-14 -DBUILD_TESTING=OFF >/dev/null
nice -n 19 cmake --build "$build" -j "$jobs" --target "${targets[@]}"

if [ -n "${FUZZ_CORPUS:-}" ]; then corpus_root="$FUZZ_CORPUS"
elif mkdir -p /work/fuzz-corpus 2>/dev/null && [ -w /work/fuzz-corpus ]; then corpus_root=/work/fuzz-corpus
else corpus_root="$repo/build-fuzz/corpus"; fi
made="$build/seeds"
rm -rf "$made"
python3 scripts/fuzz_seeds.py "$made" "$shared"
dict="$build/fuzz.dict"
cat tests/fuzz/report.dict tests/fuzz/template.dict >"$dict"

per=$(( total_seconds / ${#targets[@]} ))
[ "$per" -ge 1 ] || per=1
total_execs=0
found=0
summary=()
for t in "${targets[@]}"; do
  corpus="$corpus_root/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  # Whole reports and files for the readers and the check; short texts for the
  # parsers, which see a few characters around each number or date.
  seeds=()
  options=()
  case "$t" in
    check_fuzz|reader_fuzz|html_fuzz|docx_fuzz|ofd_fuzz|layout_fuzz)
      max_len=65536; options=(-entropic=0)
      dirs=(tests/fixtures/seeds tests/fixtures/real "$shared/seeds" "$shared/real") ;;
    rules_fuzz) max_len=1024; dirs=() ;;  # flags, model, cells: about 2 bytes a cell
    glued_fuzz) max_len=128; dirs=() ;;
    *) max_len=96; dirs=(tests/fixtures/seeds tests/fixtures/real) ;;
  esac
  [ "$t" = ofd_fuzz ] && dirs+=("$shared/ofd")
  for d in "${dirs[@]}" "$made/$t"; do [ -d "$d" ] && seeds+=("$d"); done
  # The kept inputs of this target.
  kept="$build/kept/$t"
  rm -rf "$kept"; mkdir -p "$kept"
  for f in tests/fuzz/regressions/"$t"-*; do [ -e "$f" ] && cp "$f" "$kept/"; done
  seeds+=("$kept")
  log="$build/$t.log"
  echo "fuzz: $t for $per s, sanitizers: $sanitizers (log: $log)"
  start=$(date +%s)
  set +e
  nice -n 19 "$build/tests/fuzz/$t" -max_total_time="$per" -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-20}" -rss_limit_mb=2048 \
    "${options[@]}" -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  set -e
  secs=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  execs=${execs:-0}
  total_execs=$((total_execs + execs))
  summary+=("$t ($sanitizers): $execs executions in $secs s (exit $rc)")
  echo "fuzz: $t: $execs executions in $secs s (exit $rc)"
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
