#include "pdf/font.h"

#include <iconv.h>

#include <qpdf/QPDFObjectHandle.hh>

#include "pdf/stream.h"

namespace cli::pdf {

namespace {

constexpr uint32_t kUnknownCid = 0xFFFFFFFFu;
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

double number_or(QPDFObjectHandle o, double fallback) { return o.isNumber() ? o.getNumericValue() : fallback; }

// A name without its slash, or "".
std::string name_of(QPDFObjectHandle o) { return o.isName() ? o.getName().substr(1) : std::string(); }

bool code_of(QPDFObjectHandle o, uint32_t& v) {
    if (!o.isInteger()) return false;
    const long long n = o.getIntValue();
    if (n < 0 || n > 0xFFFFFFFLL) return false;
    v = static_cast<uint32_t>(n);
    return true;
}

CMap cmap_of(QPDFObjectHandle stream, FontBudget& budget) {
    std::string text;
    const StreamRead read = read_stream(stream, budget.stream_bytes, text);
    budget.stream_bytes -= text.size();
    if (read == StreamRead::TooLarge) {
        budget.stream_bytes = 0;
        return {};
    }
    return parse_cmap(text, budget.entries);
}

// /W: "c [w w …]" or "cfirst clast w"; /W2: "c [w1y vx vy …]" or
// "cfirst clast w1y vx vy" (`per` = 3 numbers a CID, the first one kept).
void read_cid_metrics(QPDFObjectHandle array, int per, std::unordered_map<uint32_t, double>& out, size_t& left) {
    if (!array.isArray()) return;
    const int n = array.getArrayNItems();
    auto add = [&](uint32_t cid, double v) {
        if (left == 0) return false;
        --left;
        out[cid] = v;
        return true;
    };
    for (int k = 0; k < n && left > 0;) {
        uint32_t first = 0, last = 0;
        if (!code_of(array.getArrayItem(k), first)) {
            ++k;
            continue;
        }
        QPDFObjectHandle next = array.getArrayItem(k + 1);
        if (next.isArray()) {
            const int m = next.getArrayNItems();
            for (int j = 0; j + per <= m; j += per)
                if (!add(first + static_cast<uint32_t>(j / per), number_or(next.getArrayItem(j), 0))) break;
            k += 2;
        } else if (code_of(next, last) && k + 2 < n) {
            const double w = number_or(array.getArrayItem(k + 2), 0);
            if (last >= first && last - first < kMaxRange)
                for (uint32_t c = first; c <= last; ++c)
                    if (!add(c, w)) break;
            k += 2 + per;
        } else {
            k += 2;
        }
    }
}

}  // namespace

Font::~Font() {
    if (gb_iconv_) iconv_close(static_cast<iconv_t>(gb_iconv_));
}

std::unique_ptr<Font> Font::load(QPDFObjectHandle dict, FontBudget& budget) {
    std::unique_ptr<Font> f(new Font);
    if (!dict.isDictionary()) return f;
    f->name_ = name_of(dict.getKey("/BaseFont"));
    QPDFObjectHandle to_unicode = dict.getKey("/ToUnicode");
    if (to_unicode.isStream()) f->to_unicode_ = cmap_of(to_unicode, budget);

    if (name_of(dict.getKey("/Subtype")) == "Type0") {
        QPDFObjectHandle encoding = dict.getKey("/Encoding");
        const std::string cmap = name_of(encoding);
        if (encoding.isStream()) {
            f->codes_ = Codes::Embedded;
            f->encoding_cmap_ = cmap_of(encoding, budget);
            f->vertical_ = number_or(encoding.getDict().getKey("/WMode"), 0) == 1;
        } else {
            f->vertical_ = cmap.size() > 2 && cmap.compare(cmap.size() - 2, 2, "-V") == 0;
            if (cmap.rfind("Identity-", 0) == 0) f->codes_ = Codes::Identity;
            else if (cmap.find("UCS2") != std::string::npos) f->codes_ = Codes::Ucs2;
            else if (cmap.find("UTF16") != std::string::npos) f->codes_ = Codes::Utf16;
            else if (cmap.rfind("GB", 0) == 0) f->codes_ = Codes::Gb;  // GB-EUC, GBpc-EUC, GBK-EUC, GBKp-EUC, GBK2K, GBT
            else f->codes_ = Codes::TwoByte;  // another CJK CMap: two bytes, Unicode from /ToUnicode only
        }
        QPDFObjectHandle descendants = dict.getKey("/DescendantFonts");
        QPDFObjectHandle cid_font = descendants.isArray() ? descendants.getArrayItem(0) : QPDFObjectHandle();
        if (cid_font.isDictionary()) {
            f->default_width_ = number_or(cid_font.getKey("/DW"), 1000);
            read_cid_metrics(cid_font.getKey("/W"), 1, f->cid_widths_, budget.entries);
            QPDFObjectHandle dw2 = cid_font.getKey("/DW2");
            if (dw2.isArray() && dw2.getArrayNItems() == 2) f->default_vertical_ = number_or(dw2.getArrayItem(1), -1000);
            if (f->vertical_) read_cid_metrics(cid_font.getKey("/W2"), 3, f->cid_vertical_, budget.entries);
        }
        return f;
    }

    // A simple font.
    if (name_of(dict.getKey("/Subtype")) == "Type3") {
        QPDFObjectHandle m = dict.getKey("/FontMatrix");
        if (m.isArray() && m.getArrayNItems() == 6) f->matrix0_ = number_or(m.getArrayItem(0), 0.001);
    }
    QPDFObjectHandle widths = dict.getKey("/Widths");
    f->first_char_ = static_cast<int>(number_or(dict.getKey("/FirstChar"), 0));
    if (widths.isArray()) {
        const int n = widths.getArrayNItems();
        for (int k = 0; k < n && k < 256; ++k) f->widths_.push_back(number_or(widths.getArrayItem(k), 0));
    }
    QPDFObjectHandle descriptor = dict.getKey("/FontDescriptor");
    f->missing_width_ = widths.isArray() ? 0 : 500;
    if (descriptor.isDictionary()) f->missing_width_ = number_or(descriptor.getKey("/MissingWidth"), f->missing_width_);

    QPDFObjectHandle encoding = dict.getKey("/Encoding");
    std::string base = name_of(encoding);
    if (encoding.isDictionary()) {
        base = name_of(encoding.getKey("/BaseEncoding"));
        QPDFObjectHandle diffs = encoding.getKey("/Differences");
        if (diffs.isArray()) {
            int code = -1;
            const int n = diffs.getArrayNItems();
            for (int k = 0; k < n; ++k) {
                QPDFObjectHandle d = diffs.getArrayItem(k);
                if (d.isInteger()) {
                    code = static_cast<int>(d.getIntValue());
                } else if (d.isName() && code >= 0 && code < 256) {
                    f->differences_[code++] = glyph_unicode(name_of(d));
                }
            }
        }
    }
    if (base == "WinAnsiEncoding") f->base_ = BaseEncoding::WinAnsi;
    else if (base == "MacRomanEncoding") f->base_ = BaseEncoding::MacRoman;
    return f;
}

int Font::code_length(std::string_view s) const {
    const int have = static_cast<int>(s.size() < 4 ? s.size() : 4);
    const auto byte = [&](int k) { return static_cast<unsigned char>(s[k]); };
    int n = 1;
    switch (codes_) {
        case Codes::Simple: n = 1; break;
        case Codes::Identity:
        case Codes::Ucs2:
        case Codes::TwoByte: n = 2; break;
        case Codes::Utf16: n = have >= 2 && byte(0) >= 0xD8 && byte(0) <= 0xDB ? 4 : 2; break;
        case Codes::Gb:
            if (byte(0) < 0x81 || byte(0) == 0xFF) n = 1;
            else n = have >= 2 && byte(1) >= 0x30 && byte(1) <= 0x39 ? 4 : 2;  // GB 18030's four-byte codes
            break;
        case Codes::Embedded: n = encoding_cmap_.codespace.empty() ? 2 : encoding_cmap_.code_length(s); break;
    }
    if (n < 1) n = 1;
    return n < have ? n : have;
}

uint32_t Font::cid_of(uint32_t code, int bytes) const {
    if (codes_ == Codes::Identity) return code;
    if (codes_ == Codes::Embedded) {
        const auto it = encoding_cmap_.cid.find(CMap::key(code, bytes));
        return it == encoding_cmap_.cid.end() ? 0 : it->second;
    }
    return kUnknownCid;  // a predefined CMap's CIDs are not built in: /DW
}

double Font::width_of(uint32_t code, int bytes) const {
    if (codes_ == Codes::Simple) {
        const long k = static_cast<long>(code) - first_char_;
        return k >= 0 && k < static_cast<long>(widths_.size()) ? widths_[k] : missing_width_;
    }
    const auto it = cid_widths_.find(cid_of(code, bytes));
    return it == cid_widths_.end() ? default_width_ : it->second;
}

std::string Font::unicode_of(uint32_t code, int bytes, std::string_view raw) {
    const std::string* mapped = to_unicode_.unicode_of(code, bytes);
    if (!mapped && codes_ == Codes::Simple) mapped = to_unicode_.unicode_of(code, 2);  // <0041> for a one-byte code
    // <0000> is how some producers write "no character".
    if (mapped && !mapped->empty() && *mapped != std::string(1, '\0')) return *mapped;
    std::string out;
    switch (codes_) {
        case Codes::Simple: {
            const auto d = differences_.find(static_cast<int>(code));
            const uint32_t cp = d != differences_.end() ? d->second : encoding_unicode(base_, static_cast<unsigned char>(code));
            if (cp) append_utf8(out, cp);
            break;
        }
        case Codes::Ucs2:
            if (bytes == 2 && (code < 0xD800 || code > 0xDFFF) && code) append_utf8(out, code);
            break;
        case Codes::Utf16: out = utf16be_to_utf8(raw); break;
        case Codes::Gb: {
            const auto hit = gb_cache_.find(CMap::key(code, bytes));
            if (hit != gb_cache_.end()) return hit->second;
            if (!gb_iconv_) {
                const iconv_t cd = iconv_open("UTF-8", "GB18030");
                gb_iconv_ = cd == reinterpret_cast<iconv_t>(-1) ? nullptr : cd;
            }
            if (gb_iconv_ && code >= 0x20) {
                char in[4], buf[16];
                for (int k = 0; k < bytes; ++k) in[k] = raw[k];
                char* ip = in;
                char* op = buf;
                size_t il = static_cast<size_t>(bytes), ol = sizeof buf;
                iconv(static_cast<iconv_t>(gb_iconv_), nullptr, nullptr, nullptr, nullptr);
                if (iconv(static_cast<iconv_t>(gb_iconv_), &ip, &il, &op, &ol) != static_cast<size_t>(-1) && il == 0)
                    out.assign(buf, static_cast<size_t>(op - buf));
            }
            if (out.empty()) out = kReplacement;
            if (gb_cache_.size() < 0x10000) gb_cache_[CMap::key(code, bytes)] = out;
            return out;
        }
        default: break;
    }
    return out.empty() ? kReplacement : out;
}

size_t Font::glyphs(std::string_view bytes, std::vector<Glyph>& out, size_t max) {
    out.clear();
    size_t at = 0;
    while (at < bytes.size() && out.size() < max) {
        const std::string_view rest = bytes.substr(at);
        const int n = code_length(rest);
        uint32_t code = 0;
        for (int k = 0; k < n; ++k) code = code << 8 | static_cast<unsigned char>(rest[k]);
        Glyph g;
        g.unicode = unicode_of(code, n, rest.substr(0, n));
        g.width = width_of(code, n);
        if (vertical_) {
            const auto it = cid_vertical_.find(cid_of(code, n));
            g.vertical_advance = it == cid_vertical_.end() ? default_vertical_ : it->second;
        }
        g.word_space = n == 1 && code == 32;
        out.push_back(std::move(g));
        at += static_cast<size_t>(n);
    }
    return at;
}

}  // namespace cli::pdf
