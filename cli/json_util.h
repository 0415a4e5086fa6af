// The CLI's only uses of JSON, kept in one translation unit (nlohmann is
// heavy to compile).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cli {

// The rule ids in rules_to_json() output: an array of rule objects with an
// "id" (or of ids), possibly under "rules". Empty if there are none.
std::set<std::string> rule_ids_from_json(const std::string& rules_json);

// One entry of `check --format json` with several files.
struct FileResult {
    std::string file;
    bool ok = false;
    std::string result_json;  // result_to_json() output, when ok
    std::string error;        // why the file could not be read, otherwise
};

// {"files":[{"file":…,"result":{…}} or {"file":…,"error":"…"}]}
std::string files_to_json(const std::vector<FileResult>& files);

}  // namespace cli
