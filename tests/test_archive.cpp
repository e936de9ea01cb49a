// The zip archive in memory: a round trip with Chinese names and binary content, and every
// way a received archive can be broken (truncated, altered, hostile names, too big),
// each reported with nothing returned.
#include <doctest/doctest.h>

#include <string>

#include "archive.h"

using namespace shenbao;

namespace {

std::string jpeg_like(size_t n) {
    std::string s = "\xFF\xD8\xFF\xE0";
    for (size_t i = 0; s.size() < n; ++i) s.push_back(static_cast<char>((i * 131 + 7) % 256));
    return s;
}

std::vector<ArchiveEntry> sample() {
    return {{"report.json", std::string(2000, '{') + "报备"},
            {"附件/01-签到表.jpg", jpeg_like(5000)},
            {"附件/02-empty.txt", ""}};
}

}  // namespace

TEST_CASE("a zip archive round trip keeps names, order and bytes, and another zip reader agrees on the names") {
    const std::string zip = write_zip(sample());
    CHECK(zip.compare(0, 4, "PK\x03\x04") == 0);
    const ZipRead read = read_zip(zip);
    REQUIRE(read.ok());
    REQUIRE(read.entries.size() == 3);
    for (size_t i = 0; i < 3; ++i) {
        CHECK(read.entries[i].name == sample()[i].name);
        CHECK(read.entries[i].bytes == sample()[i].bytes);
    }
    // The names are flagged UTF-8 (bit 11 of the general purpose flags, at offset 6 of a local header).
    CHECK((static_cast<unsigned char>(zip[7]) & 0x08) == 0x08);
    // Text is compressed, a JPEG stored: the archive is smaller than the text alone but not than the JPEG.
    CHECK(zip.size() < 2000 + 5000);
    CHECK(zip.size() > 5000);
}

TEST_CASE("a truncated archive is reported and nothing is returned") {
    const std::string zip = write_zip(sample());
    for (size_t keep : {size_t{0}, size_t{10}, zip.size() / 2, zip.size() - 1}) {
        const ZipRead read = read_zip(std::string_view(zip).substr(0, keep));
        CHECK_FALSE(read.ok());
        CHECK(read.entries.empty());
    }
    CHECK(read_zip("not a zip at all").error.find("zip") != std::string::npos);
}

TEST_CASE("an archive whose content was altered fails its CRC, naming the entry") {
    std::string zip = write_zip(sample());
    // The JPEG is stored as is: change one byte of it inside the archive.
    const std::string original = jpeg_like(5000);
    const size_t at = zip.find(original.substr(100, 32));
    REQUIRE(at != std::string::npos);
    zip[at + 5] = static_cast<char>(zip[at + 5] ^ 0x55);
    const ZipRead read = read_zip(zip);
    CHECK_FALSE(read.ok());
    CHECK(read.entries.empty());
    CHECK(read.error.find("附件/01-签到表.jpg") != std::string::npos);
    CHECK(read.error.find("校验失败") != std::string::npos);
}

TEST_CASE("entry names that climb out of the archive's folder are refused") {
    for (const char* name : {"../evil.txt", "/etc/passwd", "a/../../b", "C:\\x", "a\\b", "./x"}) {
        CAPTURE(name);
        const ZipRead read = read_zip(write_zip({{"ok.txt", "1"}, {name, "2"}}));
        CHECK_FALSE(read.ok());
        CHECK(read.entries.empty());
        CHECK(read.error.find("不安全") != std::string::npos);
    }
    CHECK(read_zip(write_zip({{"a/b/c..d.txt", "1"}})).ok());
}

TEST_CASE("an archive over the entry count or the unpacked size limit is refused before it is unpacked") {
    std::vector<ArchiveEntry> many;
    for (size_t i = 0; i <= kMaxArchiveEntries; ++i) many.push_back({"f" + std::to_string(i), "x"});
    CHECK(read_zip(write_zip(many)).error.find("过多") != std::string::npos);
    many.pop_back();
    CHECK(read_zip(write_zip(many)).ok());

    // Zeros compress to almost nothing: a small archive that would unpack past the limit.
    const std::string bomb = write_zip({{"zeros.bin", std::string(kMaxArchiveBytes + 1, '\0')}});
    CHECK(bomb.size() < 200 * 1024);
    const ZipRead read = read_zip(bomb);
    CHECK_FALSE(read.ok());
    CHECK(read.error.find("MB") != std::string::npos);
}

TEST_CASE(
    "what is stored as it is and what is compressed; classic headers for small files; a zip is known by its start") {
    // Bytes that deflate to almost nothing, behind each kind of already compressed content.
    const std::string body(20000, 'a');
    for (const char* magic : {"\xFF\xD8\xFF\xE0", "\x89PNG\r\n\x1A\n", "%PDF-1.7", "PK\x03\x04"}) {
        CAPTURE(magic);
        CHECK(write_zip({{"f", magic + body}}).size() > body.size());  // stored
    }
    CHECK(write_zip({{"f", body}}).size() < 1000);  // text: deflated
    // No zip64 extra field for small entries (older unzip tools read them): a local header's
    // extra length (offset 28) is 0.
    const std::string zip = write_zip({{"a.txt", "x"}});
    CHECK(zip[28] == 0);
    CHECK(zip[29] == 0);
    CHECK(looks_like_zip(zip));
    CHECK_FALSE(looks_like_zip("PK"));
    CHECK_FALSE(looks_like_zip("%PDF-1.7"));
}

TEST_CASE("entries each under the size limit but over it together are refused") {
    const size_t half = kMaxArchiveBytes / 2 + 1;
    const ZipRead read = read_zip(write_zip({{"a.bin", std::string(half, '\0')}, {"b.bin", std::string(half, '\0')}}));
    CHECK_FALSE(read.ok());
    CHECK(read.entries.empty());
    CHECK(read.error.find("MB") != std::string::npos);
}
