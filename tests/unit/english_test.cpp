// The English of the findings reads as English (issue M item 8): every message
// and fix template of the registry, and every rule's title and example.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "nianbao/nianbao.h"
#include "rules/registry.h"

namespace {

// The text outside 「…」 (Chinese quoted in an English message keeps its own
// punctuation) and outside {placeholders}.
std::string unquoted(std::string_view s) {
    std::string out;
    int quote = 0;
    bool placeholder = false;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s.substr(i, 3) == "「") ++quote;
        if (s.substr(i, 3) == "」" && quote > 0) {
            --quote;
            i += 2;
            continue;
        }
        if (s[i] == '{') placeholder = true;
        if (!quote && !placeholder) out += s[i];
        if (s[i] == '}') placeholder = false;
    }
    return out;
}

// What an English reader should not meet: full-width punctuation, "(s)", a
// count before a plural noun with no {count|one|many} form.
std::vector<std::string> problems(std::string_view text) {
    std::vector<std::string> found;
    const std::string plain = unquoted(text);
    for (const char* mark : {"，", "；", "：", "（", "）", "、", "。", "“", "”", "！", "？", "……"})
        if (plain.find(mark) != std::string::npos) found.push_back(std::string("full-width ") + mark);
    if (std::string(text).find("(s)") != std::string::npos) found.push_back("(s)");
    static const std::regex kCountNoun(
        R"(\{[a-z_]+\} (cells?|times|splits?|rows|data rows|numbers|documents|cases|applications|places|files|sentences|errors|warnings|notes)\b)");
    if (std::regex_search(std::string(text), kCountNoun)) found.push_back("a count without its plural form");
    return found;
}

void check_english(std::string_view what, std::string_view text) {
    const std::string where = std::string(what) + ": " + std::string(text);
    for (const std::string& p : problems(text)) FAIL_CHECK(p << " in " << where);
    // A sentence starts with a capital (or a quote, a number, a placeholder).
    if (!text.empty()) CHECK_MESSAGE(!(text[0] >= 'a' && text[0] <= 'z'), where);
}

}  // namespace

TEST_CASE("the check that finds full-width punctuation and missing plurals finds them") {
    CHECK(problems("Table 3 has 6 rows。").size() == 1);
    CHECK(problems("「二、上年结转」，then").size() == 1);
    CHECK(problems("「（七）总计」 is 0; 「行政处罚、行政强制」").empty());
    CHECK(problems("{count} numbers expected").size() == 1);
    CHECK(problems("{count} {count|number|numbers} expected").empty());
    CHECK(problems("7 day(s) late").size() == 1);
}

TEST_CASE("English messages and fixes read as English: half-width punctuation, plurals, a capital first") {
    std::vector<const nianbao::RuleCheck*> checks = nianbao::content_checks();
    checks.push_back(&nianbao::input_checks());
    size_t messages = 0;
    for (const nianbao::RuleCheck* check : checks) {
        for (const nianbao::MessageSpec& m : check->messages) {
            check_english("message", m.en);
            check_english("fix", m.fix_en);
            ++messages;
        }
        for (const nianbao::FixSpec& f : check->fixes) check_english("fix", f.en);
    }
    CHECK(messages > 50);
}

TEST_CASE("every rule's English title and example read as English") {
    for (const nianbao::RuleDoc* d : nianbao::rule_docs()) {
        check_english(d->id, d->title_en);
        if (d->what.empty()) continue;  // a build without the long doc texts (the page's wasm)
        CHECK_MESSAGE(!d->example_en.empty(), d->id);
        check_english(d->id, d->example_en);
        // Tables and sections by number, named as such: "Table 3", not "table 三".
        static const std::regex kLowerName(R"(\b(table|section) [0-9一二三四五六])");
        for (std::string_view t : {d->title_en, d->what_en, d->why_en, d->example_en}) {
            const std::string text(t);
            CHECK_MESSAGE(!std::regex_search(text, kLowerName), d->id);
        }
    }
}
