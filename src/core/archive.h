// A zip archive in memory, through zlib's minizip (third_party/zlib/contrib/minizip): the
// file a funded project's report is handed in as (project_report.h). Names are UTF-8 and
// say so (general purpose bit 11), so Chinese names open as written on Windows and macOS.
//
// Reading never throws and never returns part of an archive: a truncated or damaged file,
// a CRC that does not match, an entry or a total above the limits, or a name that climbs
// out of the archive ("../", an absolute path) is an error and no entry is returned.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace shenbao {

struct ArchiveEntry {
    std::string name;   // the path inside the archive, "/" between folders
    std::string bytes;  // the content
};

// Compresses (deflate) what compresses and stores what is already compressed (JPEG, PNG,
// PDF, by content). Entries keep their order. Throws only on a failure of zlib itself.
std::string write_zip(const std::vector<ArchiveEntry>& entries);

// Whether the bytes begin as a zip archive does (a local file header).
bool looks_like_zip(std::string_view bytes);

constexpr size_t kMaxArchiveEntries = 200;
constexpr size_t kMaxArchiveBytes = 64u * 1024 * 1024;  // the sum of the entries, unpacked

struct ZipRead {
    std::vector<ArchiveEntry> entries;  // empty when `error` is set
    std::string error;                  // zh-CN, for people
    bool ok() const { return error.empty(); }
};
ZipRead read_zip(std::string_view bytes);

}  // namespace shenbao
