// The drafts a person works on, in memory and in the store: create, duplicate, rename,
// delete into the trash and restore, undo and redo, and writing what changed.
//
// A template over the draft type so that the UI can keep its own per-draft annotations
// (findings, visited fields) in the same object; the core tests use WorkDraft itself.
// Times are passed in (ISO 8601 UTC) so that the core stays free of clocks.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "application.h"
#include "store.h"
#include "undo.h"

namespace shenbao {

struct WorkDraft {
    std::string id;
    Application app;
    DocumentMeta meta;
    UndoHistory history;
    uint64_t revision = 0;        // bumped on every change
    uint64_t saved_revision = 0;  // the revision in the store
    bool dirty() const { return revision != saved_revision; }
};

template <class Draft>
class Workspace {
public:
    Workspace(Store& store, const Programme& programme, std::string generator)
        : store_(store), programme_(programme), generator_(std::move(generator)) {}

    // Replaces the list by what the store holds; problems name the files set aside.
    LoadReport load() {
        LoadReport report = store_.load_all();
        drafts_.clear();
        for (StoredDraft& s : report.drafts) {
            Draft d;
            d.id = s.id;
            d.app = std::move(s.app);
            d.meta = s.meta;
            d.history.reset(d.app);
            drafts_.push_back(std::move(d));
        }
        report.drafts.clear();
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
    Draft& create(KindId kind, const std::string& id, const std::string& now) {
        Draft d;
        d.id = id;
        d.app = Application::blank(programme_, kind);
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

    // Marks a change made to d.app; `finished` records an undo step.
    void changed(Draft& d, const std::string& now, bool finished) {
        ++d.revision;
        d.meta.updated_at = now;
        if (finished) d.history.record(d.app);
    }

    bool undo(Draft& d, const std::string& now) {
        if (!d.history.can_undo()) return false;
        d.app = d.history.undo();
        changed(d, now, false);
        return true;
    }

    bool redo(Draft& d, const std::string& now) {
        if (!d.history.can_redo()) return false;
        d.app = d.history.redo();
        changed(d, now, false);
        return true;
    }

    // Moves the draft to the trash. It is written first if it has changes (or was never
    // written), so the trash holds exactly what was on screen. False, with the draft
    // still in the list, when the store could not do it.
    bool remove(const std::string& id) {
        Draft* d = find(id);
        if (!d) return false;
        if (d->dirty() && !write(*d)) return false;
        if (!store_.move_to_trash(id)) return false;
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
        d.history.reset(d.app);
        drafts_.insert(drafts_.begin(), std::move(d));
        trash_ = store_.trash();
        return true;
    }

    // Writes every draft with changes. False when any could not be written (those stay
    // dirty and are tried again next time).
    bool save_dirty() {
        bool ok = true;
        for (Draft& d : drafts_)
            if (d.dirty() && !write(d)) ok = false;
        return ok;
    }

    void sort_by_last_edit() {
        std::stable_sort(drafts_.begin(), drafts_.end(),
                         [](const Draft& a, const Draft& b) { return a.meta.updated_at > b.meta.updated_at; });
    }

    bool any_dirty() const {
        return std::any_of(drafts_.begin(), drafts_.end(), [](const Draft& d) { return d.dirty(); });
    }

    std::string encode(const Draft& d) const { return store_.encode({d.id, d.app, d.meta}); }

private:
    Draft& insert(Draft d, const std::string& now) {
        d.meta = {d.id, now, now, generator_};
        d.history.reset(d.app);
        d.revision = 1;  // not in the store yet
        drafts_.insert(drafts_.begin(), std::move(d));
        return drafts_.front();
    }

    bool write(Draft& d) {
        d.meta.generator = generator_;
        const uint64_t revision = d.revision;
        if (!store_.save({d.id, d.app, d.meta})) return false;
        d.saved_revision = revision;
        return true;
    }

    Store& store_;
    const Programme& programme_;
    std::string generator_;
    std::vector<Draft> drafts_;      // newest edit first after sort_by_last_edit()
    std::vector<StoredDraft> trash_;
};

}  // namespace shenbao
