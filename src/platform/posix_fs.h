// The FileSystem of the store over POSIX calls: the real disk natively, Emscripten's
// file system (IDBFS under /drafts) in the browser.
#pragma once
#include "store.h"

namespace platform {

class PosixFileSystem : public shenbao::FileSystem {
public:
    bool read(const std::string& path, std::string& out) override;
    bool write(const std::string& path, const std::string& data) override;
    bool rename(const std::string& from, const std::string& to) override;
    bool remove(const std::string& path) override;
    bool make_dir(const std::string& path) override;
    std::vector<std::string> list(const std::string& dir) override;
};

}  // namespace platform
