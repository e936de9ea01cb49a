// The one owner of the app's state, made in main and passed by reference to every view.
// Views draw it and record intents; App applies the intents after the frame, so a
// destructive action never happens in the middle of drawing.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "application.h"
#include "checks.h"
#include "codec.h"
#include "commands.h"
#include "expert_review.h"
#include "fonts.h"
#include "programme.h"
#include "project_report.h"
#include "review.h"
#include "save_pipeline.h"
#include "store.h"
#include "undo.h"
#include "workspace.h"

namespace ui {

// A draft of the workspace with what the views need to know about it.
struct Draft : shenbao::WorkDraft {
    shenbao::Findings findings;  // of app as it is now; refreshed after every change
    shenbao::Completeness completeness;
    shenbao::FormChanges form_changes;  // since the call version it was saved with; with the findings
    std::set<std::string> touched;      // fields visited this session: their missing values are marked
    bool mark_all = false;              // mark every finding in place, visited or not
    uint64_t checked_edits = ~0ull;
    // The checks of the report on screen (Page::Report), refreshed with `findings`: for
    // which duty, at which edit.
    shenbao::CheckResult report_checks;
    std::optional<std::pair<shenbao::Duty, uint64_t>> report_checked;
};

using Workspace = shenbao::Workspace<Draft>;

// An item a person can act on, where this frame drew it (CSS pixels, the part that can be
// seen: an item scrolled out or cut off by its panel has no width or height): what the
// test hook's layout() reports, and what lets a request to focus a table reach its first cell.
struct LaidOutItem {
    std::string name;   // a field path (cover.phone, team[0].name) or an action (toolbar.print)
    std::string label;  // what a person reads on or beside it
    std::string role;   // button, textbox, combobox, checkbox, row, link
    float x = 0, y = 0, w = 0, h = 0;
    float label_w = 0;  // the width the label's text needs, drawn on one line
    float full_h = 0;   // the height of the whole item, seen or not
    float full_w = 0;   // its width, seen or not
    unsigned id = 0;    // ImGui's id of the item (its SubmittedItem: disabled, checked, open)
    Region region = Region::Main;
    bool focused = false;              // it has the keyboard
    bool disabled = false;             // drawn, but not to be used now
    std::string dialog;                // the title of the dialog it is in (快捷键), if any
    std::optional<std::string> value;  // a field's value when it is not the draft's (NoteItem)
};

// A photo's thumbnail, as a texture of the renderer (made by the backend from the pixels
// the platform decoded). Asked for once per file (by its SHA-256) and kept for the session.
constexpr int kThumbnailPixels = 160;  // the longer side decoded: sharp at 64 CSS px on a 2.5x screen
struct Thumbnail {
    bool ready = false;    // the platform answered
    unsigned texture = 0;  // 0 while not ready, or when the photo did not decode
    int width = 0, height = 0;
};

struct Settings {
    float ui_scale = 1.0f;       // 0.9 .. 2.0, remembered
    std::string last_backup_at;  // ISO 8601 UTC of the last full backup
};

// How large the app draws on this screen: 界面大小 times a step up on very wide screens
// (2200 CSS px and more at a zoom of at least 100%), where 17 px text would look small
// and lines grow long. A browser zoomed out (devicePixelRatio under 1) keeps its choice.
float screen_text_scale(float css_width, float device_pixel_ratio);

struct AppState {
    // The call of what is on screen: the current draft's, else the one new drafts are for.
    // Set by App before each frame.
    const shenbao::Programme* programme = nullptr;
    const shenbao::ProgrammeSet* programmes = nullptr;  // every call the site ships
    std::string new_call;  // the programme id new drafts are for (the newest unless chosen)
    shenbao::Date today;
    Workspace* workspace = nullptr;  // owned by App
    std::string current_id;
    std::vector<Command> commands;  // asked for this frame; handled by App after it
    Settings settings;

    shenbao::SavePipeline* saving = nullptr;  // owned by App
    std::string last_saved_at;                // HH:MM:SS, local time
    std::string storage_error;                // why storage does not work, empty when it does
    std::vector<std::string> notices;         // banners (problems found on load, ...)

    // Navigation requests between views.
    std::string focus_field;          // the form scrolls to and focuses this field path
    std::string focused_field;        // the field path that has keyboard focus (this frame)
    std::string nav_field;            // put the keyboard position on this field, without activating it
    int focus_waits = 0;              // frames focus_field has waited for an item of its name
    int nav_waits = 0;                // the same for nav_field
    std::vector<LaidOutItem> layout;  // the items drawn this frame, in drawing order
    // The window got shorter (an on-screen keyboard came up): the field being edited is
    // scrolled back into view, once.
    bool reveal_active = false;
    std::string activate_item;             // an item to act on as a click would (the accessibility mirror)
    std::string focus_item;                // an item to give the keyboard to, not acting on it (F6)
    Region drawing_region = Region::Main;  // the region the items drawn now belong to
    std::string drawing_dialog;            // the title of the dialog being drawn, if any
    Region focused_region = Region::Main;  // the region of the item with the keyboard
    bool shortcuts_open = false;           // 快捷键 is shown
    // A text field's edit menu (剪切, 复制, 粘贴, 全选), opened by a right click or a long
    // press: which field (an ImGui id), and what was chosen, done once the field has the
    // keyboard again.
    enum class EditAction { None, Cut, Copy, Paste, SelectAll };
    struct EditMenu {
        unsigned field = 0;
        EditAction chosen = EditAction::None;
        int frames_waited = 0;
    } edit_menu;
    Width width = Width::Wide;                                        // of this frame
    float screen_scale = 1.0f;                                        // screen_text_scale() of the window
    float scale() const { return settings.ui_scale * screen_scale; }  // what is drawn at
    Pane pane = Pane::Main;                                           // on a medium or narrow screen
    Page page = Page::Form;                                           // in 申报 mode
    shenbao::Duty report_duty = shenbao::Duty::Report;                // the report Page::Report shows
    std::vector<shenbao::Revision> revisions;                         // of the current draft, on Page::Revisions
    std::vector<std::string> revision_notes;                          // how each differs from the draft now

