// The report's title, the body that publishes it, its kind and the report
// year, read from the lines above section 一.
#pragma once

#include <optional>
#include <string>

#include "nianbao/model.h"
#include "normalize/normalize.h"

namespace nianbao {

struct TitleInfo {
    bool found = false;
    Span span;                 // source span of the title lines
    std::string title;         // joined, spaces removed
    std::string body_name;
    BodyKind body_kind = BodyKind::Unknown;
    int year = 0;
    bool names_disclosure = false;  // says 政府信息公开 (not only 政务公开)
};

// `limit` is the normalized offset where the preamble ends (section 一's
// heading), or npos.
TitleInfo read_title(const NormalizedText& norm, size_t limit);

// Kind of body from its name: 镇/乡/街道 -> township; …人民政府 of a county,
// district, city or province -> government; 局/委/办/厅… -> department.
BodyKind body_kind_from_name(std::string_view name);
// When the name says nothing: how the report refers to itself (我镇, 我局, 我市).
BodyKind body_kind_from_text(std::string_view text);

}  // namespace nianbao
