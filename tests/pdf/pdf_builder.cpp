#include "pdf_builder.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

namespace pdftest {

namespace {

std::string ref_of(QPDFObjectHandle o) { return std::to_string(o.getObjectID()) + " 0 R"; }

}  // namespace

PdfBuilder::PdfBuilder() : pdf_(new QPDF) { pdf_->emptyPDF(); }
PdfBuilder::~PdfBuilder() = default;

std::string PdfBuilder::object(const std::string& syntax) {
    return ref_of(pdf_->makeIndirectObject(QPDFObjectHandle::parse(pdf_.get(), syntax)));
}

std::string PdfBuilder::stream(const std::string& entries, const std::string& data) {
    QPDFObjectHandle s = QPDFObjectHandle::newStream(pdf_.get(), data);
    QPDFObjectHandle dict = QPDFObjectHandle::parse(pdf_.get(), "<< " + entries + " >>");
    for (const auto& key : dict.getKeys()) s.getDict().replaceKey(key, dict.getKey(key));
    return ref_of(s);
}

void PdfBuilder::set(const std::string& ref, const std::string& key, const std::string& value) {
    QPDFObjectHandle o = pdf_->getObjectByID(std::stoi(ref), 0);
    QPDFObjectHandle dict = o.isStream() ? o.getDict() : o;
    dict.replaceKey(key, QPDFObjectHandle::parse(pdf_.get(), value));
}

std::string PdfBuilder::simple_font(const std::string& encoding) {
    std::string widths;
    for (int c = 32; c < 256; ++c) widths += " 500";
    return object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding " + encoding +
                  " /FirstChar 32 /LastChar 255 /Widths [" + widths + "] >>");
}

std::string PdfBuilder::cid_font(const std::string& bf, const std::string& widths, bool vertical) {
    const std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
        bf + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    const std::string to_unicode = stream("", cmap);
    const std::string descendant = object(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSong /CIDSystemInfo << /Registry (Adobe) /Ordering "
        "(Identity) /Supplement 0 >> /DW 1000 /W [" +
        widths + "] >>");
    return object(std::string("<< /Type /Font /Subtype /Type0 /BaseFont /TestSong /Encoding /Identity-") +
                  (vertical ? "V" : "H") + " /DescendantFonts [" + descendant + "] /ToUnicode " + to_unicode + " >>");
}

void PdfBuilder::page(const std::string& content, const std::string& resources, const std::string& extra) {
    const std::string contents = stream("", content);
    QPDFObjectHandle page = pdf_->makeIndirectObject(QPDFObjectHandle::parse(
        pdf_.get(), "<< /Type /Page /MediaBox [0 0 595 842] /Resources " + resources + " /Contents " + contents + " " +
                        extra + " >>"));
    QPDFPageDocumentHelper(*pdf_).addPage(QPDFPageObjectHelper(page), false);
}

std::string PdfBuilder::bytes(const std::string& password, bool owner_only) {
    QPDFWriter w(*pdf_);
    w.setOutputMemory();
    if (!password.empty())
        w.setR6EncryptionParameters(owner_only ? "" : password.c_str(), password.c_str(), true, true, true, true,
                                    true, true, qpdf_r3p_full, true);
    w.write();
    Buffer* b = w.getBuffer();
    std::string out(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
    delete b;
    return out;
}

std::string font_resources(const std::string& font) { return "<< /Font << /F1 " + font + " >> >>"; }

}  // namespace pdftest
