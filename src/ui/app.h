// The app's life: start-up (programme, storage, drafts), handling commands after each
// frame, live checks, autosave and the storage callbacks. Owns AppState.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "app_state.h"
#include "mirror.h"
#include "posix_fs.h"

namespace ui {

class App : private shenbao::SaveTarget {
public:
    // Loads the programme and every stored draft. Returns false with a reason when the
    // app cannot start (a broken programme file).
    bool init(std::string& error);
    // After each frame: handles commands, refreshes checks, schedules saving.
    // Returns how many more frames it wants.
    int after_frame();
    void undo();
    void redo();
    void save_now();  // writes every change and syncs (through the save pipeline)
    void on_sync_done(bool ok);
    void on_text_typed(const std::string& utf8) { state.fonts.need_text(utf8); }
    // The window's size or devicePixelRatio changed: the theme and fonts follow.
    void on_resize(float css_width, float device_pixel_ratio);
    // Tab pressed (Shift+Tab: backwards) on the last item of a region (the first, going
    // back): the keyboard goes on to the next region's first item (the one before's last),
    // so that Tab alone reaches every region; ImGui's own Tab goes round inside one. True
    // when it did, and the key is then not ImGui's.
    bool tab_out_of_region(bool backwards);
    // One file of an import (picker or drop); import_done() after the last one.
    void import_file(const std::string& name, std::string_view bytes);
    void import_done();
    void set_writer(bool writer, bool lost);  // the one-writer lock changed hands
    void release_requested();                 // another tab wants to write: save, then let go
    void restore_backup(std::string_view bytes);
    void storage_info(int persisted, double usage, double quota);
    void load_review();
    // The review fields (and the received files, files_too) are to be written: saved now.
    void save_review(bool files_too);
    std::string current_draft_json();
    std::string current_findings_json();  // [{severity, field, message, clause}]
    std::string status_json();            // {storage_error, read_only, save_state, notices, update_available}
    // {drafts: [{id, name, kind, current, handed_in}], trash: [{id, name}]}, in list order
    std::string drafts_json();
    // {mode, items, shown, rejected, resubmissions, kinds: {key: {count, requested, proposed}}, proposed: {id: text}}
    std::string review_json();
    // 评审: {batch_id, expert, signed_at, open, items: [{id, name, status}], criteria: [{id, max, kinds}]}
    std::string expert_json();
    std::string layout_json();  // [{name, label, role, x, y, w, h, tw, fh, fw}] of the last frame

