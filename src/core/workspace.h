// The drafts a person works on, in memory and in the store: create, duplicate, rename,
// delete into the trash and restore, undo and redo, and writing what changed.
//
// A template over the draft type so that the UI can keep its own per-draft annotations
// (findings, visited fields) in the same object; the core tests use WorkDraft itself.
// Times are passed in (ISO 8601 UTC) so that the core stays free of clocks.
//
// Words, each with one meaning: an *edit* is one change of the content (counted, to know
// what is unsaved and unchecked); the *undo stack* holds this session's finished edits; a
// *revision* is an earlier version kept in the store, and a draft's *history* is its
// revisions (what 历史版本 shows and a backup carries).
#pragma once
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "application.h"
#include "codec.h"
#include "expert_review.h"
#include "project.h"
#include "store.h"
#include "undo.h"

namespace shenbao {

// What importing one file did.
struct ImportOutcome {
    enum class Status {
        Added,         // a new draft
        AddedAsCopy,   // another version of a draft that is here: added beside it, nothing overwritten
        AlreadyThere,  // the same content (fingerprint) is already a draft: nothing to do
        Unreadable,    // not an application file: reported, nothing changed
    } status = Status::Unreadable;
    std::string file;      // the file's name, as given
    std::string draft_id;  // the draft added, or the one already there
    std::string fingerprint;
    std::string message;  // zh-CN, one line for the person importing
    Findings findings;    // what the codec had to say about the file
};

struct WorkDraft {
    std::string id;
    Application app;
    DocumentMeta meta;
    UndoStack undo_stack;             // this session's edits; the kept earlier versions are revisions
    uint64_t edits = 0;               // counts every change (not a kept revision)
    uint64_t saved_edits = 0;         // the edits count of what is in the store
    long long last_revision_at = -1;  // seconds; -1: not known yet (read from the store)
    bool dirty() const { return edits != saved_edits; }
};

// What merging a backup did.
struct MergeReport {
    int added = 0;       // drafts that were not here
    int updated = 0;     // drafts here, older than the backup's: replaced (the old one kept as a revision)
    int kept = 0;        // drafts here, newer than the backup's: kept (the backup's kept as a revision)
    int same = 0;        // identical
    int not_merged = 0;  // drafts whose other version could not be kept (a full disk): left as they were
    std::string error;   // zh-CN, when the file is not a backup
};

constexpr long long kRevisionEverySeconds = 10 * 60;
constexpr long long kTrashKeepSeconds = 30LL * 24 * 3600;
constexpr size_t kMaxBackupBytes = 256u * 1024 * 1024;

template <class Draft>
class Workspace {
public:
    Workspace(Store& store, const Programme& programme, std::string generator)
        : store_(store), programme_(programme), generator_(std::move(generator)) {}

    // Replaces the list by what the store holds; problems name the files set aside.
    // Drafts in the trash for more than 30 days are removed for good.
    LoadReport load(const std::string& now) {
        LoadReport report = store_.load_all();
        drafts_.clear();
        for (StoredDraft& s : report.drafts) {
            Draft d;
            d.id = s.id;
            d.app = std::move(s.app);
            d.meta = s.meta;
            d.undo_stack.reset(d.app);
            drafts_.push_back(std::move(d));
        }
        report.drafts.clear();
        const auto now_s = iso_utc_seconds(now);
        for (const StoredDraft& t : store_.trash()) {
            const auto deleted = iso_utc_seconds(t.meta.deleted_at);
            if (now_s && deleted && *now_s - *deleted > kTrashKeepSeconds) store_.purge_from_trash(t.id);
        }
        trash_ = store_.trash();
        sort_by_last_edit();
        return report;
    }

    std::vector<Draft>& drafts() { return drafts_; }
    const std::vector<StoredDraft>& trash() const { return trash_; }

    Draft* find(const std::string& id) {
        for (Draft& d : drafts_)
            if (d.id == id) return &d;
        return nullptr;
    }

    // A blank application of the kind. The unit's details (unit, leader, phone) are taken
    // from the most recently edited draft: a society writes them the same every time.
    // `programme` is the call it is for (the workspace's own when null).
    Draft& create(KindId kind, const std::string& id, const std::string& now, const Programme* programme = nullptr) {
        const Programme& call = programme ? *programme : programme_;
        Draft d;
        d.id = id;
        d.app = Application::blank(call, kind);
        d.meta.programme_id = call.id;
        d.meta.programme_version = call.version;
        if (!drafts_.empty()) {
            const Cover& last = drafts_.front().app.cover;
            d.app.cover.applicant_unit = last.applicant_unit;
            d.app.cover.project_leader = last.project_leader;
            d.app.cover.phone = last.phone;
        }
        return insert(std::move(d), now);
    }