    // One writer across tabs.
    bool read_only = false;
    bool lost_writer = false;       // this tab was the writer and another took over
    bool update_available = false;  // a new build waits in the service worker

    // Storage health (from the browser; -1 unknown).
    int storage_persisted = -1;
    double storage_usage = -1, storage_quota = -1;
    struct ImportLine {
        shenbao::ImportOutcome outcome;
        size_t errors = 0, warnings = 0;  // of the checks, once imported
    };
    std::vector<ImportLine> import_report;
    bool focus_form = true;          // give the form panel the keyboard (start, draft opened)
    std::string editing_long_field;  // path of the long-text field whose editor is open
    bool unit_suggestions_open = false;
    std::string rename_id;  // the draft whose name is being edited in the list
    std::string rename_text;
    bool rename_focus = false;  // the rename field takes the keyboard once, when opened

    // 审阅 mode: the association's review set.
    Mode mode = Mode::Drafting;
    shenbao::ReviewSet review;
    std::string review_open_id;  // the submission shown in detail
    std::string review_search;
    int review_kind_filter = -1;  // index into programme kinds, -1: all
    bool review_only_errors = false;
    std::vector<int> review_order;  // sorted row order (indexes into review.items)
    bool review_order_dirty = true;
    int review_sort_column = 0;  // what the rows are sorted by: a column of the table (view_review.cpp)
    bool review_sort_ascending = true;
    size_t review_last_added = 0, review_last_duplicates = 0;
    size_t review_shown = 0;             // rows the table shows after search and filters
    std::vector<int> review_shown_rows;  // which, in the table's order (a batch is made of them)
    // Expert review (expert_review.h): the batches handed out, the score files back, and
    // what they say per submission (merged again after every change).
    std::vector<shenbao::SentBatch> sent_batches;
    std::vector<shenbao::ReceivedScores> received_scores;
    // The funded projects' reports received (archives imported) and whether the overview
    // of them is on screen instead of the submissions.
    std::vector<shenbao::ReceivedReport> received_reports;
    bool review_overview = false;
    // Photos' thumbnails by SHA-256 (Thumbnail), and those a view asked for this frame.
    std::map<std::string, Thumbnail> thumbnails;
    std::set<std::string> thumbnails_wanted;
    shenbao::MergedScores merged_scores;
    std::string batch_expert;                  // who the next batch is for, as typed
    std::vector<std::string> decision_errors;  // why the decision files were not written

    // 评审 mode: the batches this person scores as an expert, each with its sheet.
    struct ExpertWork {
        shenbao::Batch batch;
        shenbao::ScoreSheet sheet;
    };
    std::vector<ExpertWork> expert_work;
    std::string expert_batch_id;                     // the batch on screen
    std::string expert_open_id;                      // the submission on screen
    std::vector<std::string> sign_off_refused;       // why the last sign-off could not be made
    std::vector<shenbao::Revision> sheet_revisions;  // the sheet on screen's history, newest first
    std::string sheet_revisions_of;                  // the batch they are of
    ExpertWork* current_expert_work();

    ui::FontManager fonts;

    std::vector<Draft>& drafts() { return workspace->drafts(); }
    const std::vector<shenbao::StoredDraft>& trash() const { return workspace->trash(); }
    Draft* current();
    // The call a draft belongs to (its own, not necessarily the one on screen).
    const shenbao::Programme& call_of(const Draft& d) const;
    // The checks of the form on the page, for the checks pane, its bar and the status: a
    // report's while one is on screen (Draft::report_checks), else the 申报书's.
    struct PageChecks {
        const shenbao::Findings& findings;
        const shenbao::Completeness& completeness;
        bool report;
    };
    PageChecks page_checks(const Draft& d) const;
    // The files the reports of the drafts (and of the trash) name: how many, how large.
    struct StoredFiles {
        size_t count = 0;
        unsigned long long bytes = 0;
    };
    StoredFiles stored_files() const;
    // The report on screen (Page::Report of an approved project), created empty when new.
    shenbao::DutyReport* open_report();
    Draft* find(const std::string& id) { return workspace->find(id); }
    void request(Command command) { commands.push_back(std::move(command)); }
    // Marks the current draft as changed now (a keystroke); `finished` records an undo step.
    void changed(Draft& d, bool finished);
    // Something is to be saved: a save is scheduled (never where storage is unavailable).
    void mark_pending();
    shenbao::SaveState save_state() const { return saving->state(); }
};

}  // namespace ui
