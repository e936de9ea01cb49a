// An in-memory FileSystem for store tests, which can be told to fail like a full disk.
#pragma once
#include <map>
#include <string>

#include "store.h"

namespace testing {

class MemoryFileSystem : public shenbao::FileSystem {
public:
    std::map<std::string, std::string> files;
    bool disk_full = false;  // writes store a truncated file and fail
    bool rename_fails = false;

    bool read(const std::string& path, std::string& out) override {
        auto it = files.find(path);
        if (it == files.end()) return false;
        out = it->second;
        return true;
    }
    bool write(const std::string& path, const std::string& data) override {
        if (disk_full) {
            files[path] = data.substr(0, data.size() / 2);  // a torn write
            return false;
        }
        files[path] = data;
        return true;
    }
    bool rename(const std::string& from, const std::string& to) override {
        if (rename_fails || !files.count(from)) return false;
        files[to] = files[from];
        files.erase(from);
        return true;
    }
    bool remove(const std::string& path) override { return files.erase(path) > 0; }
    bool make_dir(const std::string&) override { return true; }
    std::vector<std::string> list(const std::string& dir) override {
        std::vector<std::string> out;
        const std::string prefix = dir + "/";
        for (const auto& [path, data] : files)
            if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos)
                out.push_back(path.substr(prefix.size()));
        return out;
    }
};

}  // namespace testing
