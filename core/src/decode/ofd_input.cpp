// An OFD package (GB/T 33190) as an input: OFD.xml names the document,
// Document.xml its pages in order, each page's Content.xml its TextObjects
// (with those of the template pages it names); every TextCode becomes a
// positioned run (Boundary origin + CTM applied to X/Y, the run's width from
// DeltaX), every PathObject's straight lines the drawn borders
// (nianbao/paths.h), and the layout step makes the text.
// Namespace prefixes vary by producer (ofd:, none), so elements are matched
// by local name; paths may be absolute ("/Doc_0/…") or relative to the file
// that names them, and folder names may be Chinese.
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "decode/entities.h"
#include "decode/input_readers.h"
#include "nianbao/layout.h"
#include "nianbao/limits.h"
#include "nianbao/paths.h"

namespace nianbao {

namespace {

struct Tag {
    std::string_view name;   // local name, without a namespace prefix
    std::string_view attrs;  // the raw attribute text
    bool closing = false;
    bool self_closing = false;
    size_t end = 0;          // offset just after '>'
};

// The next tag at or after `at`, skipping comments and declarations; false at the end.
bool next_tag(std::string_view xml, size_t& at, Tag& tag) {
    while (true) {
        const size_t lt = xml.find('<', at);
        if (lt == std::string_view::npos) return false;
        if (xml.compare(lt, 4, "<!--") == 0) {
            const size_t e = xml.find("-->", lt + 4);
            if (e == std::string_view::npos) return false;
            at = e + 3;
            continue;
        }
        const size_t gt = xml.find('>', lt);
        if (gt == std::string_view::npos) return false;
        at = gt + 1;
        if (xml[lt + 1] == '?' || xml[lt + 1] == '!') continue;
        std::string_view body = xml.substr(lt + 1, gt - lt - 1);
        tag = Tag{};
        tag.end = gt + 1;
        if (!body.empty() && body.front() == '/') {
            tag.closing = true;
            body.remove_prefix(1);
        }
        if (!body.empty() && body.back() == '/') {
            tag.self_closing = true;
            body.remove_suffix(1);
        }
        size_t name_end = 0;
        while (name_end < body.size() && body[name_end] != ' ' && body[name_end] != '\t' && body[name_end] != '\n' &&
               body[name_end] != '\r')
            ++name_end;
        std::string_view name = body.substr(0, name_end);
        const size_t colon = name.find(':');
        tag.name = colon == std::string_view::npos ? name : name.substr(colon + 1);
        tag.attrs = body.substr(name_end);
        return true;
    }
}

std::string decoded(std::string_view s) {
    std::string out;
    append_xml_text(out, s);
    return out;
}

// The value of attribute `name` (exact, e.g. "BaseLoc"), decoded; empty if absent.
std::string attr(std::string_view attrs, std::string_view name) {
    for (size_t at = 0; (at = attrs.find(name, at)) != std::string_view::npos; at += name.size()) {
        const bool starts = at == 0 || attrs[at - 1] == ' ' || attrs[at - 1] == '\t' || attrs[at - 1] == '\n' || attrs[at - 1] == '\r';
        size_t k = at + name.size();
        while (k < attrs.size() && attrs[k] == ' ') ++k;
        if (!starts || k >= attrs.size() || attrs[k] != '=') continue;
        ++k;
        while (k < attrs.size() && attrs[k] == ' ') ++k;
        if (k >= attrs.size() || (attrs[k] != '"' && attrs[k] != '\'')) continue;
        const char q = attrs[k];
        const size_t e = attrs.find(q, k + 1);
        if (e == std::string_view::npos) return {};
        return decoded(attrs.substr(k + 1, e - k - 1));
    }
    return {};
}

// A number as producers write them ("12.5", "-3", ".5", "1e-3"), read as
// strtod reads it: exactly (one correctly rounded operation on exact
// operands) up to 15 significant digits and powers of ten within 10^22, near
// enough beyond; what is no number reads 0, as in strtod. Not strtod itself:
// musl's would add ~7 KB gz to the page's readers' module.
double number(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    uint64_t mantissa = 0;
    int exponent = 0;
    bool any = false;
    auto digit = [&](bool after_point) {
        any = true;
        if (mantissa < 100000000000000000ull) {
            mantissa = mantissa * 10 + static_cast<uint64_t>(s[i] - '0');
            if (after_point) --exponent;
        } else if (!after_point) {
            ++exponent;  // a digit past what the mantissa holds: its place only
        }
    };
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digit(false);
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digit(true);
    if (!any) return 0;
    if (i + 1 < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t k = i + 1;
        const bool minus = s[k] == '-';
        if (s[k] == '-' || s[k] == '+') ++k;
        int e = 0;
        bool has = false;
        for (; k < s.size() && s[k] >= '0' && s[k] <= '9'; ++k, has = true) e = e < 10000 ? e * 10 + (s[k] - '0') : e;
        if (has) exponent += minus ? -e : e;
    }
    double value = static_cast<double>(mantissa);
    if (mantissa <= (uint64_t(1) << 53) && exponent >= -22 && exponent <= 22) {
        double scale = 1;
        for (int k = 0; k < (exponent < 0 ? -exponent : exponent); ++k) scale *= 10;  // exact up to 10^22
        value = exponent < 0 ? value / scale : value * scale;
    } else {
        for (; exponent > 0 && value < 1e308; --exponent) value *= 10;
        for (; exponent < 0 && value > 0; ++exponent) value /= 10;
    }
    return negative ? -value : value;
}

std::vector<double> numbers(std::string_view s) {
    std::vector<double> out;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\n' || s[i] == '\t')) ++i;
        const size_t b = i;
        while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\n' && s[i] != '\t') ++i;
        if (i > b) out.push_back(number(s.substr(b, i - b)));
    }
    return out;
}

// DeltaX as written, with its "g N D" shorthand (N times D) expanded: the sum.
double delta_sum(std::string_view s) {
    double sum = 0;
    std::vector<std::string_view> words;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && s[i] == ' ') ++i;
        const size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > b) words.push_back(s.substr(b, i - b));
    }
    for (size_t k = 0; k < words.size(); ++k) {
        if (words[k] == "g" && k + 2 < words.size()) {
            sum += number(words[k + 1]) * number(words[k + 2]);
            k += 2;
        } else {
            sum += number(words[k]);
        }
    }
    return sum;
}

