#include "app.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "builtin_programme.h"
#include "item_hook.h"
#include "platform.h"
#include "print_html.h"
#include "text.h"
#include "views.h"

namespace ui {

using namespace shenbao;

namespace {

constexpr const char* kGenerator = "shenbao-web 0.1";
const std::string kSettingsDir = "/drafts/settings";
const std::string kSettingsFile = kSettingsDir + "/ui.json";
const std::string kReviewDir = "/drafts/review";
const std::string kReviewFiles = kReviewDir + "/files";
const std::string kReviewFields = kReviewDir + "/fields.json";

std::string local_hms() {
    char buf[16];
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

}  // namespace

// ---- AppState ------------------------------------------------------------------------------

Draft* AppState::current() { return workspace ? workspace->find(current_id) : nullptr; }

AppState::PageChecks AppState::page_checks(const Draft& d) const {
    const bool report = mode == Mode::Drafting && page == Page::Report && d.id == current_id && d.report_checked &&
                        d.report_checked->first == report_duty;
    return report ? PageChecks{d.report_checks.findings, d.report_checks.completeness, true}
                  : PageChecks{d.findings, d.completeness, false};
}

const Programme& AppState::call_of(const Draft& d) const {
    const Programme* p = programmes->find(workspace->programme_id_of(d));
    return p ? *p : programmes->newest();  // a call no longer shipped: the newest
}

void AppState::changed(Draft& d, bool finished) {
    workspace->changed(d, platform::now_iso_utc(), finished);
    mark_pending();
}

void AppState::mark_pending() { saving->changed(platform::now_ms()); }

// ---- App -----------------------------------------------------------------------------------

bool App::init(std::string& error) {
    programmes_ = load_programmes(builtin_programme_jsons(), error);
    if (programmes_.all.empty()) return false;
    error.clear();  // a broken extra file does not stop the others
    state.programmes = &programmes_;
    state.new_call = platform::remembered_call();
    if (!programmes_.find(state.new_call)) state.new_call = programmes_.newest().id;
    state.programme = &chosen_call();
    platform::today(state.today.year, state.today.month, state.today.day);
    state.storage_error = platform::storage_error();
    saving_ = std::make_unique<SavePipeline>(static_cast<SaveTarget&>(*this), state.storage_error.empty());
    state.saving = saving_.get();
    state.read_only = !platform::is_writer();
    saving_->set_read_only(state.read_only);
    // A draft whose file names no call is taken to be for the newest.
    store_ = std::make_unique<Store>(fs_, platform::drafts_root(), programmes_.newest().id);
    workspace_ = std::make_unique<Workspace>(*store_, programmes_.newest(), kGenerator);
    state.workspace = workspace_.get();
    load_settings();

    LoadReport report = workspace_->load(platform::now_iso_utc());
    for (const StoreProblem& problem : report.problems) state.notices.push_back(problem.message);
    for (const Draft& d : state.drafts()) state.fonts.need_text(canonical_content(d.app));
    // A first visit starts by choosing the kind of application.
    if (state.drafts().empty())
        state.page = Page::NewDraft;
    else
        state.current_id = state.drafts().front().id;
    refresh_checks();
    load_review();
    load_expert_review();
    load_received_reports();
    // Duties of funded projects due within 3 days or overdue: said first, on any screen
    // (on a phone the list with 待办 is behind a button).
    std::string urgent;
    for (const Draft& d : state.drafts()) {
        if (!d.meta.project) continue;
        for (const Milestone& m : project_timeline(programme_of(d), d.app, *d.meta.project))
            if (const DueState due = due_state(m, state.today); due.urgent)
                urgent += (urgent.empty() ? "" : "；") + std::string("《") + d.app.cover.project_name + "》" + m.label +
                          " " + due.text;
    }
    if (!urgent.empty()) state.notices.push_back("待办：" + urgent);
    // An expert who drafts nothing here comes back to the batch being scored.
    if (state.drafts().empty() && !state.expert_work.empty()) state.mode = Mode::Expert;
    if (!report.problems.empty()) save_now();  // the quarantine moves
    return true;
}

const Programme& App::programme_of(const Draft& d) const { return state.call_of(d); }

const Programme& App::chosen_call() const {
    const Programme* p = programmes_.find(state.new_call);
    return p ? *p : programmes_.newest();
}

void App::follow_current_call() {
    const Draft* d = state.current();
    state.programme =
        d && state.page != Page::NewDraft && state.mode == Mode::Drafting ? &programme_of(*d) : &chosen_call();
}

void App::load_review() {
    // The received files are kept as they came; the review fields beside them.
    for (const std::string& name : fs_.list(kReviewFiles)) {
        std::string bytes;
        if (fs_.read(kReviewFiles + "/" + name, bytes))
            review_add(state.review, chosen_call(), name, bytes, state.today);
    }
    for (Submission& s : state.review.items) {
        state.fonts.need_text(canonical_content(s.app));
        for (const Finding& f : s.findings) state.fonts.need_text(f.message);
    }
    std::string fields;
    if (fs_.read(kReviewFields, fields)) apply_review_fields(state.review, fields);
    state.review_order_dirty = true;
}

void App::save_review(bool files_too) {
    if (state.read_only) return;  // the writing tab keeps the review
    review_fields_dirty_ = true;
    review_files_dirty_ = review_files_dirty_ || files_too;
    save_now();
}

bool App::write_review() {
    if (!review_fields_dirty_ && !review_files_dirty_) return true;
    fs_.make_dir(kReviewDir);
    fs_.make_dir(kReviewFiles);
    bool ok = true;
    if (review_files_dirty_) {
        std::string existing;
        for (const Submission& s : state.review.items) {
            const std::string path = kReviewFiles + "/" + s.id + ".json";
            if (fs_.read(path, existing)) continue;  // written once, never changed
            ok = fs_.write(path + ".tmp", s.bytes) && fs_.rename(path + ".tmp", path) && ok;
        }
    }
    ok = fs_.write(kReviewFields + ".tmp", encode_review_fields(state.review)) &&
         fs_.rename(kReviewFields + ".tmp", kReviewFields) && ok;
    review_fields_dirty_ = review_files_dirty_ = false;
    return ok;
}

std::string App::new_id() {
    for (;;) {
        std::string digits;
        for (char c : platform::now_iso_utc())
            if (c >= '0' && c <= '9') digits += c;
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "-%04x%02x", static_cast<unsigned>(platform::now_ms() * 1000) & 0xFFFF,
                      ++id_counter_ & 0xFF);
        std::string id = "d" + digits + suffix;
        if (!state.find(id)) return id;
    }
}

void App::opened(const std::string& id) {
    state.current_id = id;
    state.focus_form = true;
    // Whatever had the keyboard before (a list row, a button of another page) is gone.
    state.nav_field = "cover.project_name";
    state.page = Page::Form;
    state.pane = Pane::Main;
    if (Draft* d = state.find(id)) state.fonts.need_text(canonical_content(d->app));
    // A new draft must reach the store soon even if nothing else is typed.
    if (workspace_->any_dirty()) state.mark_pending();
}

void App::refresh_checks() {
    for (Draft& d : state.drafts()) {
        if (d.checked_edits == d.edits) continue;
        const Programme& call = programme_of(d);
        CheckResult result = check_full(call, d.app, state.today);
        d.form_changes = form_changes(call, d.app, d.meta.programme_version);
        d.findings = std::move(result.findings);
        d.completeness = std::move(result.completeness);
        d.checked_edits = d.edits;
        for (const Finding& f : d.findings) state.fonts.need_text(f.message);
    }
    Draft* d = state.current();
    if (d && state.mode == Mode::Drafting && state.open_report() &&
        d->report_checked != std::pair{state.report_duty, d->edits}) {
        d->report_checks = check_report(programme_of(*d), d->app, *d->meta.project, state.report_duty, state.today);
        d->report_checked = std::pair{state.report_duty, d->edits};
        for (const Finding& f : d->report_checks.findings) state.fonts.need_text(f.message);
    }
}

namespace {

// Which sections differ between two versions, for comparing at a glance.
std::string differences_between(const Programme& call, const Application& a, const Application& b) {
    std::string out;
    int changed = 0;
    if (a.cover.kind != b.cover.kind) {
        out += call.form.label_of("cover.kind") + " ";
        ++changed;
    }
    auto part = [](const std::string& json, const char* key) {
        const size_t at = json.find(key);
        if (at == std::string::npos) return std::string();
        // Up to the next top-level key: enough to tell whether the part changed.
        size_t depth = 0, i = json.find(':', at);
        for (; i < json.size(); ++i) {
            if (json[i] == '{' || json[i] == '[') ++depth;
            if (json[i] == '}' || json[i] == ']') {
                if (depth-- == 0) break;
            }
            if (json[i] == ',' && depth == 0) break;
        }
        return json.substr(at, i - at);
    };
    const std::string ja = canonical_content(a), jb = canonical_content(b);
    for (const FormPart& p : form_parts(call, b.cover.kind)) {
        if (p.key.empty()) continue;
        const std::string key = "\"" + p.key + "\"";
        if (part(ja, key.c_str()) != part(jb, key.c_str())) {
            out += p.title + " ";
            ++changed;
        }
    }
    if (changed == 0) return "与当前内容相同";
    return "与当前不同：" + out;
}

}  // namespace

void App::apply(const Command& command) {
    std::visit(
        [this](const auto& c) {
            if (Writes<std::decay_t<decltype(c)>>::value && state.read_only)
                state.notices.push_back("本窗口为只读：请先点击“在本窗口编辑”");
            else
                handle(c);
        },
        command);
}

void App::show(Page page) {
    state.page = page;
    state.pane = Pane::Main;
    state.focus_form = true;
}

void App::handle(const cmd::ShowPage& c) {
    // The pages (存储与备份 above all, from the top bar) are 申报's: in 审阅 or 评审 the
    // button would otherwise do nothing that can be seen.
    if (state.mode != Mode::Drafting) handle(cmd::SetMode{Mode::Drafting});
    show(c.page);
    if (c.page == Page::Storage) platform::refresh_storage_info(true);
}

void App::handle(const cmd::ShowPane& c) {
    state.pane = c.pane;
    state.focus_form = true;
}

void App::handle(const cmd::GoToField& c) {
    Draft* d = state.mode == Mode::Drafting ? state.current() : nullptr;
    if (!d) return;
    if (c.touched) d->touched.insert(c.path);
    state.focus_field = c.path;
    // A field of the report on screen (its paths start with its duty's key) stays there.
    const bool in_report =
        state.page == Page::Report &&
        (c.path == "attachments" || c.path.rfind(std::string(duty_key(state.report_duty)) + ".", 0) == 0);
    if (!in_report) state.page = Page::Form;
    state.pane = Pane::Main;  // the form's pane, on a narrow screen
    state.focus_form = true;
}

void App::handle(const cmd::ChooseCall& c) {
    if (!programmes_.find(c.programme_id)) return;
    state.new_call = c.programme_id;
    platform::remember_call(c.programme_id);
}

void App::handle(const cmd::NewDraft& c) {
    opened(workspace_->create(c.kind, new_id(), platform::now_iso_utc(), &chosen_call()).id);
    // A new draft: the caret waits in 项目名称 (activated, not only placed there).
    state.nav_field.clear();
    state.focus_field = "cover.project_name";
}

void App::handle(const cmd::OpenDraft& c) {
    if (state.find(c.id)) opened(c.id);
}

void App::handle(const cmd::DuplicateDraft& c) {
    if (Draft* copy = workspace_->duplicate(c.id, new_id(), platform::now_iso_utc())) opened(copy->id);
}

void App::handle(const cmd::RenameDraft& c) {
    if (workspace_->rename(c.id, c.name, platform::now_iso_utc())) state.mark_pending();
}

void App::handle(const cmd::DeleteDraft& c) {
    if (!workspace_->remove(c.id, platform::now_iso_utc())) {
        state.notices.push_back("无法删除草稿：浏览器存储写入失败，草稿仍保留在列表中");
        return;
    }
    if (state.current_id == c.id) state.current_id = state.drafts().empty() ? "" : state.drafts().front().id;
    if (state.drafts().empty()) show(Page::NewDraft);
    save_now();
}

void App::handle(const cmd::RestoreDraft& c) {
    if (!workspace_->restore(c.id)) return;
    opened(c.id);
    save_now();
}

void App::handle(const cmd::ShowShortcuts&) { state.shortcuts_open = true; }

namespace {

// An item the keyboard can be put on (F6 and Tab): drawn enabled, not a heading.
bool usable(const LaidOutItem& item) { return !item.disabled && item.role != "heading"; }

}  // namespace

void App::handle(const cmd::NextRegion& c) {
    // The regions drawn in the last frame, each with its first usable item (a Tab stop or
    // not: F6 reaches the toolbar), in screen order.
    std::vector<std::pair<Region, std::string>> regions;
    for (const LaidOutItem& item : state.layout)
        if (usable(item) &&
            std::none_of(regions.begin(), regions.end(), [&](const auto& r) { return r.first == item.region; }))
            regions.emplace_back(item.region, item.name);
    if (regions.empty()) return;
    std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    const auto here =
        std::find_if(regions.begin(), regions.end(), [&](const auto& r) { return r.first == state.focused_region; });
    const long n = static_cast<long>(regions.size());
    const long at = here == regions.end() ? (c.forward ? -1 : 0) : here - regions.begin();
    const auto& next = regions[static_cast<size_t>(((at + (c.forward ? 1 : -1)) % n + n) % n)];
    state.focus_item = next.second;
    state.focused_region = next.first;
}

bool App::tab_out_of_region(bool backwards) {
    // The items Tab stops at in the last frame, one per name, in drawing order (Tab's order).
    std::vector<const LaidOutItem*> stops;
    const LaidOutItem* focused = nullptr;
    for (const LaidOutItem& item : state.layout) {
        if (!usable(item)) continue;
        // (A multi-line field's own item is in its child window: not found, it still counts.)
        const SubmittedItem* submitted = item.id ? FindSubmittedItem(item.id) : nullptr;
        if (submitted && (submitted->item_flags & (ImGuiItemFlags_NoTabStop | ImGuiItemFlags_NoNav))) continue;
        if (std::any_of(stops.begin(), stops.end(), [&](const LaidOutItem* x) { return x->name == item.name; }))
            continue;
        stops.push_back(&item);
        if (item.focused && !focused) focused = &item;
    }
    if (!focused) return false;
    auto in = [](Region r) { return [r](const LaidOutItem* x) { return x->region == r; }; };
    const auto last_here = std::find_if(stops.rbegin(), stops.rend(), in(focused->region));
    const auto first_here = std::find_if(stops.begin(), stops.end(), in(focused->region));
    const auto take = [&](const LaidOutItem* target) {
        // As ImGui's Tab does inside a region: a text field is entered, anything else focused.
        if (target->role == "textbox")
            state.activate_item = target->name;
        else
            state.focus_item = target->name;
        state.focused_region = target->region;
        platform::request_frames(2);
        return true;
    };
    if ((backwards ? *first_here : *last_here) != focused) {
        // Each notice is a window of its own, where ImGui's Tab would go round its one
        // button: the next notice's is taken here.
        if (focused->region != Region::Notices) return false;
        const auto at = std::find(stops.begin(), stops.end(), focused);
        return take(backwards ? *(at - 1) : *(at + 1));
    }
    // The next region (in the order of the Region enum, going round) that has a stop.
    constexpr int kRegions = static_cast<int>(Region::Checks) + 1;
    for (int step = 1; step < kRegions; ++step) {
        const int at =
            ((static_cast<int>(focused->region) + (backwards ? -step : step)) % kRegions + kRegions) % kRegions;
        const Region region = static_cast<Region>(at);
        const LaidOutItem* target = nullptr;
        if (backwards) {
            const auto it = std::find_if(stops.rbegin(), stops.rend(), in(region));
            if (it != stops.rend()) target = *it;
        } else {
            const auto it = std::find_if(stops.begin(), stops.end(), in(region));
            if (it != stops.end()) target = *it;
        }
        if (target) return take(target);
    }
    return false;  // one region only: ImGui goes round inside it
}

void App::handle(const cmd::Undo&) { undo(); }
void App::handle(const cmd::Redo&) { redo(); }
void App::handle(const cmd::SaveNow&) { save_now(); }

void App::handle(const cmd::SetScale& c) {
    const float scale = std::clamp(c.scale, 0.9f, 2.0f);
    if (scale == state.settings.ui_scale) return;
    state.settings.ui_scale = scale;
    ApplyTheme(state.scale(), platform::coarse_pointer());
    state.fonts.set_scale(state.scale(), ImGui::GetIO().DisplayFramebufferScale.x);
    save_settings();
}

float screen_text_scale(float css_width, float device_pixel_ratio) {
    return css_width >= 2200 && device_pixel_ratio >= 1 ? 1.2f : 1.0f;
}

void App::on_resize(float css_width, float device_pixel_ratio) {
    const float screen = screen_text_scale(css_width, device_pixel_ratio);
    if (screen != state.screen_scale) {
        state.screen_scale = screen;
        ApplyTheme(state.scale(), platform::coarse_pointer());
    }
    state.fonts.set_scale(state.scale(), device_pixel_ratio);
}

void App::handle(const cmd::PickImport&) { platform::pick_files(); }
void App::handle(const cmd::TakeOver&) { platform::take_over(); }

void App::handle(const cmd::ApplyUpdate&) {
    saving_->when_stored([this](bool stored) {
        if (stored || state.read_only) return platform::apply_update();
        // Reloading now would lose what is not stored: the banner stays to try again.
        state.notices.push_back(state.storage_error.empty() ? "保存失败，暂不更新：请先导出或备份草稿，再点击更新"
                                                            : "浏览器不允许本页保存：更新会丢失本页内容，请先导出草稿");
    });
}

void App::handle(const cmd::Backup&) {
    const std::string now = platform::now_iso_utc();
    platform::offer_download("申报助手备份-" + now.substr(0, 10) + ".json", "application/json",
                             with_attachments(with_expert_work(workspace_->backup(now))));
    state.settings.last_backup_at = now;
    save_settings();
}

void App::handle(const cmd::PickBackup&) { platform::pick_backup(); }
void App::handle(const cmd::AskPersist&) { platform::refresh_storage_info(true); }

void App::handle(const cmd::ShowRevisions& c) {
    const Draft* d = state.find(c.id);
    if (!d) return;
    state.revisions = workspace_->revisions(c.id);
    state.revision_notes.clear();
    for (const Revision& r : state.revisions) {
        auto old = workspace_->read_revision(c.id, r.file);
        state.revision_notes.push_back(old ? differences_between(programme_of(*d), old->app, d->app) : "无法读取");
    }
    show(Page::Revisions);
}

void App::handle(const cmd::RestoreRevision& c) {
    Draft* d = state.find(c.id);
    if (!d || !workspace_->restore_revision(c.id, c.file, platform::now_iso_utc())) return;
    ImGui::ClearActiveID();
    state.changed(*d, false);
    show(Page::Form);
    state.notices.push_back("已恢复到所选的历史版本；恢复前的内容已另存为一个历史版本");
}

void App::handle(const cmd::SetMode& c) {
    state.mode = c.mode;
    state.pane = Pane::Main;
    state.review_open_id.clear();
    state.focus_form = true;
}

void App::handle(const cmd::ViewSubmission& c) {
    if (state.mode != Mode::Expert) {
        if (const Submission* x = state.review.find(c.id))
            platform::show_document(x->app.cover.project_name, print_html(chosen_call(), x->app, x->fingerprint));
        return;
    }
    // An expert reads the 申报书 of the batch as it prints, under the batch's call.
    const AppState::ExpertWork* w = state.current_expert_work();
    if (!w) return;
    const Programme* call = programmes_.find(w->batch.programme_id);
    for (const Batch::Item& i : w->batch.items)
        if (i.submission_id == c.id)
            platform::show_document(i.app.cover.project_name,
                                    print_html(call ? *call : chosen_call(), i.app, i.fingerprint));
}

void App::handle(const cmd::ExportReviewCsv&) {
    platform::offer_download("申报汇总-" + platform::now_iso_utc().substr(0, 10) + ".csv", "text/csv",
                             review_csv(chosen_call(), state.review));
}

void App::handle(const cmd::ExportPublication&) {
    platform::offer_download("拟资助项目公示-" + platform::now_iso_utc().substr(0, 10) + ".html", "text/html",
                             review_publication_html(chosen_call(), state.review));
}

void App::handle(const cmd::ResolveResubmission& c) {
    review_resolve(state.review, c.index, c.keep_new);
    state.review_order_dirty = true;
    refresh_merged_scores();
    save_review(true);
}

void App::handle(const cmd::ReviewChanged&) {
    review_fields_dirty_ = true;
    state.mark_pending();
}

void App::handle(const cmd::HandIn& c) {
    Draft* d = state.find(c.id);
    if (!d) return;
    const Application& app = d->app;
    const Programme& call = programme_of(*d);
    const std::string fingerprint = fingerprint_of(app, call.id);
    const std::string now = platform::now_iso_utc();
    std::string date = app.cover.applied_on.value() ? app.cover.applied_on.value()->iso() : now.substr(0, 10);
    const std::string json_name = safe_file_name(app.cover.applicant_unit, app.cover.project_name, date, "json");
    const std::string html_name = safe_file_name(app.cover.applicant_unit, app.cover.project_name, date, "html");
    switch (c.way) {
        case cmd::HandInWay::Print:
            workspace_->record_hand_in(*d, "print", now);
            platform::print_document(print_html(call, app, fingerprint));
            break;
        case cmd::HandInWay::ExportJson:
            workspace_->record_hand_in(*d, "export", now);
            platform::offer_download(json_name, "application/json", workspace_->encode(*d));
            break;
        case cmd::HandInWay::ExportHtml:
            workspace_->record_hand_in(*d, "export", now);
            platform::offer_download(html_name, "text/html", print_html(call, app, fingerprint));
            break;
        case cmd::HandInWay::Email: {
            workspace_->record_hand_in(*d, "email", now);
            const std::string unit =
                trim(app.cover.applicant_unit).empty() ? "（单位）" : trim(app.cover.applicant_unit);
            const std::string name =
                trim(app.cover.project_name).empty() ? "（项目名称）" : trim(app.cover.project_name);
            const std::string subject = "【重点项目申报】" + unit + "-" + name;
            const std::string body = call.issuer + "：\n\n    现报送" + unit + "《" + name +
                                     "》重点项目申报书电子稿，请查收。\n\n"
                                     "附件（共2个）：\n    1. " +
                                     json_name + "（电子稿，可导入申报助手）\n    2. " + html_name +
                                     "（打印版）\n\n电子稿指纹：" + short_fingerprint(fingerprint) +
                                     "（与纸质申报书每页页脚一致）\n纸质申报书一式" + std::to_string(call.copies) +
                                     "份，签字盖章后另行递交。\n\n联系人：" + trim(app.cover.project_leader) +
                                     "  电话：" + trim(app.cover.phone) + "\n";
            platform::send_by_email(call.contact.email, subject, body,
                                    {{json_name, "application/json", workspace_->encode(*d)},
                                     {html_name, "text/html", print_html(call, app, fingerprint)}});
            break;
        }
    }
    // The record of the hand-in is saved like an edit (it does not change the content).
    state.mark_pending();
}

void App::import_file(const std::string& name, std::string_view bytes) {
    if (!import_batch_open_) {
        state.import_report.clear();
        state.review.rejected.clear();
        state.review_last_added = state.review_last_duplicates = 0;
        import_batch_open_ = true;
        other_files_imported_ = 0;
    }
    if (import_expert_file(name, bytes) || import_project_file(name, bytes)) {
        ++other_files_imported_;
        return;
    }
    if (state.mode == Mode::Review) {
        const ReviewAdd result = review_add(state.review, chosen_call(), name, bytes, state.today);
        if (result == ReviewAdd::Added) ++state.review_last_added;
        if (result == ReviewAdd::Duplicate) ++state.review_last_duplicates;
        if (result == ReviewAdd::Added) {
            // The file holds all the text of the application: scan it as it is.
            state.fonts.need_text(bytes);
            state.fonts.need_text(name);
            for (const Finding& f : state.review.items.back().findings) state.fonts.need_text(f.message);
        }
        state.review_order_dirty = true;
        return;
    }
    ImportOutcome outcome = workspace_->import_file(name, bytes, new_id(), platform::now_iso_utc());
    AppState::ImportLine line{std::move(outcome)};
    if (Draft* d = state.find(line.outcome.draft_id)) {
        state.fonts.need_text(canonical_content(d->app));
        const Findings findings = check_application(programme_of(*d), d->app, state.today);
        line.errors = count_severity(findings, Severity::Error);
        line.warnings = count_severity(findings, Severity::Warning);
    }
    state.fonts.need_text(name + line.outcome.message);
    state.import_report.push_back(std::move(line));
}

void App::import_done() {
    import_batch_open_ = false;
    if (state.mode == Mode::Review) {
        for (const RejectedFile& r : state.review.rejected) state.fonts.need_text(r.file_name + r.reason);
        refresh_merged_scores();
        save_review(true);
        return;
    }
    // Only files that are no application (other_files_imported_): each said where it went.
    if (state.mode == Mode::Expert || (state.import_report.empty() && other_files_imported_ > 0)) {
        save_now();
        return;
    }
    show(Page::ImportReport);
    refresh_checks();
    if (workspace_->any_dirty()) save_now();
}

// The undo history is the 申报书's: on a report's page (whose edits are not in it) undo
// would change what is not on screen, so it does nothing there.
void App::undo() {
    Draft* d = state.current();
    if (!d || !d->undo_stack.can_undo() || state.page == Page::Report) return;
    ImGui::ClearActiveID();  // a field being edited would write its old text back
    workspace_->undo(*d, platform::now_iso_utc());
    state.changed(*d, false);
}

void App::redo() {
    Draft* d = state.current();
    if (!d || !d->undo_stack.can_redo() || state.page == Page::Report) return;
    ImGui::ClearActiveID();
    workspace_->redo(*d, platform::now_iso_utc());
    state.changed(*d, false);
}

// A request to focus a field that no item of this frame answers to is a table or a list
// (team, budget.lines, evidence): it goes to the first item inside it, or to its add
// button. A request nothing answers to for a few frames is dropped.
void App::resolve_focus_request() {
    // A keyboard position asked for an item the page does not draw (the 申报书's first
    // field when a draft is opened onto its checks pane on a phone) is dropped likewise:
    // waiting for it would draw frames for ever.
    const auto drawn = [&](const std::string& name) {
        return std::any_of(state.layout.begin(), state.layout.end(),
                           [&](const LaidOutItem& i) { return i.name == name; });
    };
    if (state.nav_field.empty() || drawn(state.nav_field))
        state.nav_waits = 0;
    else if (++state.nav_waits > 3) {
        state.nav_field.clear();
        state.nav_waits = 0;
    }
    std::string& want = state.focus_field;
    if (want.empty()) {
        state.focus_waits = 0;
        return;
    }
    const auto& items = state.layout;
    if (std::any_of(items.begin(), items.end(), [&](const LaidOutItem& i) { return i.name == want; })) return;
    for (const LaidOutItem& i : items) {
        if (i.name.size() > want.size() && i.name.compare(0, want.size(), want) == 0 &&
            (i.name[want.size()] == '[' || i.name[want.size()] == '.')) {
            want = i.name;
            platform::request_frames(2);
            return;
        }
    }
    if (++state.focus_waits > 3) {
        want.clear();
        state.focus_waits = 0;
    }
}

int App::after_frame() {
    int wanted = 0;
    resolve_focus_request();
    if (!state.commands.empty()) {
        std::vector<Command> commands;
        commands.swap(state.commands);
        for (const Command& c : commands) apply(c);
        wanted = 2;
    }
    refresh_checks();
    refresh_sheet_revisions();
    request_thumbnails();
    // A request for the keyboard is taken up by the next frames: they must come.
    if (!state.focus_field.empty() || !state.nav_field.empty()) wanted = std::max(wanted, 1);
    const double wait_ms = saving_->tick(platform::now_ms());
    if (wait_ms > 0) platform::wake_after_ms(static_cast<int>(wait_ms) + 1);
    publish_mirror();
    return wanted;
}

void App::publish_mirror() {
    const double started = platform::now_ms();
    // The find text is made again only when the open draft is another or has changed.
    const Draft* open = state.mode == Mode::Drafting ? state.current() : nullptr;
    std::string find_key = open ? open->id + '\n' + std::to_string(open->edits) : std::string();
    if (find_key != find_text_key_) {
        std::string find_text = MirrorFindText(state);
        if (find_text != find_text_sent_) {
            platform::update_find_text(find_text);
            find_text_sent_ = std::move(find_text);
        }
        find_text_key_ = std::move(find_key);
    }
    std::vector<MirrorNode> nodes = MirrorNodes(state);
    const std::string delta = MirrorDelta(mirror_sent_, nodes);
    if (!delta.empty()) {
        platform::update_mirror(delta, platform::now_ms() - started);
        mirror_sent_ = std::move(nodes);
    }
    std::string status = MirrorStatus(state);
    if (!status.empty() && status != status_said_) {
        platform::announce(status);
        status_said_ = std::move(status);
    }
}

void App::save_now() { saving_->save_now(); }

bool App::write_changes() {
    bool ok = write_review();
    ok = write_expert_review() && ok;
    if (settings_dirty_) ok = write_settings() && ok;
    ok = workspace_->save_dirty(platform::now_iso_utc()) && ok;
    workspace_->sort_by_last_edit();
    return ok;
}

void App::start_sync() { platform::persist(); }

void App::on_sync_done(bool ok) {
    if (saving_->sync_done(ok) != SavePipeline::Outcome::Saved) return;
    state.last_saved_at = local_hms();
    if (!asked_persist_) {
        // Work worth keeping now exists: ask the browser not to evict it.
        asked_persist_ = true;
        platform::refresh_storage_info(true);
    }
}

void App::set_writer(bool writer, bool lost) {
    if (writer) {
        // Read what the other tab wrote while this one was read-only.
        const std::string current = state.current_id;
        LoadReport report = workspace_->load(platform::now_iso_utc());
        for (const StoreProblem& p : report.problems) state.notices.push_back(p.message);
        for (const Draft& d : state.drafts()) state.fonts.need_text(canonical_content(d.app));
        if (state.drafts().empty()) {
            state.current_id.clear();
            show(Page::NewDraft);
        } else {
            opened(state.find(current) ? current : state.drafts().front().id);
        }
        state.read_only = false;
        state.lost_writer = false;
        state.focus_form = true;
        saving_->set_read_only(false);
        saving_->reset_to_saved();
        refresh_checks();
    } else {
        ImGui::ClearActiveID();
        state.read_only = true;
        state.lost_writer = lost;
        saving_->set_read_only(true);
    }
}

void App::release_requested() {
    // Whether or not it could be stored, the other tab must not wait for ever.
    saving_->when_stored([](bool) { platform::release_writer(); });
}

void App::restore_backup(std::string_view bytes) {
    if (state.read_only) {
        state.notices.push_back("本窗口为只读：请先点击“在本窗口编辑”");
        return;
    }
    int ids = 0;
    MergeReport r = workspace_->merge_backup(
        bytes, [&] { return new_id() + std::to_string(++ids); }, platform::now_iso_utc());
    if (!r.error.empty()) {
        state.notices.push_back("无法从备份恢复：" + r.error);
        return;
    }
    for (const Draft& d : state.drafts()) state.fonts.need_text(canonical_content(d.app));
    merge_expert_work(bytes);
    merge_attachments(bytes);
    state.notices.push_back("已从备份恢复：新增 " + std::to_string(r.added) + " 份，更新 " + std::to_string(r.updated) +
                            " 份（原内容存为历史版本），保留较新的 " + std::to_string(r.kept) + " 份，相同 " +
                            std::to_string(r.same) + " 份");
    if (r.not_merged > 0)
        state.notices.push_back(
            std::to_string(r.not_merged) +
            " 份草稿未能合并：浏览器存储已满或写入失败，本机的版本未改动；腾出空间后可再次从备份恢复");
    if (state.current_id.empty() && !state.drafts().empty()) opened(state.drafts().front().id);
    refresh_checks();
    save_now();
}

void App::storage_info(int persisted, double usage, double quota) {
    state.storage_persisted = persisted;
    state.storage_usage = usage;
    state.storage_quota = quota;
}

void App::load_settings() {
    std::string text;
    if (!fs_.read(kSettingsFile, text)) return;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object() && j.contains("ui_scale") && j["ui_scale"].is_number())
        state.settings.ui_scale = std::clamp(j["ui_scale"].get<float>(), 0.9f, 2.0f);
    if (j.is_object() && j.contains("last_backup_at") && j["last_backup_at"].is_string())
        state.settings.last_backup_at = j["last_backup_at"].get<std::string>();
}

