// What a person asks for: one type per action, each carrying only what it needs. Views
// record commands while drawing; App handles them after the frame, one handler per type,
// so a destructive action never happens in the middle of drawing.
#pragma once
#include <cstddef>
#include <string>
#include <type_traits>
#include <variant>

#include "kind.h"
#include "project.h"

namespace ui {

// Which page the middle of the screen shows in 申报 mode. Form is the current draft's
// 申报书 (the new-draft page when there is none).
// Report is a funded project's report (报备, 佐证材料, 中期评估, 验收; AppState::report_duty).
enum class Page { Form, NewDraft, Trash, HandIn, ImportReport, Storage, Revisions, Report };

// How much room there is (CSS px after the browser's zoom, divided by 界面大小): wide
// shows three panes; medium the page with the checks beside it, the list on demand;
// narrow one pane at a time.
enum class Width { Narrow, Medium, Wide };
Width width_class(float css_width, float ui_scale);

// On a medium or narrow screen, which pane is shown: the page, the list beside it (drafts,
// or 审阅's import and filters), or the checks (审阅's totals).
enum class Pane { Main, List, Checks };

// The regions of the window F6 and Shift+F6 move between, in screen order: the top bar,
// the notices under it (each with its button), the list (drafts, or 审阅's import and
// filters), the page (its toolbar and form), the checks (or 审阅's totals).
enum class Region { TopBar, Notices, List, Main, Checks };

// Who the app is working for: an applicant drafting, the association reviewing, or an
// expert scoring a batch the association handed out (评审, shown once a batch is opened).
enum class Mode { Drafting, Review, Expert };

namespace cmd {

// A command with kWrites changes what is stored: refused in a tab that is not the writer.

// Page::Revisions is shown by ShowRevisions, which names the draft.
struct ShowPage {
    Page page;
};
struct ShowPane {
    Pane pane;
};
// The form, scrolled to a field with the keyboard in it (a finding clicked, a match of
// the browser's find in page). `touched`: the person asked about it, so its findings show.
struct GoToField {
    std::string path;
    bool touched = false;
};
// 快捷键 (F1): the list of every shortcut.
struct ShowShortcuts {};
// F6 (forward) and Shift+F6: the keyboard to the first item of the next region.
struct NextRegion {
    bool forward = true;
};
// The call new drafts are for.
struct ChooseCall {
    std::string programme_id;
};
struct NewDraft {
    static constexpr bool kWrites = true;
    shenbao::KindId kind;
};
struct OpenDraft {
    std::string id;
};
struct DuplicateDraft {
    static constexpr bool kWrites = true;
    std::string id;
};
struct RenameDraft {
    static constexpr bool kWrites = true;
    std::string id, name;
};
// Into the trash.
struct DeleteDraft {
    static constexpr bool kWrites = true;
    std::string id;
};
// Out of the trash.
struct RestoreDraft {
    static constexpr bool kWrites = true;
    std::string id;
};
struct Undo {
    static constexpr bool kWrites = true;
};
struct Redo {
    static constexpr bool kWrites = true;
};
struct SaveNow {};
// 界面大小, 0.9 .. 2.0.
struct SetScale {
    float scale;
};

enum class HandInWay { Print, ExportJson, ExportHtml, Email };
struct HandIn {
    std::string id;
    HandInWay way;
};

struct PickImport {
    static constexpr bool kWrites = true;
};
struct TakeOver {};  // become the writing tab
// Reloads into the new build, once everything is stored.
struct ApplyUpdate {};
struct Backup {};  // every draft with its revisions, one file
struct PickBackup {
    static constexpr bool kWrites = true;
};
// Asks the browser to keep the data (navigator.storage.persist).
struct AskPersist {};
// Shows the kept earlier versions of a draft.
struct ShowRevisions {
    std::string id;
};
struct RestoreRevision {
    static constexpr bool kWrites = true;
    std::string id, file;
};

struct SetMode {
    Mode mode;
};
// Shows a received 申报书 as printed.
struct ViewSubmission {
    std::string id;
};
struct ExportReviewCsv {};
struct ExportPublication {};
struct ResolveResubmission {
    static constexpr bool kWrites = true;
    size_t index;
    bool keep_new;
};
// A review field was edited.
struct ReviewChanged {
    static constexpr bool kWrites = true;
};
// 审阅: a batch of the submissions shown now, for one expert (a download), remembered as sent.
struct WriteBatch {
    static constexpr bool kWrites = true;
    std::string expert;
};
// 审阅: each unit's decision file (downloads), once no decision has an error.
struct WriteDecisionFiles {};
// A duty of a funded project (报备, 佐证材料, 中期评估, 验收) marked done, or not done again.
struct MarkDuty {
    static constexpr bool kWrites = true;
    std::string id;
    shenbao::Duty duty;
    bool done;
};
// A funded project's report (the form of its duty) on screen, for the draft.
struct OpenReport {
    std::string id;
    shenbao::Duty duty;
};
// The file picker for photos and PDFs, for the report on screen; they arrive as imports.
struct PickAttachments {};
// A file taken off the report on screen. Its bytes stay stored: a version in the draft's
// history may still name them.
struct RemoveAttachment {
    static constexpr bool kWrites = true;
    std::string sha256;
};
// The report on screen: printed, or handed in as one archive (a download), which marks its duty done.
struct PrintReport {};
struct HandInReport {
    static constexpr bool kWrites = true;
    bool email = false;  // sent by email (the mail program, or the system's share) rather than downloaded
};
// 审阅: the funded projects' overview instead of the submissions; its CSV.
struct ShowOverview {
    bool shown;
};
struct ExportOverviewCsv {};
// 评审: a score or comment was edited.
struct ExpertChanged {
    static constexpr bool kWrites = true;
};
// 评审: back to an earlier version of the sheet on screen (its history); the version
// replaced is kept first.
struct RestoreSheet {
    static constexpr bool kWrites = true;
    std::string file;
};
// 评审: the batch on screen out of the list (opened by mistake, or done with). Its sheet
// and history stay stored: opening the batch again brings its scores back.
struct RemoveBatch {
    static constexpr bool kWrites = true;
};
// 评审: sign the scores off and download the score file, when complete.
struct SignScores {
    static constexpr bool kWrites = true;
};

}  // namespace cmd

using Command =
    std::variant<cmd::ShowPage, cmd::ShowPane, cmd::GoToField, cmd::ShowShortcuts, cmd::NextRegion, cmd::ChooseCall,
                 cmd::NewDraft, cmd::OpenDraft, cmd::DuplicateDraft, cmd::RenameDraft, cmd::DeleteDraft,
                 cmd::RestoreDraft, cmd::Undo, cmd::Redo, cmd::SaveNow, cmd::SetScale, cmd::HandIn, cmd::PickImport,
                 cmd::TakeOver, cmd::ApplyUpdate, cmd::Backup, cmd::PickBackup, cmd::AskPersist, cmd::ShowRevisions,
                 cmd::RestoreRevision, cmd::SetMode, cmd::ViewSubmission, cmd::ExportReviewCsv, cmd::ExportPublication,
                 cmd::ResolveResubmission, cmd::ReviewChanged, cmd::WriteBatch, cmd::WriteDecisionFiles,
                 cmd::ExpertChanged, cmd::SignScores, cmd::MarkDuty, cmd::RestoreSheet, cmd::RemoveBatch,
                 cmd::OpenReport, cmd::PickAttachments, cmd::RemoveAttachment, cmd::PrintReport, cmd::HandInReport,
                 cmd::ShowOverview, cmd::ExportOverviewCsv>;

template <class C, class = void>
struct Writes : std::false_type {};
template <class C>
struct Writes<C, std::void_t<decltype(C::kWrites)>> : std::bool_constant<C::kWrites> {};

}  // namespace ui
