// The rule ids and default severities are a public interface
// (../shared/spec/rules.md): the registry must list exactly these.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "nianbao/nianbao.h"
#include "rules/registry.h"

namespace {
const std::vector<std::pair<std::string, std::string>> kSpec = {
        {"input-empty", "error"},
        {"input-encoding", "error"},
        {"input-not-report", "error"},
        {"input-too-large", "error"},  // issue E; to add to ../shared/spec/rules.md
        {"title-missing", "warning"},
        {"section-missing", "error"},
        {"section-numbering", "warning"},
        {"section-order", "warning"},
        {"section-title", "info"},
        {"table-missing", "error"},
        {"table-unreadable", "warning"},
        {"row-missing", "error"},
        {"row-label", "warning"},
        {"cell-count", "error"},
        {"cell-value", "error"},
        {"cell-blank", "warning"},
        {"cell-fullwidth", "info"},
        {"cell-glued", "info"},
        {"cell-ambiguous", "warning"},
        {"table-by-order", "info"},
        {"apply-identity", "error"},
        {"apply-row-total", "error"},
        {"apply-result-total", "error"},
        {"review-total", "error"},
        {"litigation-total", "error"},
        {"narrative-applications", "error"},
        {"narrative-review", "error"},
        {"narrative-results", "warning"},
        {"narrative-breakdown", "warning"},
        {"narrative-fee-notice", "info"},
        {"body-mismatch", "warning"},
        {"fee-statement", "warning"},
        {"format-outdated", "warning"},
        {"section5-content", "warning"},
        {"regulation-scope", "warning"},
        {"year-mismatch", "error"},
        {"date-invalid", "error"},
        {"publish-late", "warning"},
        {"pii-id-number", "error"},
        {"pii-bank-card", "warning"},
        {"pii-mobile", "warning"},
        {"carryover-mismatch", "error"},
        {"valid-count-rollforward", "info"},
        {"copied-text", "warning"},
};
}  // namespace

TEST_CASE("the registry lists exactly the ids of rules.md with their default severities") {
    std::set<std::string> listed;
    for (const nianbao::RuleDoc* d : nianbao::rule_docs()) {
        CHECK_MESSAGE(listed.insert(std::string(d->id)).second, d->id);
    }
    CHECK(listed.size() == kSpec.size());
    for (const auto& spec : kSpec) {  // (no structured bindings: clang 14 rejects them in doctest's macros)
        const nianbao::RuleDoc* d = nianbao::find_rule(spec.first);
        REQUIRE_MESSAGE(d, spec.first);
        CHECK_MESSAGE(nianbao::severity_name(d->severity) == spec.second, spec.first);
    }
    const std::vector<std::string> ids = nianbao::rule_ids();  // the CLI's list, in the docs' order
    REQUIRE(ids.size() == nianbao::rule_docs().size());
    for (size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == nianbao::rule_docs()[i]->id);
}

TEST_CASE("every rule, message and fix of rule_ids.def has its text in its rule's file, once") {
    for (const std::string& problem : nianbao::registry_problems()) FAIL_CHECK(problem);
    for (size_t i = 0; i < nianbao::kRuleCount; ++i) {
        const auto rule = static_cast<nianbao::Rule>(i);
        CHECK(nianbao::rule_doc(rule).rule == rule);
    }
}

TEST_CASE("every rule has titles and a doc: what, why and an example (in both languages), basis") {
    for (const nianbao::RuleDoc* doc : nianbao::rule_docs()) {
        const nianbao::RuleDoc& d = *doc;
        CHECK_MESSAGE(!d.title_zh.empty(), d.id);
        CHECK_MESSAGE(!d.title_en.empty(), d.id);
        if (!nianbao::kRuleDocTexts) {
            // The page's wasm: the long texts are left out (the page reads rules.json).
            CHECK_MESSAGE((d.what.empty() && d.why.empty() && d.example.empty() && d.basis.empty()), d.id);
            continue;
        }
        CHECK_MESSAGE(!d.what.empty(), d.id);
        CHECK_MESSAGE(!d.why.empty(), d.id);
        CHECK_MESSAGE(!d.example.empty(), d.id);
        CHECK_MESSAGE(!d.example_en.empty(), d.id);
        CHECK_MESSAGE(!d.basis.empty(), d.id);
        CHECK_MESSAGE(!d.what_en.empty(), d.id);
        CHECK_MESSAGE(!d.why_en.empty(), d.id);
    }
}

