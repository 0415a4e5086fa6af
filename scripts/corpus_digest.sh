#!/usr/bin/env bash
# One digest of everything the CLI says about the test corpus: `check --format json`
# and `extract --format json` of every sample file (../shared/seeds, ../shared/real,
# tests/fixtures), every real copy of tests/layouts/copies and every layout variant
# of the matrix. A refactoring that must not change behaviour (issue J) keeps it equal:
#   scripts/corpus_digest.sh > before.txt; …change…; scripts/corpus_digest.sh | diff before.txt -
# Prints one line per input (md5 of check, md5 of extract, name) and a last line with the total.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cli="${NIANBAO_CLI:-build-native/cli/nianbao}"
shared="$(cd "$repo/../shared" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node tests/layouts/matrix.mjs --keep "$work/variants" >/dev/null || true
{
  find "$shared/seeds" "$shared/real" tests/fixtures tests/layouts/copies -type f \( -name '*.txt' -o -name '*.html' -o -name '*.docx' \)
  find "$work/variants" -type f -name '*.txt'
} | LC_ALL=C sort | while read -r f; do
  c=$("$cli" check --format json --today 2026-06-30 "$f" | md5sum | cut -c1-32 || true)
  e=$("$cli" extract --format json "$f" | md5sum | cut -c1-32 || true)
  echo "$c $e ${f#"$work/"}" | sed "s|$shared/|shared/|"
done > "$work/lines"
cat "$work/lines"
echo "total $(md5sum < "$work/lines" | cut -c1-32) over $(wc -l < "$work/lines") inputs"
