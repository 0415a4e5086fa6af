// What a rule is made of: its doc, its messages as data and its check, side by
// side in the rule's own file (a RuleCheck; a family file may hold several
// rules). rules/rule_ids.def names every rule and message; the registry
// (registry.cpp) is generated from it. `nianbao rules`, docs/rules.md and the
// page's rule docs all come from these tables.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nianbao/nianbao.h"
#include "rules/rule_ids.h"

namespace nianbao {

// The long texts of a rule's doc (what, why, example, basis) are in the CLI
// (`nianbao rules`, docs/rules.md); the page's wasm is built without them
// (NIANBAO_RULE_DOC_TEXTS=0, CMake option NIANBAO_WASM_RULE_DOCS): the page
// reads them from rules.json, made by the CLI, when its rule docs are first
// opened. They were ~12 KB gz of the page's first load.
#ifndef NIANBAO_RULE_DOC_TEXTS
#define NIANBAO_RULE_DOC_TEXTS 1
#endif
constexpr bool kRuleDocTexts = NIANBAO_RULE_DOC_TEXTS;

// A rule's documentation, built by name:
//   RuleDoc(Rule::SectionTitle, Severity::Info)
//       .title("…", "…").checks("…", "…").matters("…", "…").for_example("…", "…").based_on("…")
struct RuleDoc {
    Rule rule;
    std::string_view id;
    Severity severity;
    std::string_view title_zh, title_en;
    std::string_view what, what_en;   // what it checks
    std::string_view why, why_en;     // why it matters
    std::string_view example, example_en;  // a line that triggers it (in English: with what it means)
    std::string_view basis;           // legal or format basis

    constexpr RuleDoc(Rule r, Severity s) : rule(r), id(rule_id(r)), severity(s) {}
    constexpr RuleDoc title(std::string_view zh, std::string_view en) const {
        RuleDoc d = *this;
        d.title_zh = zh;
        d.title_en = en;
        return d;
    }
    constexpr RuleDoc checks(std::string_view zh, std::string_view en) const {
        RuleDoc d = *this;
        if (kRuleDocTexts) {
            d.what = zh;
            d.what_en = en;
        }
        return d;
    }
    constexpr RuleDoc matters(std::string_view zh, std::string_view en) const {
        RuleDoc d = *this;
        if (kRuleDocTexts) {
            d.why = zh;
            d.why_en = en;
        }
        return d;
    }
    constexpr RuleDoc for_example(std::string_view zh, std::string_view en) const {
        RuleDoc d = *this;
        if (kRuleDocTexts) {
            d.example = zh;
            d.example_en = en;
        }
        return d;
    }
    constexpr RuleDoc based_on(std::string_view s) const {
        RuleDoc d = *this;
        if (kRuleDocTexts) d.basis = s;
        return d;
    }
};

// A message template: `{name}` is replaced by the parameter of that name.
struct MessageSpec {
    Msg msg;
    std::string_view zh, en;
    std::string_view fix_zh, fix_en;   // may be empty
};

// A fix text chosen in code instead of the message's own (same placeholders).
struct FixSpec {
    Fix fix;
    std::string_view zh, en;
};

// A message's parameters by name ({row}, {total}, …). A flat list, not a
// map: a message has a handful, each looked up once; and the page's wasm
// need not carry a tree for them. The first of two equal keys counts.
class Params {
public:
    Params() = default;
    Params(std::initializer_list<std::pair<std::string, std::string>> items) : items_(items) {}
    std::string& operator[](std::string_view key);         // the value, added empty if absent
    const std::string* find(std::string_view key) const;   // nullptr if absent

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

struct Context {
    const Report& report;
    const Options& options;
    const Report* previous = nullptr;   // last year's report, if given
    const LineIndex& lines;
    Span private_use;  // private_use_text(report), read once: it scans the whole text
    // Facts several rules read, built on first use (see narrative_text.h).
    mutable std::shared_ptr<const void> narrative;
    // The blank lines of the tables (see table_sums.h), built on first use.
    mutable std::shared_ptr<const void> blank_lines;
};

// Shared facts the input gate decides (rules/input.cpp).
bool input_is_empty(const Report& r);
bool input_is_not_report(const Report& r);
// Text whose characters are mostly private-use code points (an OFD or PDF set
// in a subset font without a Unicode map): where the first one is, else empty.
Span private_use_text(const Report& r);

// Collects findings: fills message templates, applies the options (rules
// turned off, severity changed). Rules call emit() and nothing else.
class Emitter {
public:
    explicit Emitter(const Options& options);
    // Returns the finding so the caller can add cells or arithmetic; returns a
    // scratch finding (discarded) when the rule is turned off.
    Finding& emit(Msg msg, Span span, const Params& params = {});
    // The same, with `fix` instead of the message's own fix text.
    Finding& emit(Msg msg, Fix fix, Span span, const Params& params = {});
    bool enabled(Rule rule) const;
    std::vector<Finding> take();

private:
    Finding& emit(Msg msg, const FixSpec* fix, Span span, const Params& params);
    const Options& options_;
    std::vector<Finding> findings_;
    Finding scratch_;
};

// The docs, messages and code of one rule (or of a family's rules).
struct RuleCheck {
    std::vector<RuleDoc> docs;
    std::vector<MessageSpec> messages;
    std::vector<FixSpec> fixes;
    void (*run)(const Context&, Emitter&);
};

// Fill `{name}` placeholders.
std::string fill(std::string_view templ, const Params& params);

}  // namespace nianbao
