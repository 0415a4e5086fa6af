// A .docx file as an input: the zip reader finds and inflates
// word/document.xml, docx_document_to_text reads it.
#include "nianbao/docx.h"
#include "decode/input_readers.h"

namespace nianbao {

InputText read_docx_input(std::string_view bytes, const zip::Inflate& inflate) {
    InputText out;
    zip::Archive archive;
    out.zip_status = archive.open(bytes);
    if (out.zip_status != zip::Status::Ok) {
        out.error = "cannot read the .docx (zip): " + archive.message();
        return out;
    }
    const zip::Entry* document = archive.find("word/document.xml");
    if (!document) {
        out.zip_status = zip::Status::Missing;
        out.error = "not a Word document (.docx): no word/document.xml in the archive";
        return out;
    }
    std::string xml;
    out.zip_status = archive.read(*document, inflate, xml);
    if (out.zip_status != zip::Status::Ok) {
        out.error = (out.zip_status == zip::Status::Damaged ? "damaged .docx: " : "cannot read the .docx: ") + archive.message();
        return out;
    }
    out.decoded = decode_bytes(docx_document_to_text(xml));
    out.ok = true;
    return out;
}

}  // namespace nianbao
