#include "archive.h"

#include <cstring>
#include <stdexcept>

#include "unzip.h"
#include "zip.h"

namespace shenbao {
namespace {

// minizip's file functions over a string: the archive being written, or the bytes read.
struct MemoryFile {
    std::string* out = nullptr;  // writing
    std::string_view in;         // reading
    ZPOS64_T position = 0;

    size_t size() const { return out ? out->size() : in.size(); }
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong ZCALLBACK mem_read(voidpf, voidpf stream, void* buf, uLong size) {
    auto* f = static_cast<MemoryFile*>(stream);
    const size_t have = f->size();
    if (f->position >= have) return 0;
    const size_t n = std::min<size_t>(size, have - f->position);
    std::memcpy(buf, (f->out ? f->out->data() : f->in.data()) + f->position, n);
    f->position += n;
    return static_cast<uLong>(n);
}
uLong ZCALLBACK mem_write(voidpf, voidpf stream, const void* buf, uLong size) {
    auto* f = static_cast<MemoryFile*>(stream);
    if (!f->out) return 0;
    const size_t end = f->position + size;
    if (end > f->out->size()) f->out->resize(end);
    std::memcpy(f->out->data() + f->position, buf, size);
    f->position = end;
    return size;
}
ZPOS64_T ZCALLBACK mem_tell(voidpf, voidpf stream) { return static_cast<MemoryFile*>(stream)->position; }
long ZCALLBACK mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* f = static_cast<MemoryFile*>(stream);
    ZPOS64_T base = 0;
    switch (origin) {
        case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
        case ZLIB_FILEFUNC_SEEK_CUR: base = f->position; break;
        case ZLIB_FILEFUNC_SEEK_END: base = f->size(); break;
        default: return -1;
    }
    if (!f->out && offset > f->size() - base) return -1;  // reading: never past the end
    f->position = base + offset;
    return 0;
}
int ZCALLBACK mem_close(voidpf, voidpf) { return 0; }
int ZCALLBACK mem_error(voidpf, voidpf) { return 0; }  // memory does not fail: a short read says enough

zlib_filefunc64_def memory_functions(MemoryFile& file) {
    zlib_filefunc64_def def{};
    def.zopen64_file = mem_open;
    def.zread_file = mem_read;
    def.zwrite_file = mem_write;
    def.ztell64_file = mem_tell;
    def.zseek64_file = mem_seek;
    def.zclose_file = mem_close;
    def.zerror_file = mem_error;
    def.opaque = &file;
    return def;
}

bool already_compressed(const std::string& bytes) {
    auto starts = [&](std::string_view magic) { return bytes.compare(0, magic.size(), magic) == 0; };
    return starts("\xFF\xD8\xFF") || starts("\x89PNG") || starts("%PDF") || looks_like_zip(bytes);
}

// A name that stays inside the archive's folder: no absolute path, no "..", no backslash.
bool safe_entry_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name.find(':') != std::string_view::npos)
        return false;
    size_t start = 0;
    while (start <= name.size()) {
        const size_t slash = std::min(name.find('/', start), name.size());
        const std::string_view part = name.substr(start, slash - start);
        if (part == ".." || part == ".") return false;
        start = slash + 1;
    }
    return true;
}

constexpr unsigned kUtf8NamesFlag = 1u << 11;