    // A copy under a new id, named "…（副本）", without the association's project number.
    Draft* duplicate(const std::string& id, const std::string& new_id, const std::string& now) {
        const Draft* source = find(id);
        if (!source) return nullptr;
        Draft d;
        d.id = new_id;
        d.app = source->app;
        d.meta.programme_id = source->meta.programme_id;
        d.meta.programme_version = source->meta.programme_version;
        d.app.cover.project_name += "（副本）";
        d.app.cover.project_number.clear();
        return &insert(std::move(d), now);
    }

    bool rename(const std::string& id, const std::string& name, const std::string& now) {
        Draft* d = find(id);
        if (!d) return false;
        d->app.cover.project_name = name;
        changed(*d, now, true);
        return true;
    }

    // Records that the draft was handed in (how: "print", "export", "email") with the
    // fingerprint of its content now. Saved with the draft; the content and its last-edit
    // time are unchanged.
    void record_hand_in(Draft& d, const std::string& how, const std::string& now) {
        d.meta.handed_in_at = now;
        d.meta.handed_in_how = how;
        d.meta.handed_in_fingerprint = fingerprint_of(d.app, programme_id_of(d));
        ++d.edits;
    }

    // The association's decision file: each decision is recorded on the draft it was made
    // on (the same content by fingerprint, else the same draft id), which becomes a
    // project (project.h). What was marked done stays when the decision is imported again.
    // Returns the ids of the drafts it recorded on, in the file's order.
    std::vector<std::string> record_decisions(const DecisionRead& file) {
        std::vector<std::string> recorded;
        for (const ReceivedDecision& decision : file.decisions) {
            Draft* match = nullptr;
            for (Draft& d : drafts_)
                if (!decision.fingerprint.empty() && fingerprint_of(d.app, programme_id_of(d)) == decision.fingerprint)
                    match = &d;
            if (!match && !decision.draft_id.empty()) match = find(decision.draft_id);
            if (!match) continue;
            ProjectRecord project = match->meta.project.value_or(ProjectRecord{});
            project.approved = decision.approved;
            project.amount = decision.amount ? decision.amount->plain() : std::string();
            project.note = decision.note;
            project.issuer = file.issuer;
            project.issued_at = file.issued_at;
            project.fingerprint = decision.fingerprint;
            match->meta.project = std::move(project);
            ++match->edits;
            recorded.push_back(match->id);
        }
        return recorded;
    }

    // Marks a duty of the project done (now) or not done (empty).
    void mark_duty(Draft& d, Duty duty, const std::string& at) {
        if (!d.meta.project) return;
        done_at(*d.meta.project, duty) = at;
        ++d.edits;
    }

    // Whether the content is still what was last handed in.
    enum class HandIn { Never, Current, ChangedSince };
    HandIn hand_in_state(const Draft& d) const {
        if (d.meta.handed_in_at.empty()) return HandIn::Never;
        return d.meta.handed_in_fingerprint == fingerprint_of(d.app, programme_id_of(d)) ? HandIn::Current
                                                                                         : HandIn::ChangedSince;
    }

    // Marks a change made to d.app; `finished` records an undo step.
    void changed(Draft& d, const std::string& now, bool finished) {
        ++d.edits;
        d.meta.updated_at = now;
        if (finished) d.undo_stack.record(d.app);
    }

    bool undo(Draft& d, const std::string& now) {
        if (!d.undo_stack.can_undo()) return false;
        d.app = d.undo_stack.undo();
        changed(d, now, false);
        return true;
    }

    bool redo(Draft& d, const std::string& now) {
        if (!d.undo_stack.can_redo()) return false;
        d.app = d.undo_stack.redo();
        changed(d, now, false);
        return true;
    }

    // Moves the draft to the trash. It is written first if it has changes (or was never
    // written), so the trash holds exactly what was on screen. False, with the draft
    // still in the list, when the store could not do it.
    bool remove(const std::string& id, const std::string& now) {
        Draft* d = find(id);
        if (!d) return false;
        if (d->dirty() && !write(*d)) return false;
        store_.save_revision({d->id, d->app, d->meta}, now, "delete");
        if (!store_.move_to_trash(id, now)) return false;
        drafts_.erase(std::remove_if(drafts_.begin(), drafts_.end(), [&](const Draft& x) { return x.id == id; }),
                      drafts_.end());
        trash_ = store_.trash();
        return true;
    }

    bool restore(const std::string& id) {
        auto it = std::find_if(trash_.begin(), trash_.end(), [&](const StoredDraft& s) { return s.id == id; });
        if (it == trash_.end() || find(id) || !store_.restore_from_trash(id)) return false;
        Draft d;
        d.id = it->id;
        d.app = it->app;
        d.meta = it->meta;
        d.meta.deleted_at.clear();
        d.undo_stack.reset(d.app);
        drafts_.insert(drafts_.begin(), std::move(d));
        trash_ = store_.trash();
        return true;
    }

