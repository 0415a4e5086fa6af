// The revisions of the template the reader knows. A new revision: its data
// file (format_<id>.cpp, declared in nianbao/format.h) and one entry here.
#include "nianbao/format.h"

namespace nianbao {

const std::vector<const FormatSpec*>& formats() {
    static const std::vector<const FormatSpec*> list = {&format_2021(), &format_2019()};
    return list;
}

const FormatSpec& format_for_year(int year) {
    for (const FormatSpec* f : formats())
        if (year >= f->first_year && (f->last_year == 0 || year <= f->last_year)) return *f;
    return *formats().front();
}

}  // namespace nianbao
