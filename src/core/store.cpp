#include "store.h"

namespace shenbao {

namespace {

constexpr const char* kSuffix = ".json";

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_safe_draft_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

Store::Store(FileSystem& fs, std::string root, std::string programme_id)
    : fs_(fs), root_(std::move(root)), programme_id_(std::move(programme_id)) {}

std::string Store::encode(const StoredDraft& draft) const {
    DocumentMeta meta = draft.meta;
    meta.draft_id = draft.id;
    return encode_application(draft.app, programme_id_, meta);
}

LoadReport Store::load_all() {
    LoadReport report;
    fs_.make_dir(root_);
    for (const std::string& name : fs_.list(root_)) {
        if (ends_with(name, ".tmp")) {  // a write that never finished: the old file is intact
            fs_.remove(path(name));
            continue;
        }
        if (!ends_with(name, kSuffix)) continue;
        const std::string id = name.substr(0, name.size() - 5);
        std::string bytes;
        std::string problem;
        Decoded d;
        if (!fs_.read(path(name), bytes)) problem = "无法读取";
        else if (!(d = decode_application(bytes)).application) problem = d.findings.empty() ? "内容无效" : d.findings.front().message;
        if (!problem.empty() || !is_safe_draft_id(id)) {
            if (problem.empty()) problem = "文件名无效";
            fs_.make_dir(path("quarantine"));
            fs_.rename(path(name), path("quarantine/" + name));
            report.problems.push_back({name, "草稿文件 " + name + " 已损坏（" + problem + "），已移至隔离区，其他草稿不受影响"});
            continue;
        }
        report.drafts.push_back({id, std::move(*d.application), d.meta});
    }
    return report;
}

bool Store::save(const StoredDraft& draft) {
    if (!is_safe_draft_id(draft.id)) return false;
    fs_.make_dir(root_);
    const std::string final_path = path(draft.id + kSuffix);
    const std::string temp_path = final_path + ".tmp";
    if (!fs_.write(temp_path, encode(draft))) {
        fs_.remove(temp_path);
        return false;
    }
    if (!fs_.rename(temp_path, final_path)) {
        fs_.remove(temp_path);
        return false;
    }
    return true;
}

bool Store::move_to_trash(const std::string& id) {
    if (!is_safe_draft_id(id)) return false;
    fs_.make_dir(path("trash"));
    return fs_.rename(path(id + kSuffix), path("trash/" + id + kSuffix));
}

bool Store::restore_from_trash(const std::string& id) {
    if (!is_safe_draft_id(id)) return false;
    return fs_.rename(path("trash/" + id + kSuffix), path(id + kSuffix));
}

bool Store::purge_from_trash(const std::string& id) {
    return is_safe_draft_id(id) && fs_.remove(path("trash/" + id + kSuffix));
}

std::vector<StoredDraft> Store::trash() {
    std::vector<StoredDraft> out;
    for (const std::string& name : fs_.list(path("trash"))) {
        if (!ends_with(name, kSuffix)) continue;
        std::string bytes;
        if (!fs_.read(path("trash/" + name), bytes)) continue;
        Decoded d = decode_application(bytes);
        if (d.application) out.push_back({name.substr(0, name.size() - 5), std::move(*d.application), d.meta});
    }
    return out;
}

}  // namespace shenbao
