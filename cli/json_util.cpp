#include "json_util.h"

#include <nlohmann/json.hpp>

namespace cli {

using nlohmann::json;

std::string json_string(const std::string& s) {
    return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cli
