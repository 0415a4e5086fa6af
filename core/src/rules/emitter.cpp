#include <algorithm>

#include "rules/registry.h"

namespace nianbao {

std::string& Params::operator[](std::string_view key) {
    for (auto& item : items_)
        if (item.first == key) return item.second;
    items_.emplace_back(std::string(key), std::string());
    return items_.back().second;
}

const std::string* Params::find(std::string_view key) const {
    for (const auto& item : items_)
        if (item.first == key) return &item.second;
    return nullptr;
}

std::string fill(std::string_view templ, const Params& params) {
    std::string out;
    out.reserve(templ.size() + 32);
    for (size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '{') {
            size_t close = templ.find('}', i);
            if (close != std::string_view::npos) {
                std::string_view key = templ.substr(i + 1, close - i - 1);
                // {count|row|rows}: the word for the number count holds (English plurals).
                size_t bar = key.find('|');
                size_t bar2 = bar == std::string_view::npos ? bar : key.find('|', bar + 1);
                if (bar2 != std::string_view::npos) {
                    if (const std::string* value = params.find(key.substr(0, bar))) {
                        out += *value == "1" ? key.substr(bar + 1, bar2 - bar - 1) : key.substr(bar2 + 1);
                        i = close;
                        continue;
                    }
                }
                if (const std::string* value = params.find(key)) {
                    out += *value;
                    i = close;
                    continue;
                }
            }
        }
        out += templ[i];
    }
    return out;
}

Emitter::Emitter(const Options& options) : options_(options) {}

bool Emitter::enabled(Rule rule) const {
    const std::string_view id = rule_id(rule);
    return std::find(options_.disabled.begin(), options_.disabled.end(), id) == options_.disabled.end();
}

Finding& Emitter::emit(Msg msg, Span span, const Params& params) { return emit(msg, nullptr, span, params); }

Finding& Emitter::emit(Msg msg, Fix fix, Span span, const Params& params) {
    return emit(msg, &fix_spec(fix), span, params);
}

Finding& Emitter::emit(Msg msg, const FixSpec* fix, Span span, const Params& params) {
    const Rule rule = msg_rule(msg);
    if (!enabled(rule)) {
        scratch_ = Finding{};
        return scratch_;
    }
    const MessageSpec& m = message_spec(msg);
    Finding f;
    f.id = std::string(rule_id(rule));
    f.severity = rule_doc(rule).severity;
    auto over = options_.severity.find(f.id);
    if (over != options_.severity.end()) f.severity = over->second;
    f.span = span;
    f.message_zh = fill(m.zh, params);
    f.message_en = fill(m.en, params);
    f.fix_zh = fill(fix ? fix->zh : m.fix_zh, params);
    f.fix_en = fill(fix ? fix->en : m.fix_en, params);
    if (const std::string* arithmetic = params.find("arithmetic")) f.arithmetic = *arithmetic;
    findings_.push_back(std::move(f));
    return findings_.back();
}

std::vector<Finding> Emitter::take() { return std::move(findings_); }

}  // namespace nianbao
