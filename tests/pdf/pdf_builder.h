// PDFs for the tests, built in memory with qpdf: objects in PDF syntax,
// pages with their content, fonts with a ToUnicode CMap, written with or
// without a password. What the real fixtures do not show (a damaged file, an
// encrypted one, a turned page, a form drawn inside a form) is built here.
#pragma once

#include <memory>
#include <string>

class QPDF;

namespace pdftest {

class PdfBuilder {
public:
    PdfBuilder();
    ~PdfBuilder();

    // An indirect object from PDF syntax (references as "N 0 R"); returns its reference.
    std::string object(const std::string& syntax);
    // A stream with these dictionary entries and (unfiltered) data.
    std::string stream(const std::string& entries, const std::string& data);
    // Sets a key of an object's dictionary (a stream's too), for references back.
    void set(const std::string& ref, const std::string& key, const std::string& value);
    // A simple font (Helvetica) with this /Encoding and /Widths (all 500 if empty).
    std::string simple_font(const std::string& encoding = "/WinAnsiEncoding");
    // A Type0 font, Identity-H (or -V), whose /ToUnicode is the CMap `bf`
    // (the beginbfchar/beginbfrange sections), code space <0000> <FFFF>;
    // /W as given (DW 1000).
    std::string cid_font(const std::string& bf, const std::string& widths = "", bool vertical = false);
    // A page: its content, its /Resources (PDF syntax), more entries of its dictionary.
    void page(const std::string& content, const std::string& resources, const std::string& extra = "");
    // The file; encrypted (AES-256) when a password is given. `owner_only`:
    // the user password is empty (opens without one, as many real files).
    std::string bytes(const std::string& password = "", bool owner_only = false);

private:
    std::unique_ptr<QPDF> pdf_;
};

// Resources with /F1 = font.
std::string font_resources(const std::string& font);

}  // namespace pdftest
