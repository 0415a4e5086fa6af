// Step 5: run the rules on the model. The input family decides whether the
// rest runs at all (an empty text or a non-report gets one finding, not dozens).
#include <algorithm>
#include <optional>
#include <utility>

#include "nianbao/nianbao.h"
#include "reader.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

Params size_params(size_t size, size_t limit) {
    return {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}};
}

// The bytes an input came in as: a file's size when the text was decoded
// from one, else the text's own UTF-8.
size_t bytes_in(size_t text_size, size_t file_size) { return file_size ? file_size : text_size; }

// Over the limit in bytes in, or longer than any text decoded from that many
// bytes can be (a host's wrong file size cannot let a huge text through).
bool too_large(size_t text_size, size_t in, size_t limit) {
    return in > limit || text_size > max_decoded_bytes(limit);
}

// The size a too-large finding names: the bytes in, unless only the text's
// own length was over.
size_t reported_size(size_t text_size, size_t in, size_t limit) { return in > limit ? in : text_size; }

void count_severities(Result& result) {
    for (const auto& f : result.findings) {
        if (f.severity == Severity::Error) ++result.errors;
        else if (f.severity == Severity::Warning) ++result.warnings;
        else ++result.infos;
    }
}

// check(), check_text() and check_decoded(): `owned`, when given, is
// utf8_text's string to take over; `valid`: known to be valid UTF-8.
Result check_source(std::string_view utf8_text, std::string* owned, const Options& options, const std::string* previous,
                    bool valid = false) {
    Result result;
    // Too large to read within the memory budget: one finding, nothing read
    // (allocating first would be what runs out of memory).
    const size_t text_size = bytes_in(utf8_text.size(), options.input_bytes);
    if (too_large(utf8_text.size(), text_size, options.max_input_bytes)) {
        Emitter emitter(options);
        emitter.emit(Msg::InputTooLargeText, {0, 0},
                     size_params(reported_size(utf8_text.size(), text_size, options.max_input_bytes), options.max_input_bytes));
        result.findings = emitter.take();
        count_severities(result);
        return result;
    }
    const size_t previous_in = previous ? bytes_in(previous->size(), options.previous_input_bytes) : 0;
    const bool previous_too_large = previous && too_large(previous->size(), previous_in, options.max_input_bytes);
    const size_t previous_size =
        previous_too_large ? reported_size(previous->size(), previous_in, options.max_input_bytes) : 0;
    if (previous_too_large) previous = nullptr;
    result.report = !owned ? read_report(utf8_text)
                    : valid ? read_report_valid(std::move(*owned))
                            : read_report_text(std::move(*owned));
    const Report& report = result.report;
    LineIndex lines(report.source);
    std::optional<Report> last_year;
    if (previous) last_year = read_report(*previous);
    Context ctx{report, options, last_year ? &*last_year : nullptr, lines};
    ctx.private_use = private_use_text(report);

    Emitter emitter(options);
    input_checks().run(ctx, emitter);
    if (previous_too_large)
        emitter.emit(Msg::InputTooLargePrevious, {0, 0}, size_params(previous_size, options.max_input_bytes));
    if (!input_is_empty(report)) {
        if (!ctx.private_use.empty()) {
            // Its input-encoding finding says it all: checking garbage would only add noise.
        } else if (input_is_not_report(report)) {
            Span first = lines.line_span(0);
            emitter.emit(Msg::InputNotReportNone, first);
        } else {
            for (const RuleCheck* c : content_checks()) c->run(ctx, emitter);
        }
    }
    result.findings = emitter.take();
    // By place, as a clerk reads top to bottom; at one place the error first,
    // then by id, then as emitted. Sorted as indexes: std::sort of plain
    // numbers is a fraction of the code stable_sort of findings is in the wasm.
    std::vector<uint32_t> order(result.findings.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
    std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
        const Finding &a = result.findings[i], &b = result.findings[j];
        if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
        if (a.severity != b.severity) return a.severity > b.severity;
        if (a.id != b.id) return a.id < b.id;
        return i < j;
    });
    std::vector<Finding> sorted;
    sorted.reserve(order.size());
    for (uint32_t k : order) sorted.push_back(std::move(result.findings[k]));
    result.findings = std::move(sorted);
    for (auto& f : result.findings) {
        f.location = lines.locate(f.span);
        for (auto& c : f.cells) c.location = lines.locate(c.span);
    }
    count_severities(result);
    return result;
}

}  // namespace

Result check(std::string_view utf8_text, const Options& options, const std::string* previous) {
    return check_source(utf8_text, nullptr, options, previous);
}

Result check_text(std::string&& utf8_text, const Options& options, const std::string* previous) {
    return check_source(utf8_text, &utf8_text, options, previous);
}

Result check_decoded(Decoded&& decoded, const Options& options, const std::string* previous) {
    return check_source(decoded.text, &decoded.text, options, previous, true);
}

}  // namespace nianbao