    AppState state;

private:
    void apply(const Command& command);  // refused when it writes and this tab may not
    void handle(const cmd::ShowPage&);
    void handle(const cmd::ShowPane&);
    void handle(const cmd::GoToField&);
    void handle(const cmd::ShowShortcuts&);
    void handle(const cmd::NextRegion&);
    void handle(const cmd::ChooseCall&);
    void handle(const cmd::NewDraft&);
    void handle(const cmd::OpenDraft&);
    void handle(const cmd::DuplicateDraft&);
    void handle(const cmd::RenameDraft&);
    void handle(const cmd::DeleteDraft&);
    void handle(const cmd::RestoreDraft&);
    void handle(const cmd::Undo&);
    void handle(const cmd::Redo&);
    void handle(const cmd::SaveNow&);
    void handle(const cmd::SetScale&);
    void handle(const cmd::HandIn&);
    void handle(const cmd::PickImport&);
    void handle(const cmd::TakeOver&);
    void handle(const cmd::ApplyUpdate&);
    void handle(const cmd::Backup&);
    void handle(const cmd::PickBackup&);
    void handle(const cmd::AskPersist&);
    void handle(const cmd::ShowRevisions&);
    void handle(const cmd::RestoreRevision&);
    void handle(const cmd::SetMode&);
    void handle(const cmd::ViewSubmission&);
    void handle(const cmd::ExportReviewCsv&);
    void handle(const cmd::ExportPublication&);
    void handle(const cmd::ResolveResubmission&);
    void handle(const cmd::ReviewChanged&);
    void handle(const cmd::WriteBatch&);
    void handle(const cmd::WriteDecisionFiles&);
    void handle(const cmd::ExpertChanged&);
    void handle(const cmd::SignScores&);
    void handle(const cmd::MarkDuty&);
    void handle(const cmd::RestoreSheet&);
    void handle(const cmd::OpenReport&);
    void handle(const cmd::PickAttachments&);
    void handle(const cmd::RemoveAttachment&);
    void handle(const cmd::PrintReport&);
    void handle(const cmd::HandInReport&);
    void handle(const cmd::ShowOverview&);
    void handle(const cmd::ExportOverviewCsv&);
    // The funded project (app_project.cpp): a hand-in archive goes to the association's
    // reports received, a photo or PDF to the report on screen (true); anything else is
    // not a project file (false).
    bool import_project_file(const std::string& name, std::string_view bytes);
    void load_received_reports();
    // The photos a view asked thumbnails of: their bytes to the platform to decode, once each.
    void request_thumbnails();
    // A backup carries the bytes of every file the drafts' reports name (attachments:
    // {sha256: base64}); restoring one stores those not here, each checked by its SHA-256.
    std::string with_attachments(const std::string& backup);
    void merge_attachments(std::string_view backup);
    void handle(const cmd::RemoveBatch&);
    // A score sheet's history: kept at each sign-off, after a restore, and every 10 minutes
    // of editing; listed for the sheet on screen.
    void keep_sheet_version(const AppState::ExpertWork& work, const std::string& reason);
    void refresh_sheet_revisions();
    // Expert review (app_expert.cpp): what each side keeps, read at start and written with
    // every save; a batch, score or decision file imported goes where it belongs (true).
    void load_expert_review();
    bool write_expert_review();
    bool import_expert_file(const std::string& name, std::string_view bytes);
    void refresh_merged_scores();
    bool write_all_then_rename(const std::string& path, const std::string& bytes);
    // A backup carries the batches this person scores and their sheets (expert_reviews);
    // restoring one takes a batch not here, and a sheet edited later than the one here.
    std::string with_expert_work(const std::string& backup);
    void merge_expert_work(std::string_view backup);
    void opened(const std::string& id);
    void show(Page page);  // one middle page at a time; it takes the keyboard
    void load_settings();
    void save_settings();  // the settings are to be written: saved now
    bool write_settings();
    bool write_review();
    bool write_changes() override;  // SaveTarget: the one place anything is written
    void start_sync() override;
    void refresh_checks();
    void resolve_focus_request();
    std::string new_id();

    platform::PosixFileSystem fs_;
    std::unique_ptr<shenbao::Store> store_;
    std::unique_ptr<Workspace> workspace_;
    std::unique_ptr<shenbao::SavePipeline> saving_;
    shenbao::ProgrammeSet programmes_;
    // The call a draft belongs to (the newest when its call is not shipped any more).
    const shenbao::Programme& programme_of(const Draft& d) const;
    // The call new drafts are for, and 审阅's.
    const shenbao::Programme& chosen_call() const;

public:
    // Points AppState::programme at the call of what is on screen; before each frame.
    void follow_current_call();

private:
    bool import_batch_open_ = false;  // files of one pick or drop are reported together
    // Of them, the files that are no application (batch, score, decision, a project's report
    // or attachment): each said where it went, so the drafts' import report is not shown for them.
    int other_files_imported_ = 0;
    bool asked_persist_ = false;
    // The accessibility mirror: sent to the page when what it says changed.
    void publish_mirror();
    std::vector<MirrorNode> mirror_sent_;
    std::string status_said_;
    std::string find_text_sent_;
    std::string find_text_key_;         // the draft (id and edits count) the find text was made from
    bool review_fields_dirty_ = false;  // to be written by the next save
    bool review_files_dirty_ = false;
    bool expert_review_dirty_ = false;                // batches sent, score files received, expert sheets
    std::map<std::string, long long> sheet_kept_at_;  // per batch, when its sheet was last kept (seconds)
    bool settings_dirty_ = false;
    unsigned id_counter_ = 0;
};

}  // namespace ui
