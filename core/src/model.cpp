#include "nianbao/model.h"

namespace nianbao {

const Row* Table::found_row(std::string_view key) const {
    if (!found) return nullptr;
    const Row* r = row(key);
    return r && r->found ? r : nullptr;
}

const Row* Table::row(std::string_view key) const {
    for (const auto& r : rows)
        if (r.spec && r.spec->key == key) return &r;
    return nullptr;
}

}  // namespace nianbao