void App::save_settings() {
    settings_dirty_ = true;
    save_now();
}

bool App::write_settings() {
    settings_dirty_ = false;
    fs_.make_dir(kSettingsDir);
    nlohmann::json j = {{"ui_scale", state.settings.ui_scale}, {"last_backup_at", state.settings.last_backup_at}};
    // Like the drafts: a whole new file or the old one, never half of one.
    if (fs_.write(kSettingsFile + ".tmp", j.dump()) && fs_.rename(kSettingsFile + ".tmp", kSettingsFile)) return true;
    state.notices.push_back("界面设置未能保存：浏览器存储写入失败（草稿不受影响）");
    return false;
}

std::string App::current_findings_json() {
    nlohmann::json list = nlohmann::json::array();
    if (const Draft* d = state.current())
        for (const Finding& f : d->findings)
            list.push_back({{"severity", severity_key(f.severity)},
                            {"field", f.field},
                            {"message", f.message},
                            {"clause", f.clause}});
    return list.dump();
}

std::string App::status_json() {
    static const char* kSave[] = {"saved", "pending", "saving", "failed", "unavailable"};
    return nlohmann::json{{"storage_error", state.storage_error},
                          {"read_only", state.read_only},
                          {"save_state", kSave[static_cast<int>(state.save_state())]},
                          {"notices", state.notices},
                          {"update_available", state.update_available}}
        .dump();
}