    std::vector<Revision> revisions(const std::string& id) { return store_.revisions(id); }
    std::optional<StoredDraft> read_revision(const std::string& id, const std::string& file) {
        return store_.read_revision(id, file);
    }

    // Brings back an earlier version; the version being replaced is kept as a revision
    // first, so a restore can itself be undone.
    bool restore_revision(const std::string& id, const std::string& file, const std::string& now) {
        Draft* d = find(id);
        std::optional<StoredDraft> old = store_.read_revision(id, file);
        if (!d || !old) return false;
        if (!store_.save_revision({d->id, d->app, d->meta}, now, "restore")) return false;
        d->app = std::move(old->app);
        changed(*d, now, true);
        return true;
    }

    // Writes every draft with changes. False when any could not be written (those stay
    // dirty and are tried again next time).
    bool save_dirty(const std::string& now) {
        bool ok = true;
        for (Draft& d : drafts_) {
            if (!d.dirty()) continue;
            if (!write(d)) {
                ok = false;
                continue;
            }
            keep_revision_if_due(d, now);
        }
        return ok;
    }

    // One file with every draft and its history.
    std::string backup(const std::string& now) {
        nlohmann::json drafts = nlohmann::json::array();
        for (const Draft& d : drafts_) {
            nlohmann::json history = nlohmann::json::array();
            for (const Revision& r : store_.revisions(d.id))
                if (auto old = store_.read_revision(d.id, r.file))
                    history.push_back(
                        {{"at", r.at}, {"reason", r.reason}, {"document", nlohmann::json::parse(store_.encode(*old))}});
            drafts.push_back({{"document", nlohmann::json::parse(encode(d))}, {"history", history}});
        }
        nlohmann::json doc = {{"schema", "shenbao.backup"},
                              {"schema_version", 1},
                              {"created_at", now},
                              {"programme", programme_.id},
                              {"drafts", drafts}};
        return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }

    // Merges a backup in (re-sorting the list: references into it are invalidated).
    // Never replaces a newer draft by an older one; whichever version
    // does not stay current is kept as a revision, so nothing of either is lost.
    MergeReport merge_backup(std::string_view bytes, const std::function<std::string()>& new_id,
                             const std::string& now) {
        MergeReport report;
        if (bytes.size() > kMaxBackupBytes) {
            report.error = "备份文件过大";
            return report;
        }
        nlohmann::json doc = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || doc.value("schema", "") != "shenbao.backup" ||
            !doc.contains("drafts") || !doc["drafts"].is_array()) {
            report.error = "这不是申报助手的备份文件";
            return report;
        }
        for (const nlohmann::json& entry : doc["drafts"]) {
            if (!entry.is_object() || !entry.contains("document")) continue;
            Decoded incoming = decode_application(entry["document"].dump());
            if (!incoming.application) continue;
            std::string id = incoming.meta.draft_id;
            if (!is_safe_draft_id(id)) id = new_id();
            Draft* here = find(id);
            if (!here) {
                Draft d;
                d.id = id;
                d.app = std::move(*incoming.application);
                Draft& added = insert(std::move(d), now);
                added.meta = incoming.meta;
                added.meta.draft_id = id;
                added.meta.deleted_at.clear();
                ++report.added;
            } else if (fingerprint_of(here->app, incoming.programme_id) == incoming.fingerprint) {
                ++report.same;
            } else if (incoming.meta.updated_at > here->meta.updated_at) {
                // The version here is replaced only once it is kept: otherwise it would
                // be lost when the backup's version is written over it.
                if (!store_.save_revision({here->id, here->app, here->meta}, now, "backup")) {
                    ++report.not_merged;
                    continue;
                }
                here->app = std::move(*incoming.application);
                here->meta.updated_at = incoming.meta.updated_at;
                here->undo_stack.reset(here->app);
                ++here->edits;
                ++report.updated;
            } else if (!store_.save_revision({id, *incoming.application, incoming.meta}, now, "backup")) {
                ++report.not_merged;  // the backup's version stays in the backup file only
                continue;
            } else {
                ++report.kept;
            }
            // The backup's history, where this store does not have it yet.
            if (entry.contains("history") && entry["history"].is_array()) {
                const std::vector<Revision> known = store_.revisions(id);
                for (const nlohmann::json& h : entry["history"]) {
                    if (!h.is_object() || !h.contains("document") || !h.contains("at")) continue;
                    const std::string at = h.value("at", ""), reason = h.value("reason", "backup");
                    if (std::any_of(known.begin(), known.end(),
                                    [&](const Revision& r) { return r.at == at && r.reason == reason; }))
                        continue;
                    Decoded old = decode_application(h["document"].dump());
                    if (old.application && iso_utc_seconds(at))
                        store_.save_revision({id, *old.application, old.meta}, at,
                                             is_safe_draft_id(reason) ? reason : "backup");
                }
            }
        }
        sort_by_last_edit();
        return report;
    }

