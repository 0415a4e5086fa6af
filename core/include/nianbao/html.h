// Saved web pages and clipboard HTML (Word, WPS, browsers): tags dropped,
// entities decoded, table rows become lines of tab-separated cells, so the
// reader sees what a Word copy gives it. Pasted HTML is hostile: nothing is
// executed or fetched, script and style contents are dropped.
#pragma once

#include <string>
#include <string_view>

namespace nianbao {

// Does the text look like an HTML document or fragment (starts with a tag,
// has <html>, <table>, <p> …)? Not Markdown that starts with one (three or
// more lines framed by '|': pipe-table rows, which HTML would run together).
bool looks_like_html(std::string_view text);

std::string html_to_text(std::string_view html);

}  // namespace nianbao
