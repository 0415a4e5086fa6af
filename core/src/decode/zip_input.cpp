// Zip kinds (.docx, OFD) as inputs: each kind's reader asks for the entries
// it needs (nianbao/inputs.h, ZipEntries); here are the two hosts of those
// readers. The CLI's reads the whole file at once, inflating with its zlib;
// the page's runs in rounds, since the page's worker inflates: every entry
// the reader asks for and the worker has not inflated yet is noted (and
// read as empty, so that the reader goes on and names all it can), the
// round's reading is thrown away, and the worker inflates what was noted.
// Both count every entry read against the zip reader's caps alike, so the
// same file gives the same text, or the same refusal, in both.
#include <algorithm>

#include "decode/input_readers.h"

namespace nianbao {

namespace {

// The CLI's: entries read from the archive, inflated by the host's inflate.
class ArchiveEntries final : public ZipEntries {
public:
    ArchiveEntries(zip::Archive& archive, const zip::Inflate& inflate) : archive_(archive), inflate_(inflate) {}
    zip::Status get(const std::string& name, std::string& out) override {
        const zip::Entry* e = archive_.find(name);
        return e ? archive_.read(*e, inflate_, out) : zip::Status::Missing;
    }
    std::string message() const override { return archive_.message(); }

private:
    zip::Archive& archive_;
    const zip::Inflate& inflate_;
};

// The page's: entries the worker inflated, each counted as the CLI's read
// counts it; the others, once checked as read() checks them before it
// inflates, noted as needed.
class RoundEntries final : public ZipEntries {
public:
    RoundEntries(zip::Archive& archive, const std::vector<std::pair<std::string, std::string>>& parts, ZipRound& round)
        : archive_(archive), parts_(parts), round_(round) {}
    zip::Status get(const std::string& name, std::string& out) override {
        out.clear();
        const zip::Entry* e = archive_.find(name);
        if (!e) {
            round_.missing = name;
            return zip::Status::Missing;
        }
        for (const auto& part : parts_) {
            if (part.first != name) continue;
            const zip::Status s = archive_.account(*e, part.second.size());
            if (s == zip::Status::Ok) {
                out = part.second;
                counted_ += part.second.size();
            }
            return s;
        }
        uint64_t offset = 0;
        if (const zip::Status s = archive_.prepare(*e, offset); s != zip::Status::Ok) return s;
        const bool noted = std::any_of(round_.need.begin(), round_.need.end(), [&](const ZipNeed& n) { return n.name == name; });
        if (!noted) round_.need.push_back({e->name, e->method, offset, e->packed, archive_.inflate_limit(*e)});
        return zip::Status::Ok;
    }
    std::string message() const override { return archive_.message(); }
    // The bytes counted against the total so far.
    uint64_t counted() const { return counted_; }

private:
    zip::Archive& archive_;
    const std::vector<std::pair<std::string, std::string>>& parts_;
    ZipRound& round_;
    uint64_t counted_ = 0;
};

}  // namespace

InputText read_zip_input(std::string_view bytes, const zip::Inflate& inflate, ZipReader reader, std::string_view what) {
    zip::Archive archive;
    const zip::Status s = archive.open(bytes);
    if (s != zip::Status::Ok) {
        InputText out;
        out.zip_status = s;
        out.error = "cannot read " + std::string(what) + " (zip): " + archive.message();
        return out;
    }
    ArchiveEntries entries(archive, inflate);
    return reader(entries);
}

ZipRound read_zip_round(std::string_view bytes, const std::vector<std::pair<std::string, std::string>>& parts) {
    ZipRound round;
    zip::Archive archive;
    round.read.zip_status = archive.open(bytes);
    if (round.read.zip_status != zip::Status::Ok) {
        round.read.error = archive.message();
        return round;
    }
    round.kind = input_kind_by_content(bytes);
    if (!round.kind || !round.kind->read_zip) {
        round.kind = nullptr;
        round.read.zip_status = zip::Status::Missing;
        round.read.error = no_zip_kind();
        return round;
    }
    RoundEntries entries(archive, parts, round);
    InputText read = round.kind->read_zip(entries);
    if (!round.need.empty()) {
        // What the parts read so far leave for the ones to come.
        const uint64_t total = zip::Limits().max_total_bytes;
        round.left = entries.counted() < total ? total - entries.counted() : 0;
        return round;
    }
    round.read = std::move(read);
    if (round.read.zip_status != zip::Status::Missing) round.missing.clear();
    return round;
}

}  // namespace nianbao
