#include "store.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

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
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

Store::Store(FileSystem& fs, std::string root, std::string programme_id)
    : fs_(fs), root_(std::move(root)), programme_id_(std::move(programme_id)) {}

std::string Store::encode(const StoredDraft& draft) const {
    DocumentMeta meta = draft.meta;
    meta.draft_id = draft.id;
    return encode_application(draft.app, meta.programme_id.empty() ? programme_id_ : meta.programme_id, meta);
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
        if (!fs_.read(path(name), bytes))
            problem = "无法读取";
        else if (!(d = decode_application(bytes)).application)
            problem = d.findings.empty() ? "内容无效" : d.findings.front().message;
        if (!problem.empty() || !is_safe_draft_id(id)) {
            if (problem.empty()) problem = "文件名无效";
            fs_.make_dir(path("quarantine"));
            fs_.rename(path(name), path("quarantine/" + name));
            report.problems.push_back(
                {name, "草稿文件 " + name + " 已损坏（" + problem + "），已移至隔离区，其他草稿不受影响"});
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

bool Store::move_to_trash(const std::string& id, const std::string& now) {
    if (!is_safe_draft_id(id)) return false;
    std::string bytes;
    if (!fs_.read(path(id + kSuffix), bytes)) return false;
    Decoded d = decode_application(bytes);
    if (!d.application) return false;
    d.meta.deleted_at = now;
    fs_.make_dir(path("trash"));
    const std::string target = path("trash/" + id + kSuffix);
    if (!fs_.write(target + ".tmp", encode({id, *d.application, d.meta})) || !fs_.rename(target + ".tmp", target)) {
        fs_.remove(target + ".tmp");
        return false;
    }
    return fs_.remove(path(id + kSuffix));
}

bool Store::restore_from_trash(const std::string& id) {
    if (!is_safe_draft_id(id)) return false;
    std::string bytes;
    if (!fs_.read(path("trash/" + id + kSuffix), bytes)) return false;
    Decoded d = decode_application(bytes);
    if (!d.application) return false;
    d.meta.deleted_at.clear();
    if (!save({id, *d.application, d.meta})) return false;
    return fs_.remove(path("trash/" + id + kSuffix));
}

namespace {
// 2018-05-20T08:30:00Z -> 20180520T083000Z, and back.
std::string compact_time(const std::string& iso) {
    std::string out;
    for (char c : iso)
        if (c != '-' && c != ':') out += c;
    return out;
}
std::string iso_from_compact(const std::string& c) {
    if (c.size() != 16) return c;
    return c.substr(0, 4) + "-" + c.substr(4, 2) + "-" + c.substr(6, 2) + "T" + c.substr(9, 2) + ":" + c.substr(11, 2) +
           ":" + c.substr(13, 2) + "Z";
}
}  // namespace

bool Store::save_revision(const StoredDraft& draft, const std::string& now, const std::string& reason) {
    return keep_version(draft.id, encode(draft), now, reason);
}

bool Store::keep_version(const std::string& id, const std::string& bytes, const std::string& now,
                         const std::string& reason) {
    if (!is_safe_draft_id(id) || !is_safe_draft_id(reason)) return false;
    fs_.make_dir(path("history"));
    fs_.make_dir(path("history/" + id));
    std::string name = compact_time(now) + "-" + reason + kSuffix;
    // Two revisions in the same second keep both.
    std::string existing;
    for (int n = 2; fs_.read(path("history/" + id + "/" + name), existing); ++n)
        name = compact_time(now) + "-" + reason + "-" + std::to_string(n) + kSuffix;
    const std::string target = path("history/" + id + "/" + name);
    if (!fs_.write(target + ".tmp", bytes) || !fs_.rename(target + ".tmp", target)) {
        fs_.remove(target + ".tmp");
        return false;
    }
    std::vector<Revision> all = revisions(id);
    for (size_t i = all.size(); i > kMaxRevisions; --i) {
        // Drop the oldest automatic one; if none is automatic, the oldest.
        auto victim = std::find_if(all.rbegin(), all.rend(), [](const Revision& r) { return r.reason == "auto"; });
        const Revision& r = victim != all.rend() ? *victim : all.back();
        fs_.remove(path("history/" + id + "/" + r.file));
        all.erase(std::find_if(all.begin(), all.end(), [&](const Revision& x) { return x.file == r.file; }));
    }
    return true;
}

std::vector<Revision> Store::revisions(const std::string& id) {
    std::vector<Revision> out;
    std::vector<std::pair<std::string, int>> order;  // per revision: its compact time, its number in that second
    if (!is_safe_draft_id(id)) return out;
    for (const std::string& name : fs_.list(path("history/" + id))) {
        if (!ends_with(name, kSuffix) || name.size() < 16 + 1 + 5) continue;
        const std::string stem = name.substr(0, name.size() - 5);
        std::string reason = stem.substr(17);
        int nth = 1;  // the second revision of the same second is <time>-<reason>-2
        if (size_t dash = reason.find('-'); dash != std::string::npos) {
            nth = std::atoi(reason.c_str() + dash + 1);
            reason = reason.substr(0, dash);
        }
        out.push_back({name, iso_from_compact(stem.substr(0, 16)), reason});
        order.push_back({stem.substr(0, 16), nth});
    }
    // Newest first; within a second, the last written first.
    std::vector<size_t> index(out.size());
    for (size_t i = 0; i < index.size(); ++i) index[i] = i;
    std::sort(index.begin(), index.end(), [&](size_t a, size_t b) { return order[a] > order[b]; });
    std::vector<Revision> sorted;
    for (size_t i : index) sorted.push_back(std::move(out[i]));
    return sorted;
}

std::optional<std::string> Store::read_version(const std::string& id, const std::string& file) {
    if (!is_safe_draft_id(id) || file.find('/') != std::string::npos || file.find("..") != std::string::npos)
        return std::nullopt;
    std::string bytes;
    if (!fs_.read(path("history/" + id + "/" + file), bytes)) return std::nullopt;
    return bytes;
}

std::optional<StoredDraft> Store::read_revision(const std::string& id, const std::string& file) {
    const std::optional<std::string> bytes = read_version(id, file);
    if (!bytes) return std::nullopt;
    Decoded d = decode_application(*bytes);
    if (!d.application) return std::nullopt;
    return StoredDraft{id, std::move(*d.application), d.meta};
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