// A path inside the package: absolute from its root, or relative to `base`'s folder.
std::string resolve(std::string_view base, std::string path) {
    for (char& c : path)
        if (c == '\\') c = '/';
    if (!path.empty() && path.front() == '/') return path.substr(1);
    const size_t slash = base.rfind('/');
    std::string joined = (slash == std::string_view::npos ? std::string() : std::string(base.substr(0, slash + 1))) + path;
    // "./" and "../" as producers write them.
    std::vector<std::string> parts;
    size_t at = 0;
    while (at <= joined.size()) {
        size_t e = joined.find('/', at);
        if (e == std::string::npos) e = joined.size();
        const std::string part = joined.substr(at, e - at);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        at = e + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

// The first element `name`'s text (e.g. DocRoot), decoded and trimmed.
std::string element_text(std::string_view xml, std::string_view name) {
    size_t at = 0;
    Tag tag;
    while (next_tag(xml, at, tag)) {
        if (tag.closing || tag.self_closing || tag.name != name) continue;
        const size_t e = xml.find('<', tag.end);
        std::string t = decoded(xml.substr(tag.end, e == std::string_view::npos ? std::string_view::npos : e - tag.end));
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r')) t.pop_back();
        size_t s = 0;
        while (s < t.size() && (t[s] == ' ' || t[s] == '\n' || t[s] == '\r')) ++s;
        return t.substr(s);
    }
    return {};
}

// The matrix of a graphic unit: its CTM, then its Boundary's origin.
struct Placement {
    double m[6] = {1, 0, 0, 1, 0, 0};
    double scale() const { return std::sqrt(std::fabs(m[0] * m[3] - m[1] * m[2])); }
};

Placement placement_of(std::string_view attrs) {
    Placement p;
    const auto ctm = numbers(attr(attrs, "CTM"));
    if (ctm.size() == 6)
        for (int k = 0; k < 6; ++k) p.m[k] = ctm[static_cast<size_t>(k)];
    const auto box = numbers(attr(attrs, "Boundary"));
    if (box.size() >= 2) p.m[4] += box[0], p.m[5] += box[1];
    return p;
}

// A boolean attribute as OFD writes it ("true", "false"), `absent` if not there.
bool flag(std::string_view attrs, std::string_view name, bool absent) {
    const std::string v = attr(attrs, name);
    return v.empty() ? absent : v == "true" || v == "1";
}

// A PathObject's AbbreviatedData (GB/T 33190 9.3.3): S or M x y start a
// subpath, L x y draws a line, Q x1 y1 x y and B x1 y1 x2 y2 x y curves and
// A rx ry angle large sweep x y an arc (only their end points count: curves
// are no borders), C closes the subpath.
void trace(std::string_view data, Paths& paths) {
    char command = 0;
    std::vector<double> args;
    auto flush = [&] {
        const size_t n = args.size();
        switch (command) {
            case 'S':
            case 'M': if (n >= 2) paths.move_to(args[n - 2], args[n - 1]); break;
            case 'L': if (n >= 2) paths.line_to(args[n - 2], args[n - 1]); break;
            case 'Q':
            case 'B':
            case 'A': if (n >= 2) paths.curve_to(args[n - 2], args[n - 1]); break;
            case 'C': paths.close(); break;
            default: break;
        }
        args.clear();
    };
    for (size_t i = 0; i < data.size();) {
        const char c = data[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            flush();
            command = static_cast<char>(c & ~0x20);
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
            ++i;
        } else {
            size_t e = i + 1;
            // A number runs to the next space or command letter (an exponent's e is its own).
            while (e < data.size() && data[e] != ' ' && data[e] != '\t' && data[e] != '\n' && data[e] != '\r' &&
                   data[e] != ',' && !((data[e] >= 'A' && data[e] <= 'Z' && data[e] != 'E') || (data[e] >= 'a' && data[e] <= 'z' && data[e] != 'e')))
                ++e;
            args.push_back(number(data.substr(i, e - i)));
            i = e;
            if (command != 'C' && command != 0 && args.size() > 64) flush();  // no command has more arguments
        }
    }
    flush();
}

// The drawn lines an OFD keeps are as many as a PDF's (cli/pdf/document.cpp).
constexpr size_t kMaxRulings = 200000;

// The runs and drawn lines of one page's Content.xml. A PathObject's own
// AbbreviatedData is traced; the ones of its clipping areas (Clips) are not
// drawn.
void page_content(std::string_view xml, int page, std::vector<TextRun>& runs, std::vector<Ruling>& rulings,
                  size_t& ruling_cap) {
    size_t at = 0;
    Tag tag;
    Placement text;
    double size = 3.5;
    std::vector<Segment> segments;
    Paths paths(segments, ruling_cap, 25.4 / 72);  // OFD's unit is the millimetre
    Placement path;
    bool stroke = false, fill = false, in_path = false;
    int clips = 0;
    while (next_tag(xml, at, tag)) {
        if (tag.name == "Clips" && !tag.self_closing) {
            clips += tag.closing ? -1 : 1;
            continue;
        }
        if (tag.name == "PathObject") {
            if (tag.self_closing) continue;  // nothing drawn
            if (tag.closing) {
                if (in_path) paths.paint(stroke, fill, path.m);
                in_path = false;
                continue;
            }
            path = placement_of(tag.attrs);
            stroke = flag(tag.attrs, "Stroke", true);
            fill = flag(tag.attrs, "Fill", false);
            in_path = true;
            clips = 0;
            continue;
        }
        if (tag.closing) continue;
        if (tag.name == "AbbreviatedData" && in_path && clips <= 0 && !tag.self_closing) {
            const size_t close = xml.find('<', tag.end);
            trace(xml.substr(tag.end, close == std::string_view::npos ? 0 : close - tag.end), paths);
        } else if (tag.name == "TextObject") {
            text = placement_of(tag.attrs);
            const std::string s = attr(tag.attrs, "Size");
            size = s.empty() ? 3.5 : number(s);
        } else if (tag.name == "TextCode" && !tag.self_closing) {
            const size_t close = xml.find('<', tag.end);
            const std::string t = decoded(xml.substr(tag.end, close == std::string_view::npos ? 0 : close - tag.end));
            if (t.empty()) continue;
            const double x = number(attr(tag.attrs, "X")), y = number(attr(tag.attrs, "Y"));
            const double* m = text.m;
            const double scale = text.scale() > 0 ? text.scale() : 1;
            TextRun r;
            r.page = page;
            r.x = m[0] * x + m[2] * y + m[4];
            r.y = m[1] * x + m[3] * y + m[5];
            r.size = size * scale;
            r.width = (delta_sum(attr(tag.attrs, "DeltaX")) + size) * scale;
            r.angle = std::atan2(m[1], m[0]) * 180 / 3.14159265358979;
            r.text = t;
            runs.push_back(std::move(r));
        }
    }
    for (const Segment& g : segments) rulings.push_back({page, g.x0, g.y0, g.x1, g.y1});
}

}  // namespace

InputText read_ofd_entries(ZipEntries& entries) {
    InputText out;
    auto read = [&](const std::string& name, std::string& xml) {
        out.zip_status = entries.get(name, xml);
        if (out.zip_status == zip::Status::Missing) {
            out.error = "damaged OFD: no " + name + " in the package";
            return false;
        }
        if (out.zip_status != zip::Status::Ok) {
            out.error = "cannot read the OFD: " + entries.message();
            return false;
        }
        return true;
    };
    std::string ofd, document;
    if (!read("OFD.xml", ofd)) return out;
    const std::string doc_path = resolve("OFD.xml", element_text(ofd, "DocRoot"));
    if (!read(doc_path, document)) return out;
    std::vector<TextRun> runs;
    std::vector<Ruling> rulings;
    size_t ruling_cap = kMaxRulings;
    // Template pages (CommonData/TemplatePage): what pages share, drawn under
    // (ZOrder Background, the default) or over them. Producers put a form's
    // labels there (an invoice's 发票代码：, a letterhead), the values on the
    // page. Each is read once however many pages use it; the XML a template
    // adds to the pages counts, with the pages', against the input limit, so
    // that one template under many pages cannot multiply the runs past it.
    std::map<std::string, std::string> template_path;  // ID -> entry
    std::map<std::string, std::string> template_xml;   // ID -> content, once read
    size_t parsed = 0;
    auto templates = [&](std::string_view content, int page, bool foreground) {
        size_t t_at = 0;
        Tag t;
        while (next_tag(content, t_at, t)) {
            if (t.name == "Content") break;  // templates come before the page's content
            if (t.closing || t.name != "Template") continue;
            if ((attr(t.attrs, "ZOrder") == "Foreground") != foreground) continue;
            const std::string id = attr(t.attrs, "TemplateID");
            const auto where = template_path.find(id);
            if (where == template_path.end()) continue;  // names no template: nothing to draw
            auto xml = template_xml.find(id);
            if (xml == template_xml.end()) {
                std::string body;
                if (!read(where->second, body)) return false;
                xml = template_xml.emplace(id, std::move(body)).first;
            }
            if (parsed + xml->second.size() > kMaxInputBytes) continue;
            parsed += xml->second.size();
            page_content(xml->second, page, runs, rulings, ruling_cap);
        }
        return true;
    };
    size_t at = 0;
    Tag tag;
    int page = 0;
    bool in_pages = false;
    while (next_tag(document, at, tag)) {
        if (tag.name == "TemplatePage" && !tag.closing)
            template_path.emplace(attr(tag.attrs, "ID"), resolve(doc_path, attr(tag.attrs, "BaseLoc")));
        if (tag.name == "Pages") in_pages = !tag.closing;
        if (!in_pages || tag.closing || tag.name != "Page") continue;
        std::string content;
        if (!read(resolve(doc_path, attr(tag.attrs, "BaseLoc")), content)) return out;
        parsed += content.size();
        ++page;
        if (!templates(content, page, false)) return out;
        page_content(content, page, runs, rulings, ruling_cap);
        if (!templates(content, page, true)) return out;
    }
    // The drawn borders come with the text here, at no cost, so the layout
    // step always has them (a PDF's are read only when wanted, for pdf.js's
    // sake: nianbao/layout.h). Text in a subset font's private-use code
    // points is passed on: the check says it cannot be read (input-encoding),
    // as for a PDF.
    out.decoded = decode_bytes(lay_out(runs, rulings).text);
    out.ok = true;
    return out;
}

InputText read_ofd_input(std::string_view bytes, const zip::Inflate& inflate) {
    return read_zip_input(bytes, inflate, read_ofd_entries, "the OFD");
}

}  // namespace nianbao
