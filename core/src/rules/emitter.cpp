#include <algorithm>

#include "rules/rule.h"

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
                if (const std::string* value = params.find(templ.substr(i + 1, close - i - 1))) {
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

// A check emits a handful of findings: a search per finding costs less than
// an index built per check.
Emitter::Emitter(const Options& options, const std::vector<const MessageSpec*>& messages)
    : options_(options), messages_(messages) {}

const MessageSpec* Emitter::message(std::string_view rule, std::string_view key) const {
    for (const MessageSpec* m : messages_)
        if (m->rule == rule && m->key == key) return m;
    return nullptr;
}

bool Emitter::enabled(std::string_view rule) const {
    return std::find(options_.disabled.begin(), options_.disabled.end(), rule) == options_.disabled.end();
}

Finding& Emitter::emit(std::string_view rule, std::string_view key, Span span, const Params& params) {
    const RuleDoc* doc = find_rule(rule);
    if (!doc || !enabled(rule)) {
        scratch_ = Finding{};
        return scratch_;
    }
    Finding f;
    f.id = std::string(rule);
    f.severity = doc->severity;
    auto over = options_.severity.find(f.id);
    if (over != options_.severity.end()) f.severity = over->second;
    f.span = span;
    if (const MessageSpec* found = message(rule, key)) {
        const MessageSpec& m = *found;
        f.message_zh = fill(m.zh, params);
        f.message_en = fill(m.en, params);
        f.fix_zh = fill(m.fix_zh, params);
        f.fix_en = fill(m.fix_en, params);
    } else {
        f.message_zh = std::string(doc->title_zh);
        f.message_en = std::string(doc->title_en);
    }
    if (const std::string* fix = params.find("fix_zh")) f.fix_zh = *fix;
    if (const std::string* fix = params.find("fix_en")) f.fix_en = *fix;
    if (const std::string* arithmetic = params.find("arithmetic")) f.arithmetic = *arithmetic;
    findings_.push_back(std::move(f));
    return findings_.back();
}

std::vector<Finding> Emitter::take() { return std::move(findings_); }

}  // namespace nianbao
