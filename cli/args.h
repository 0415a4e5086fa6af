// Command line of the `nianbao` CLI: what the user asked for, validated.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nianbao/nianbao.h"

namespace cli {

enum class Action { Help, Version, Check, Extract, Rules };

struct CommandLine {
    Action action = Action::Help;
    std::string command;               // "check", "extract", "rules" (for messages)
    std::string format;                // output format, validated per command
    nianbao::Options options;          // check only
    std::optional<std::string> previous;  // check --previous FILE
    unsigned jobs = 0;                 // check --jobs N; 0 = one per core (at most 8)
    std::vector<std::string> files;    // "-" is stdin
};

// Parses argv. On a usage error returns false and sets `error` to a one-line
// message (without the program name).
bool parse_command_line(int argc, const char* const* argv, CommandLine& out, std::string& error);

// The usage text for `nianbao --help` (and `nianbao COMMAND --help`).
const char* usage_text();

}  // namespace cli