std::string App::review_json() {
    const ReviewTotals t = review_totals(chosen_call(), state.review);
    nlohmann::json kinds = nlohmann::json::object();
    for (const KindTotal& k : t.kinds)
        kinds[kind_key(k.kind)] = {
            {"count", k.count}, {"requested", k.requested.plain()}, {"proposed", k.proposed.plain()}};
    nlohmann::json proposed = nlohmann::json::object();
    nlohmann::json files = nlohmann::json::array();
    nlohmann::json ids = nlohmann::json::object();  // project name -> submission id
    for (const Submission& s : state.review.items) {
        if (!s.proposed.text.empty()) proposed[s.id] = s.proposed.text;
        files.push_back(s.file_name);
        ids[s.app.cover.project_name] = s.id;
    }
    // What the experts said (merge_scores), per submission, and each score file's standing.
    nlohmann::json scores = nlohmann::json::object();
    for (const MergedSubmission& m : state.merged_scores.submissions) {
        nlohmann::json missing = m.missing;
        scores[m.submission_id] = {{"mean", m.mean ? nlohmann::json(*m.mean) : nlohmann::json()},
                                   {"spread", m.spread ? nlohmann::json(*m.spread) : nlohmann::json()},
                                   {"counted", m.counted},
                                   {"conflicts", m.conflicts},
                                   {"missing", missing}};
    }
    nlohmann::json score_files = nlohmann::json::array();
    for (const ScoreFileStatus& f : state.merged_scores.files)
        score_files.push_back({{"file", f.file_name}, {"expert", f.expert}, {"problem", f.problem}});
    static const char* const kModes[] = {"drafting", "review", "expert"};
    return nlohmann::json{{"mode", kModes[static_cast<int>(state.mode)]},
                          {"ids", ids},
                          {"scores", scores},
                          {"score_files", score_files},
                          {"sent_batches", state.sent_batches.size()},
                          {"decision_errors", state.decision_errors},
                          {"approved", {{"count", t.overall.approved_count}, {"amount", t.overall.approved.plain()}}},
                          {"items", state.review.items.size()},
                          {"shown", state.review_shown},
                          {"rejected", state.review.rejected.size()},
                          {"resubmissions", state.review.resubmissions.size()},
                          {"kinds", kinds},
                          {"overall",
                           {{"count", t.overall.count},
                            {"requested", t.overall.requested.plain()},
                            {"proposed", t.overall.proposed.plain()}}},
                          {"proposed", proposed},
                          {"files", files},
                          {"open", state.review_open_id}}
        .dump();
}

