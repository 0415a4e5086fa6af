// What a rule family is made of. Each family (one .cpp in this folder) holds
// its rules' docs, its messages as data and its check, side by side; the
// registry (registry.cpp) lists the families. `nianbao rules`, docs/rules.md
// and the page's rule docs all come from these tables.
#pragma once

#include <initializer_list>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "nianbao/nianbao.h"

namespace nianbao {

struct RuleDoc {
    std::string_view id;
    Severity severity;
    std::string_view title_zh;
    std::string_view title_en;
    std::string_view what;      // what it checks (zh)
    std::string_view why;       // why it matters (zh)
    std::string_view example;   // a line that triggers it
    std::string_view basis;     // legal or format basis
    std::string_view what_en;   // what it checks, in English (the page's English mode)
    std::string_view why_en;
};

// A message template: `{name}` is replaced by the parameter of that name.
// One rule may have several messages (e.g. "no application said" and
// "count differs"); `key` names them within the rule.
struct MessageSpec {
    std::string_view rule;
    std::string_view key;
    std::string_view zh;
    std::string_view en;
    std::string_view fix_zh;   // may be empty
    std::string_view fix_en;
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
    bool input_encoding_error = false;
    bool input_binary = false;
};

// Shared facts the input family decides (rules/input.cpp).
bool input_is_empty(const Report& r);
bool input_is_not_report(const Report& r);

// Collects findings: fills message templates, applies the options (rules
// turned off, severity changed). Rules call emit() and nothing else.
class Emitter {
public:
    Emitter(const Options& options, const std::vector<const MessageSpec*>& messages);
    // Returns the finding so the caller can add cells or arithmetic; returns a
    // scratch finding (discarded) when the rule is turned off.
    Finding& emit(std::string_view rule, std::string_view key, Span span, const Params& params = {});
    bool enabled(std::string_view rule) const;
    std::vector<Finding> take();

private:
    const MessageSpec* message(std::string_view rule, std::string_view key) const;
    const Options& options_;
    std::vector<const MessageSpec*> messages_;
    std::vector<Finding> findings_;
    Finding scratch_;
};

struct RuleFamily {
    std::string_view name;                  // "arithmetic"
    const std::vector<RuleDoc>& docs;
    const std::vector<MessageSpec>& messages;
    void (*run)(const Context&, Emitter&);
};

const std::vector<RuleFamily>& rule_families();
const RuleDoc* find_rule(std::string_view id);

// Fill `{name}` placeholders.
std::string fill(std::string_view templ, const Params& params);

}  // namespace nianbao
