// A .docx file as an input: word/document.xml, read by docx_document_to_text.
#include "nianbao/docx.h"
#include "decode/input_readers.h"

namespace nianbao {

InputText read_docx_entries(ZipEntries& entries) {
    InputText out;
    std::string xml;
    out.zip_status = entries.get("word/document.xml", xml);
    if (out.zip_status == zip::Status::Missing) {
        out.error = "not a Word document (.docx): no word/document.xml in the archive";
        return out;
    }
    if (out.zip_status != zip::Status::Ok) {
        out.error = (out.zip_status == zip::Status::Damaged ? "damaged .docx: " : "cannot read the .docx: ") + entries.message();
        return out;
    }
    out.decoded = decode_bytes(docx_document_to_text(xml));
    out.ok = true;
    return out;
}

InputText read_docx_input(std::string_view bytes, const zip::Inflate& inflate) {
    return read_zip_input(bytes, inflate, read_docx_entries, "the .docx");
}

}  // namespace nianbao
