// Indexes the rule files' tables by the names of rule_ids.def.
#include "rules/registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace nianbao {

namespace {

const std::vector<const RuleCheck*>& all_checks() {
    static const std::vector<const RuleCheck*> checks = [] {
        std::vector<const RuleCheck*> out;
        for (const RuleCheck* c : {
#define NIANBAO_RULE(family, name, id, check) &check(),
#include "rules/rule_ids.def"
             })
            if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
        return out;
    }();
    return checks;
}

struct Index {
    std::vector<const RuleDoc*> docs = std::vector<const RuleDoc*>(kRuleCount);
    std::vector<const MessageSpec*> messages = std::vector<const MessageSpec*>(kMsgCount);
    std::vector<const FixSpec*> fixes = std::vector<const FixSpec*>(kFixCount);
    std::vector<std::string> problems;
};

const Index& index() {
    static const Index built = [] {
        Index x;
        auto place = [&x](auto& slot, const auto* item, std::string_view what) {
            if (slot) x.problems.push_back("twice: " + std::string(what));
            slot = item;
        };
        for (const RuleCheck* c : all_checks()) {
            for (const RuleDoc& d : c->docs) place(x.docs[static_cast<size_t>(d.rule)], &d, d.id);
            for (const MessageSpec& m : c->messages)
                place(x.messages[static_cast<size_t>(m.msg)], &m,
                      std::string(rule_id(msg_rule(m.msg))) + "/" + std::string(msg_key(m.msg)));
            for (const FixSpec& f : c->fixes) place(x.fixes[static_cast<size_t>(f.fix)], &f, fix_key(f.fix));
        }
        for (size_t i = 0; i < kRuleCount; ++i)
            if (!x.docs[i]) x.problems.push_back("no doc: " + std::string(ids::kRules[i].id));
        for (size_t i = 0; i < kMsgCount; ++i)
            if (!x.messages[i])
                x.problems.push_back("no message: " + std::string(ids::kRules[static_cast<size_t>(ids::kMsgs[i].rule)].id) +
                                     "/" + std::string(ids::kMsgs[i].key));
        for (size_t i = 0; i < kFixCount; ++i)
            if (!x.fixes[i]) x.problems.push_back("no fix text: " + std::string(ids::kFixes[i]));
        return x;
    }();
    return built;
}

// fputs, not fprintf: printf would be the page's wasm's only user of printf_core (~4 KB).
[[noreturn]] void missing(std::string_view what, std::string_view name) {
    std::fputs(("nianbao: " + std::string(what) + " " + std::string(name) + " has no entry in its rule's file\n").c_str(),
               stderr);
    std::abort();
}

}  // namespace

const std::vector<const RuleCheck*>& content_checks() {
    static const std::vector<const RuleCheck*> checks = [] {
        std::vector<const RuleCheck*> out;
        for (const RuleCheck* c : all_checks())
            if (c != &input_checks()) out.push_back(c);
        return out;
    }();
    return checks;
}

const RuleDoc& rule_doc(Rule rule) {
    const RuleDoc* d = index().docs[static_cast<size_t>(rule)];
    if (!d) missing("rule", rule_id(rule));
    return *d;
}

const std::vector<const RuleDoc*>& rule_docs() {
    static const std::vector<const RuleDoc*> docs = [] {
        std::vector<const RuleDoc*> out;
        for (size_t i = 0; i < kRuleCount; ++i) out.push_back(&rule_doc(static_cast<Rule>(i)));
        return out;
    }();
    return docs;
}

const RuleDoc* find_rule(std::string_view id) {
    for (const RuleDoc* d : index().docs)
        if (d && d->id == id) return d;
    return nullptr;
}

const MessageSpec& message_spec(Msg msg) {
    const MessageSpec* m = index().messages[static_cast<size_t>(msg)];
    if (!m) missing("message", msg_key(msg));
    return *m;
}

const FixSpec& fix_spec(Fix fix) {
    const FixSpec* f = index().fixes[static_cast<size_t>(fix)];
    if (!f) missing("fix", fix_key(fix));
    return *f;
}

std::vector<std::string> registry_problems() { return index().problems; }

std::vector<std::string> rule_ids() {
    std::vector<std::string> out;
    for (const auto& r : ids::kRules) out.emplace_back(r.id);
    return out;
}

}  // namespace nianbao