TEST_CASE("every message and fix has its text in both languages") {
    for (size_t i = 0; i < nianbao::kMsgCount; ++i) {
        const nianbao::MessageSpec& m = nianbao::message_spec(static_cast<nianbao::Msg>(i));
        const std::string name = std::string(nianbao::rule_id(nianbao::msg_rule(m.msg))) + "/" +
                                 std::string(nianbao::msg_key(m.msg));
        CHECK_MESSAGE(!m.zh.empty(), name);
        CHECK_MESSAGE(!m.en.empty(), name);
        CHECK_MESSAGE(m.fix_zh.empty() == m.fix_en.empty(), name);
    }
    for (size_t i = 0; i < nianbao::kFixCount; ++i) {
        const nianbao::FixSpec& f = nianbao::fix_spec(static_cast<nianbao::Fix>(i));
        CHECK_MESSAGE(!f.zh.empty(), nianbao::fix_key(f.fix));
        CHECK_MESSAGE(!f.en.empty(), nianbao::fix_key(f.fix));
    }
}

TEST_CASE("turning a rule off or changing its severity by id takes effect") {
    const std::string text = "一、总体情况\n\n本年度无。\n";
    nianbao::Result plain = nianbao::check(text);
    bool had = false;
    for (const auto& f : plain.findings) had |= f.id == "section-missing";
    REQUIRE(had);
    nianbao::Options off;
    off.disabled.push_back("section-missing");
    for (const auto& f : nianbao::check(text, off).findings) CHECK(f.id != "section-missing");
    nianbao::Options lower;
    lower.severity["section-missing"] = nianbao::Severity::Info;
    for (const auto& f : nianbao::check(text, lower).findings)
        if (f.id == "section-missing") CHECK(f.severity == nianbao::Severity::Info);
}

TEST_CASE("options arrive as JSON from the page and the binding") {
    std::string error;
    nianbao::Options o = nianbao::parse_options_json(
        R"({"lang":"en","disable":["pii-mobile"],"severity":{"section-title":"warning","copied-text":"off"},"deadline":"03-31","bodyKind":"government","today":"2025-02-01"})",
        &error);
    CHECK(error.empty());
    CHECK(o.lang == "en");
    REQUIRE(o.deadline);
    CHECK((o.deadline->month == 3 && o.deadline->day == 31));
    CHECK(o.body_kind == nianbao::BodyKind::Government);
    REQUIRE(o.today);
    CHECK((o.today->year == 2025 && o.today->month == 2 && o.today->day == 1));
    CHECK(o.severity.at("section-title") == nianbao::Severity::Warning);
    CHECK(std::find(o.disabled.begin(), o.disabled.end(), "pii-mobile") != o.disabled.end());
    CHECK(std::find(o.disabled.begin(), o.disabled.end(), "copied-text") != o.disabled.end());
    nianbao::parse_options_json("not json", &error);
    CHECK(!error.empty());
}

TEST_CASE("the options' date grammar reads MM-DD, M-D, MM/DD and MM.DD and refuses days that do not exist") {
    for (const char* s : {"03-31", "3-31", "03/31", "03.31"}) {
        CAPTURE(s);
        const auto md = nianbao::parse_month_day(s);
        REQUIRE(md);
        CHECK((md->month == 3 && md->day == 31));
    }
    CHECK(nianbao::parse_month_day("02-29"));  // a deadline, not a date of one year
    for (const char* s : {"04-31", "13-01", "0331", "03-31x", "", "nonsense"}) {
        CAPTURE(s);
        CHECK_FALSE(nianbao::parse_month_day(s));
    }
    CHECK(nianbao::parse_civil_date("2024-02-29"));
    CHECK_FALSE(nianbao::parse_civil_date("2025-02-29"));
    CHECK_FALSE(nianbao::parse_civil_date("25-02-01"));
    CHECK(nianbao::parse_body_kind("department") == nianbao::BodyKind::Department);
    CHECK_FALSE(nianbao::parse_body_kind("Township"));
}
