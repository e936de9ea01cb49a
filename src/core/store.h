// Drafts on disk: one file per draft in the codec's format, written so that a torn
// write can never destroy the last good version, plus a trash and a quarantine.
//
// Layout under the root folder:
//   <id>.json              the draft (meta.draft_id = id)
//   trash/<id>.json        deleted drafts (meta.deleted_at says when), restorable
//   history/<id>/<stamp>-<reason>.json   earlier versions of a draft
//   quarantine/<name>      files that could not be read, set aside, never deleted
//
// The store works over a FileSystem so that tests can make writes fail (a full disk)
// and the browser can use the same code over Emscripten's file system.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "application.h"
#include "codec.h"
#include "finding.h"

namespace shenbao {

class FileSystem {
public:
    virtual ~FileSystem() = default;
    virtual bool read(const std::string& path, std::string& out) = 0;
    // Creates or replaces the file; false when it could not be written completely.
    virtual bool write(const std::string& path, const std::string& data) = 0;
    virtual bool rename(const std::string& from, const std::string& to) = 0;  // replaces `to`
    virtual bool remove(const std::string& path) = 0;
    virtual bool make_dir(const std::string& path) = 0;                 // true if it exists afterwards
    virtual std::vector<std::string> list(const std::string& dir) = 0;  // file names, no folders
};

struct StoredDraft {
    std::string id;
    Application app;
    DocumentMeta meta;
};

struct StoreProblem {
    std::string file;     // the file name as it was found
    std::string message;  // zh-CN
};

struct Revision {
    std::string file;    // the name under history/<id>/
    std::string at;      // ISO 8601 UTC, when it was taken
    std::string reason;  // auto | delete | restore | import | backup (a score sheet: sign | auto | restore)
};

struct LoadReport {
    std::vector<StoredDraft> drafts;
    std::vector<StoreProblem> problems;  // each unreadable file, now in quarantine/
};

class Store {
public:
    Store(FileSystem& fs, std::string root, std::string programme_id);

    // Reads every draft. A file that cannot be read is moved to quarantine/ and
    // reported; all other drafts still load.
    LoadReport load_all();
    // Writes <id>.json.tmp, then renames it over <id>.json. On failure the previous
    // version is untouched and false is returned.
    bool save(const StoredDraft& draft);
    // Moves the draft to the trash, noting when (deleted_at).
    bool move_to_trash(const std::string& id, const std::string& now);
    bool restore_from_trash(const std::string& id);
    std::vector<StoredDraft> trash();
    bool purge_from_trash(const std::string& id);

    // Keeps a copy of the draft as it is now in its history. At most kMaxRevisions are
    // kept per draft: the oldest automatic ones go first.
    bool save_revision(const StoredDraft& draft, const std::string& now, const std::string& reason);
    // The same for any other document kept with a history (an expert's score sheet):
    // `bytes` under history/<id>/, listed by revisions(id), read back by read_version.
    bool keep_version(const std::string& id, const std::string& bytes, const std::string& now,
                      const std::string& reason);
    std::optional<std::string> read_version(const std::string& id, const std::string& file);
    std::vector<Revision> revisions(const std::string& id);  // newest first
    std::optional<StoredDraft> read_revision(const std::string& id, const std::string& file);
    static constexpr size_t kMaxRevisions = 100;

    std::string encode(const StoredDraft& draft) const;

private:
    std::string path(const std::string& name) const { return root_ + "/" + name; }
    FileSystem& fs_;
    std::string root_, programme_id_;
};

bool is_safe_draft_id(const std::string& id);  // letters, digits, - and _ only

}  // namespace shenbao