std::string App::drafts_json() {
    nlohmann::json out = {{"drafts", nlohmann::json::array()}, {"trash", nlohmann::json::array()}};
    static const char* kHandIn[] = {"never", "current", "changed"};
    for (const Draft& d : state.drafts())
        out["drafts"].push_back({{"id", d.id},
                                 {"name", d.app.cover.project_name},
                                 {"kind", kind_key(d.app.cover.kind)},
                                 {"current", d.id == state.current_id},
                                 {"handed_in", kHandIn[static_cast<int>(workspace_->hand_in_state(d))]},
                                 {"handed_in_how", d.meta.handed_in_how}});
    for (const StoredDraft& t : state.trash())
        out["trash"].push_back({{"id", t.id}, {"name", t.app.cover.project_name}});
    return out.dump();
}

std::string App::layout_json() {
    nlohmann::json out = nlohmann::json::array();
    for (const LaidOutItem& i : state.layout)
        out.push_back({{"name", i.name},
                       {"label", i.label},
                       {"role", i.role},
                       {"x", i.x},
                       {"y", i.y},
                       {"w", i.w},
                       {"h", i.h},
                       {"tw", i.label_w},
                       {"fh", i.full_h},
                       {"fw", i.full_w},
                       {"focused", i.focused},
                       {"region", static_cast<int>(i.region)}});
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string App::current_draft_json() {
    const Draft* d = state.current();
    return d ? workspace_->encode(*d) : "";
}

}  // namespace ui
