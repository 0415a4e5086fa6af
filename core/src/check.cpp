// Step 5: run the rules on the model. The input family decides whether the
// rest runs at all (an empty text or a non-report gets one finding, not dozens).
#include <algorithm>
#include <optional>

#include "nianbao/nianbao.h"
#include "rules/registry.h"

namespace nianbao {

namespace {

Params size_params(size_t size, size_t limit) {
    return {{"size", std::to_string(size)}, {"limit", std::to_string(limit)}};
}

void count_severities(Result& result) {
    for (const auto& f : result.findings) {
        if (f.severity == Severity::Error) ++result.errors;
        else if (f.severity == Severity::Warning) ++result.warnings;
        else ++result.infos;
    }
}

}  // namespace

Result check(std::string_view utf8_text, const Options& options, const std::string* previous,
             bool input_encoding_error) {
    Result result;
    // Too large to read within the memory budget: one finding, nothing read
    // (allocating first would be what runs out of memory).
    if (utf8_text.size() > options.max_input_bytes) {
        Emitter emitter(options);
        emitter.emit(Msg::InputTooLargeText, {0, 0}, size_params(utf8_text.size(), options.max_input_bytes));
        result.findings = emitter.take();
        count_severities(result);
        return result;
    }
    const bool previous_too_large = previous && previous->size() > options.max_input_bytes;
    const size_t previous_size = previous ? previous->size() : 0;
    if (previous_too_large) previous = nullptr;
    result.report = read_report(utf8_text);
    const Report& report = result.report;
    LineIndex lines(report.source);
    std::optional<Report> last_year;
    if (previous) last_year = read_report(*previous);
    Context ctx{report, options, last_year ? &*last_year : nullptr, lines, input_encoding_error};
    ctx.input_binary = input_encoding_error && report.source.find('\0') != std::string::npos;

    Emitter emitter(options);
    input_checks().run(ctx, emitter);
    if (previous_too_large)
        emitter.emit(Msg::InputTooLargePrevious, {0, 0}, size_params(previous_size, options.max_input_bytes));
    if (!input_is_empty(report)) {
        if (!private_use_text(report).empty()) {
            // Its input-encoding finding says it all: checking garbage would only add noise.
        } else if (input_is_not_report(report)) {
            Span first = lines.line_span(0);
            emitter.emit(Msg::InputNotReportNone, first);
        } else {
            for (const RuleCheck* c : content_checks()) c->run(ctx, emitter);
        }
    }
    result.findings = emitter.take();
    std::stable_sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
        // By place, as a clerk reads top to bottom; at one place the error first.
        if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
        if (a.severity != b.severity) return a.severity > b.severity;
        return a.id < b.id;
    });
    for (auto& f : result.findings) {
        f.location = lines.locate(f.span);
        for (auto& c : f.cells) c.location = lines.locate(c.span);
    }
    count_severities(result);
    return result;
}

}  // namespace nianbao
