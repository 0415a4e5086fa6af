// nianbao (年报体检): the public API of the core. No I/O, no Emscripten.
// The CLI, the WebAssembly binding and the tests all go through here.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/decode.h"
#include "nianbao/limits.h"
#include "nianbao/model.h"
#include "nianbao/text.h"

namespace nianbao {

enum class Severity { Info, Warning, Error };
const char* severity_name(Severity s);

// The options' values, typed: read once (by the CLI's arguments or the
// page's JSON), so the checks never parse a string.
struct MonthDay {
    int month = 0, day = 0;
};
struct CivilDate {
    int year = 0, month = 0, day = 0;
};

// The options' date grammar, one for the CLI, the page and the checks:
// deadline "MM-DD" (also "M-D", "MM/DD", "MM.DD"); today "YYYY-MM-DD" (the
// same separators). Nothing unless the date exists (02-29 is a deadline).
std::optional<MonthDay> parse_month_day(std::string_view s);
std::optional<CivilDate> parse_civil_date(std::string_view s);
// "township" | "department" | "government".
std::optional<BodyKind> parse_body_kind(std::string_view s);
std::optional<Severity> parse_severity(std::string_view s);

// Whether two names of reporting bodies are one body: the same name once what
// marks the kind of body (人民政府, 管理委员会, 办公室…) and spaces are left out,
// or one with a higher level in front (淮安市洪泽区人民政府 / 洪泽区人民政府);
// 某县人民政府 and 某县教育局 are two. The page pairs a folder's reports of one
// body by it. A name of fewer than two such characters is no body.
bool same_body(std::string_view a, std::string_view b);

// A cell a finding involves, so the page can mark it in the table view.
struct CellRef {
    int table = 0;           // 2, 3, 4
    std::string row;         // template row key
    int column = -1;
    Span span;
    std::string expected;    // the value this cell should have, when known
    Location location;       // of `span`, set by check()
};

struct Finding {
    std::string id;
    Severity severity = Severity::Error;
    std::string message_zh, message_en;
    std::string fix_zh, fix_en;    // empty when no fix is known
    std::string arithmetic;        // "0 + 0 ≠ 2 + 0", when the finding is about a sum
    Span span;                     // exact range in the source
    Location location;             // of `span` (line, column, offsets), set by check()
    std::vector<CellRef> cells;    // every cell involved
};

// The largest input check() reads (each of the text and the previous report)
// is kMaxInputBytes, counted in bytes in (nianbao/limits.h): beyond it, one
// input-too-large finding and nothing is read, so a huge paste cannot exhaust
// memory (peak memory, scripts/bench_hostile.py). The CLI and the page refuse
// larger files before reading them, with the same number.

struct Options {
    std::string lang = "zh";                       // message language for text output
    std::map<std::string, Severity> severity;      // per-rule severity override
    std::vector<std::string> disabled;             // rule ids turned off
    std::optional<MonthDay> deadline;              // overrides the kind of body's deadline
    std::optional<BodyKind> body_kind;             // overrides the kind the text names
    std::optional<CivilDate> today;                // reference date (publish-late)
    bool include_model = false;                    // JSON output carries the whole model ("model": true)
    size_t max_input_bytes = kMaxInputBytes;       // see kMaxInputBytes (not settable from JSON)
    // The size of the bytes the text (the previous report) was decoded from,
    // when it came from a file: the limit counts those, not the decoded
    // UTF-8, which may be longer (up to kMaxDecodedBytes). 0: the text's own size.
    size_t input_bytes = 0;
    size_t previous_input_bytes = 0;
};

// Parse options from JSON (the WASM binding and the page use this):
// {"lang":"en","disable":["pii-mobile"],"severity":{"section-title":"warning"},
//  "deadline":"03-31","bodyKind":"government","today":"2025-02-01","model":true}
// Unknown keys are ignored; errors go to `error`.
Options parse_options_json(std::string_view json, std::string* error = nullptr);

struct Result {
    Report report;
    std::vector<Finding> findings;   // sorted by position, then id
    int errors = 0, warnings = 0, infos = 0;
};

// Read a report from UTF-8 text (invalid sequences are replaced first).
Report read_report(std::string_view utf8_text);
// The same, taking the text over as the report's source, without a copy.
Report read_report_text(std::string&& utf8_text);

// Read and check. `previous` is last year's report of the same body, for the
// across-year rules. Bytes a decoder could not read are U+FFFD in the text
// (decode_bytes), which input-encoding points at: the same finding however
// the text came (the CLI's file, the page's file or paste).
Result check(std::string_view utf8_text, const Options& options = {}, const std::string* previous = nullptr);
// The same, taking the text over (the CLI and the binding, whose text is
// theirs to give): one input's worth less at the peak (nianbao/limits.h).
Result check_text(std::string&& utf8_text, const Options& options = {}, const std::string* previous = nullptr);
// The same for a file's text as decode_bytes made it (the CLI's inputs):
// valid UTF-8 by construction, so not validated again.
Result check_decoded(Decoded&& decoded, const Options& options = {}, const std::string* previous = nullptr);

// JSON front doors (nlohmann stays private to the core).
std::string report_to_json(const Report& report, int indent = 2);
// `with_model`: include the whole model (every cell with its location), as
// the page's table view needs; without it only the title, body and year.
std::string result_to_json(const Result& result, int indent = 2, bool with_model = true);
std::string rules_to_json(int indent = 2);
// Every rule id, in the order of rules_to_json().
std::vector<std::string> rule_ids();
std::string rules_to_markdown();
std::string result_to_text(const Result& result, std::string_view file_name, const Options& options);

// One call for the binding: text + options JSON (+ previous) -> result JSON,
// the same JSON as `nianbao check --format json` (the model only with "model": true).
// Inputs above `max_input_bytes` give input-too-large (see kMaxInputBytes).
std::string check_to_json(std::string_view utf8_text, std::string_view options_json,
                          std::string_view previous_text = {}, size_t max_input_bytes = kMaxInputBytes);
// The same with options already read (the binding reads them with JSON.parse).
std::string check_to_json(std::string_view utf8_text, const Options& options, std::string_view previous_text);
std::string extract_to_json(std::string_view utf8_text);

const char* version();

}  // namespace nianbao
