// The one size limit, in bytes in: a file's bytes (text, web page, Word, OFD,
// PDF), a pasted or typed text's UTF-8, what a zip's parts inflate to. The
// CLI, the WebAssembly binding and the page all take it from here and report
// this number, so a file one of them reads the others read too.
#pragma once

#include <cstddef>

namespace nianbao {

// The memory a check may take per byte in, above an empty input's peak: the
// worst shape scripts/bench_hostile.py measures, with room. Measured at 0.5,
// 2 and 8 MiB (natively the max RSS, in wasm each module's memory growth):
// binary bytes 9.6x natively, 9.3x in wasm (their U+FFFD make the text twice
// the bytes); '1' lines, one long line, table rows, 30-digit cells, HTML
// cells and Word paragraphs (a .docx counted as its inflated document) at
// most 7.2x in wasm and 9.2x natively (HTML cells at 0.5 MiB: a table region
// reads up to 2048 lines). tests/node/memory_budget.test.mjs holds every
// shape at the limit to it in wasm.
constexpr size_t kMemoryPerInputByte = 12;

// The page's modules' memory cap (-sMAXIMUM_MEMORY, wasm/CMakeLists.txt).
constexpr size_t kWasmMemoryCap = size_t(1) << 30;

// 8 MiB: the worst shape at this size takes under 100 MB, within the wasm
// cap with room for last year's report and the result. A real report is
// 10-200 KB, so this is some 40 times the largest.
constexpr size_t kMaxInputBytes = size_t(8) << 20;
static_assert(kMaxInputBytes * kMemoryPerInputByte <= kWasmMemoryCap / 4, "the worst shape at the limit fits the cap");

// A text decoded from at most kMaxInputBytes bytes can be longer in UTF-8
// (GB18030 and UTF-16 Chinese: 1.5 times; a byte that cannot be decoded
// becomes a 3-byte U+FFFD). check() takes decoded texts up to this, so that
// a file accepted by its size is never refused after decoding.
constexpr size_t max_decoded_bytes(size_t input_bytes) { return 3 * input_bytes + 3; }
constexpr size_t kMaxDecodedBytes = max_decoded_bytes(kMaxInputBytes);

}  // namespace nianbao
