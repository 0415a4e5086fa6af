#include "pdf/stream.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFObjectHandle.hh>

namespace cli::pdf {

namespace {

struct Full {};  // thrown by the pipeline at its cap, caught here

class CappedString : public Pipeline {
public:
    CappedString(std::string& out, size_t cap) : Pipeline("nianbao capped string", nullptr), out_(out), cap_(cap) {}
    void write(unsigned char const* data, size_t len) override {
        if (len > cap_ - out_.size()) {
            full = true;
            throw Full{};
        }
        out_.append(reinterpret_cast<const char*>(data), len);
    }
    void finish() override {}
    bool full = false;

private:
    std::string& out_;
    size_t cap_;
};

}  // namespace

StreamRead read_stream(QPDFObjectHandle stream, size_t cap, std::string& out) {
    if (!stream.isStream()) return StreamRead::Failed;
    if (out.size() >= cap) return StreamRead::TooLarge;
    CappedString sink(out, cap);
    bool ok = false;
    try {
        ok = stream.pipeStreamData(&sink, nullptr, 0, qpdf_dl_generalized, true, false);
    } catch (const Full&) {
        return StreamRead::TooLarge;
    }
    if (sink.full) return StreamRead::TooLarge;  // qpdf caught it on the way
    return ok ? StreamRead::Ok : StreamRead::Failed;
}

}  // namespace cli::pdf
