#include "nianbao/model.h"

namespace nianbao {

const Row* Table::row(std::string_view key) const {
    for (const auto& r : rows)
        if (r.spec && r.spec->key == key) return &r;
    return nullptr;
}

}  // namespace nianbao