    void sort_by_last_edit() {
        std::stable_sort(drafts_.begin(), drafts_.end(),
                         [](const Draft& a, const Draft& b) { return a.meta.updated_at > b.meta.updated_at; });
    }

    // Imports one application file. Never overwrites a draft: a different version of a
    // draft that is here comes in as a copy beside it.
    ImportOutcome import_file(const std::string& file_name, std::string_view bytes, const std::string& new_id,
                              const std::string& now) {
        ImportOutcome out;
        out.file = file_name;
        Decoded d = decode_application(bytes);
        out.findings = d.findings;
        if (!d.application) {
            out.status = ImportOutcome::Status::Unreadable;
            out.message = d.findings.empty() ? "无法读取此文件" : d.findings.front().message;
            return out;
        }
        out.fingerprint = d.fingerprint;
        for (const Draft& existing : drafts_) {
            if (fingerprint_of(existing.app, d.programme_id) == d.fingerprint) {
                out.status = ImportOutcome::Status::AlreadyThere;
                out.draft_id = existing.id;
                out.message = "内容与已有草稿“" + existing.app.cover.project_name + "”相同，未重复导入";
                return out;
            }
        }
        Draft draft;
        draft.app = std::move(*d.application);
        draft.meta.programme_id = d.programme_id;
        draft.meta.programme_version = d.meta.programme_version;
        const bool id_taken = find(d.meta.draft_id) != nullptr;
        if (id_taken) {
            const Draft& existing = *find(d.meta.draft_id);
            store_.save_revision({existing.id, existing.app, existing.meta}, now, "import");
        }
        if (is_safe_draft_id(d.meta.draft_id) && !id_taken) {
            draft.id = d.meta.draft_id;
            out.status = ImportOutcome::Status::Added;
            out.message = "已导入";
        } else {
            draft.id = new_id;
            if (id_taken) {
                draft.app.cover.project_name += "（导入）";
                out.status = ImportOutcome::Status::AddedAsCopy;
                out.message = "已有此草稿的另一版本：导入为新草稿，原草稿未改动";
            } else {
                out.status = ImportOutcome::Status::Added;
                out.message = "已导入";
            }
        }
        out.draft_id = draft.id;
        Draft& added = insert(std::move(draft), now);
        if (!d.meta.created_at.empty()) added.meta.created_at = d.meta.created_at;
        return out;
    }

    bool any_dirty() const {
        return std::any_of(drafts_.begin(), drafts_.end(), [](const Draft& d) { return d.dirty(); });
    }

    std::string encode(const Draft& d) const { return store_.encode({d.id, d.app, d.meta}); }

private:
    void keep_revision_if_due(Draft& d, const std::string& now) {
        const auto now_s = iso_utc_seconds(now);
        if (!now_s) return;
        if (d.last_revision_at < 0) {
            const std::vector<Revision> known = store_.revisions(d.id);
            d.last_revision_at = known.empty() ? 0 : iso_utc_seconds(known.front().at).value_or(0);
        }
        if (*now_s - d.last_revision_at < kRevisionEverySeconds) return;
        if (store_.save_revision({d.id, d.app, d.meta}, now, "auto")) d.last_revision_at = *now_s;
    }

    // A new draft: fresh times; the call it belongs to (meta.programme_*) is kept.
    Draft& insert(Draft d, const std::string& now) {
        DocumentMeta meta{d.id, now, now, generator_};
        meta.programme_id = d.meta.programme_id;
        meta.programme_version = d.meta.programme_version;
        d.meta = std::move(meta);
        d.undo_stack.reset(d.app);
        d.edits = 1;  // not in the store yet
        drafts_.insert(drafts_.begin(), std::move(d));
        return drafts_.front();
    }

    bool write(Draft& d) {
        d.meta.generator = generator_;
        const uint64_t edits = d.edits;
        if (!store_.save({d.id, d.app, d.meta})) return false;
        d.saved_edits = edits;
        return true;
    }

    Store& store_;
    const Programme& programme_;

public:
    // The call a draft belongs to: as its file says, else the workspace's.
    const std::string& programme_id_of(const Draft& d) const {
        return d.meta.programme_id.empty() ? programme_.id : d.meta.programme_id;
    }

private:
    std::string generator_;
    std::vector<Draft> drafts_;  // newest edit first after sort_by_last_edit()
    std::vector<StoredDraft> trash_;
};

}  // namespace shenbao