// Whether the archive ends with its whole end-of-central-directory record (22 bytes and
// the comment it announces). minizip finds the record by its signature and reads past a
// cut-off end; a file cut short by a failed download or copy must be named as such.
bool ends_whole(std::string_view bytes) {
    const size_t at = bytes.rfind("PK\x05\x06");
    if (at == std::string_view::npos || bytes.size() - at < 22) return false;
    const size_t comment = static_cast<unsigned char>(bytes[at + 20]) | static_cast<unsigned char>(bytes[at + 21]) << 8;
    return at + 22 + comment == bytes.size();
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::string write_zip(const std::vector<ArchiveEntry>& entries) {
    std::string out;
    MemoryFile file;
    file.out = &out;
    zlib_filefunc64_def functions = memory_functions(file);
    zipFile zip = zipOpen2_64("memory", APPEND_STATUS_CREATE, nullptr, &functions);
    if (!zip) throw std::runtime_error("zipOpen failed");
    for (const ArchiveEntry& e : entries) {
        zip_fileinfo info{};
        const bool store = already_compressed(e.bytes);
        int rc =
            zipOpenNewFileInZip4_64(zip, e.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, store ? 0 : Z_DEFLATED,
                                    store ? 0 : Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY,
                                    nullptr, 0, 0, kUtf8NamesFlag, e.bytes.size() >= 0xffffffffu ? 1 : 0);
        if (rc == ZIP_OK && !e.bytes.empty())
            rc = zipWriteInFileInZip(zip, e.bytes.data(), static_cast<unsigned>(e.bytes.size()));
        if (rc == ZIP_OK) rc = zipCloseFileInZip(zip);
        if (rc != ZIP_OK) {
            zipClose(zip, nullptr);
            throw std::runtime_error("zip write failed");
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK) throw std::runtime_error("zipClose failed");
    return out;
}

ZipRead read_zip(std::string_view bytes) {
    ZipRead result;
    auto fail = [&](std::string message) {
        result.entries.clear();
        result.error = std::move(message);
        return result;
    };
    if (!ends_whole(bytes)) return fail("不是有效的 zip 压缩包，或文件不完整（可能下载或复制时中断）");
    MemoryFile file;
    file.in = bytes;
    zlib_filefunc64_def functions = memory_functions(file);
    unzFile zip = unzOpen2_64("memory", &functions);
    if (!zip) return fail("不是有效的 zip 压缩包，或文件不完整（可能下载或复制时中断）");
    struct Closer {
        unzFile z;
        ~Closer() { unzClose(z); }
    } closer{zip};

    unz_global_info64 global{};
    if (unzGetGlobalInfo64(zip, &global) != UNZ_OK) return fail("压缩包目录已损坏");
    if (global.number_entry > kMaxArchiveEntries)
        return fail("压缩包中的文件过多（" + std::to_string(global.number_entry) + " 个，上限 " +
                    std::to_string(kMaxArchiveEntries) + " 个）");
    size_t total = 0;
    int rc = unzGoToFirstFile(zip);
    for (ZPOS64_T i = 0; i < global.number_entry; ++i) {
        if (rc != UNZ_OK) return fail("压缩包目录已损坏");
        unz_file_info64 info{};
        char name[1024];
        if (unzGetCurrentFileInfo64(zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK)
            return fail("压缩包目录已损坏");
        ArchiveEntry entry{std::string(name, strnlen(name, sizeof name)), {}};
        if (!safe_entry_name(entry.name)) return fail("压缩包中有不安全的文件名：“" + entry.name + "”");
        const bool folder = entry.name.back() == '/';
        if (!folder) {
            if (info.uncompressed_size > kMaxArchiveBytes || total + info.uncompressed_size > kMaxArchiveBytes)
                return fail("压缩包解开后超过 " + std::to_string(kMaxArchiveBytes / (1024 * 1024)) + " MB");
            if (unzOpenCurrentFile(zip) != UNZ_OK) return fail("无法读取压缩包中的“" + entry.name + "”");
            entry.bytes.resize(static_cast<size_t>(info.uncompressed_size));
            size_t got = 0;
            int n = 0;
            char extra;  // reading one byte past the stated size tells a lying header
            while (got < entry.bytes.size() && (n = unzReadCurrentFile(zip, entry.bytes.data() + got,
                                                                       static_cast<unsigned>(std::min<size_t>(
                                                                           entry.bytes.size() - got, 1 << 20)))) > 0)
                got += static_cast<size_t>(n);
            const bool longer = got == entry.bytes.size() && unzReadCurrentFile(zip, &extra, 1) > 0;
            const int closed = unzCloseCurrentFile(zip);  // UNZ_CRCERROR when the content was altered
            if (n < 0 || got != entry.bytes.size() || longer)
                return fail("压缩包中的“" + entry.name + "”已损坏或不完整");
            if (closed == UNZ_CRCERROR) return fail("压缩包中的“" + entry.name + "”校验失败（内容已被改动或损坏）");
            if (closed != UNZ_OK) return fail("压缩包中的“" + entry.name + "”已损坏或不完整");
            total += entry.bytes.size();
            result.entries.push_back(std::move(entry));
        }
        rc = unzGoToNextFile(zip);
    }
    return result;
}

}  // namespace shenbao
