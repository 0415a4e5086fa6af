#include "report/json_common.h"

namespace nianbao {

nlohmann::json position_json(const Position& p) {
    return {{"line", p.line}, {"column", p.column}, {"offset", p.codepoint}, {"utf16", p.utf16}, {"byte", p.byte}};
}

nlohmann::json location_json(const LineIndex& lines, Span span) {
    Location loc = lines.locate(span);
    return {{"start", position_json(loc.start)}, {"end", position_json(loc.end)}};
}

std::string dump_json(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nianbao
