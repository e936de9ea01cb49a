#include "app.h"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "builtin_programme.h"
#include "platform.h"
#include "text.h"
#include "views.h"

namespace ui {

using namespace shenbao;

namespace {

constexpr const char* kGenerator = "shenbao-web 0.1";
constexpr double kQuietMs = 300;    // save this long after the last keystroke...
constexpr double kLatestMs = 1000;  // ...and never later than this after the first one
const std::string kSettingsDir = "/drafts/settings";
const std::string kSettingsFile = kSettingsDir + "/ui.json";

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

Draft* AppState::current() { return find(current_id); }

Draft* AppState::find(const std::string& id) {
    for (Draft& d : drafts)
        if (d.id == id) return &d;
    return nullptr;
}

void AppState::changed(Draft& d, bool finished) {
    ++d.revision;
    d.meta.updated_at = platform::now_iso_utc();
    if (finished) d.history.record(d.app);
    const double now = platform::now_ms();
    if (save_state != SaveState::Pending) first_pending_ms = now;
    last_change_ms = now;
    save_state = SaveState::Pending;
}

// ---- App -----------------------------------------------------------------------------------

bool App::init(std::string& error) {
    ProgrammeLoad loaded = load_programme(builtin_programme_json());
    if (!loaded.programme) {
        error = loaded.error;
        return false;
    }
    programme_ = std::move(*loaded.programme);
    state.programme = &programme_;
    platform::today(state.today.year, state.today.month, state.today.day);
    state.storage_error = platform::storage_error();
    store_ = std::make_unique<Store>(fs_, platform::drafts_root(), programme_.id);
    load_settings();

    LoadReport report = store_->load_all();
    for (const StoreProblem& problem : report.problems) state.notices.push_back(problem.message);
    for (StoredDraft& stored : report.drafts) {
        Draft d;
        d.id = stored.id;
        d.app = std::move(stored.app);
        d.meta = stored.meta;
        d.history.reset(d.app);
        state.fonts.need_text(canonical_content(d.app));
        state.drafts.push_back(std::move(d));
    }
    state.trash = store_->trash();
    sort_drafts();
    // A first visit starts by choosing the kind of application.
    if (state.drafts.empty()) state.show_new_draft = true;
    else state.current_id = state.drafts.front().id;
    refresh_checks();
    if (!report.problems.empty()) platform::persist();  // the quarantine moves
    return true;
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

void App::sort_drafts() {
    std::stable_sort(state.drafts.begin(), state.drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.meta.updated_at > b.meta.updated_at; });
}

void App::add_draft(Draft d, bool open) {
    d.history.reset(d.app);
    d.revision = 1;  // not on disk yet
    state.fonts.need_text(canonical_content(d.app));
    const std::string id = d.id;
    state.drafts.insert(state.drafts.begin(), std::move(d));
    if (open) {
        state.current_id = id;
        state.focus_form = true;
    }
    state.changed(*state.find(id), false);
}

void App::refresh_checks() {
    for (Draft& d : state.drafts) {
        if (d.checked_revision == d.revision) continue;
        CheckResult result = check_full(programme_, d.app, state.today);
        d.findings = std::move(result.findings);
        d.completeness = std::move(result.completeness);
        d.checked_revision = d.revision;
        for (const Finding& f : d.findings) state.fonts.need_text(f.message);
    }
}

void App::apply(const Intent& in) {
    switch (in.type) {
        case Intent::Type::NewDraft: {
            Draft d;
            d.id = new_id();
            d.app = Application::blank(programme_, in.kind);
            // The unit's details are the same in every application it writes.
            if (const Draft* last = state.drafts.empty() ? nullptr : &state.drafts.front()) {
                d.app.cover.applicant_unit = last->app.cover.applicant_unit;
                d.app.cover.project_leader = last->app.cover.project_leader;
                d.app.cover.phone = last->app.cover.phone;
            }
            d.meta = {d.id, platform::now_iso_utc(), platform::now_iso_utc(), kGenerator};
            add_draft(std::move(d), true);
            state.focus_field = "cover.project_name";  // start typing at once
            break;
        }
        case Intent::Type::OpenDraft:
            if (state.find(in.id)) {
                state.current_id = in.id;
                state.focus_form = true;
            }
            break;
        case Intent::Type::DuplicateDraft:
            if (const Draft* src = state.find(in.id)) {
                Draft d;
                d.id = new_id();
                d.app = src->app;
                d.app.cover.project_name += "（副本）";
                d.app.cover.project_number.clear();
                d.meta = {d.id, platform::now_iso_utc(), platform::now_iso_utc(), kGenerator};
                add_draft(std::move(d), true);
            }
            break;
        case Intent::Type::RenameDraft:
            if (Draft* d = state.find(in.id)) {
                d->app.cover.project_name = in.text;
                state.changed(*d, true);
            }
            break;
        case Intent::Type::DeleteDraft: {
            Draft* d = state.find(in.id);
            if (!d) break;
            // Only what is on disk can go to the trash: write it first.
            if (d->dirty() && store_->save({d->id, d->app, d->meta})) d->saved_revision = d->revision;
            if (!store_->move_to_trash(d->id) && d->saved_revision != 0) {
                state.notices.push_back("无法删除草稿：存储写入失败，草稿仍保留");
                break;
            }
            state.drafts.erase(std::remove_if(state.drafts.begin(), state.drafts.end(),
                                              [&](const Draft& x) { return x.id == in.id; }),
                               state.drafts.end());
            state.trash = store_->trash();
            if (state.current_id == in.id) state.current_id = state.drafts.empty() ? "" : state.drafts.front().id;
            if (state.drafts.empty()) state.show_new_draft = true;
            save_now();
            break;
        }
        case Intent::Type::RestoreDraft:
            if (store_->restore_from_trash(in.id)) {
                for (StoredDraft& t : state.trash) {
                    if (t.id != in.id) continue;
                    Draft d;
                    d.id = t.id;
                    d.app = t.app;
                    d.meta = t.meta;
                    d.history.reset(d.app);
                    d.revision = d.saved_revision = 1;
                    state.fonts.need_text(canonical_content(d.app));
                    state.drafts.insert(state.drafts.begin(), std::move(d));
                    state.current_id = in.id;
                    state.show_trash = false;
                    break;
                }
                state.trash = store_->trash();
                save_now();
            }
            break;
        case Intent::Type::Undo: undo(); break;
        case Intent::Type::Redo: redo(); break;
        case Intent::Type::SaveNow: save_now(); break;
        case Intent::Type::SetScale: {
            const float scale = std::clamp(in.number, 0.9f, 2.0f);
            if (scale == state.settings.ui_scale) break;
            state.settings.ui_scale = scale;
            ApplyTheme(scale);
            state.fonts.set_scale(scale, ImGui::GetIO().DisplayFramebufferScale.x);
            save_settings();
            break;
        }
    }
}

void App::undo() {
    Draft* d = state.current();
    if (!d || !d->history.can_undo()) return;
    ImGui::ClearActiveID();  // a field being edited would write its old text back
    d->app = d->history.undo();
    state.changed(*d, false);
}

void App::redo() {
    Draft* d = state.current();
    if (!d || !d->history.can_redo()) return;
    ImGui::ClearActiveID();
    d->app = d->history.redo();
    state.changed(*d, false);
}

int App::after_frame() {
    int wanted = 0;
    if (!state.intents.empty()) {
        std::vector<Intent> intents;
        intents.swap(state.intents);
        for (const Intent& in : intents) apply(in);
        wanted = 2;
    }
    refresh_checks();
    if (state.save_state == SaveState::Pending) {
        const double now = platform::now_ms();
        const double due = std::min(state.last_change_ms + kQuietMs, state.first_pending_ms + kLatestMs);
        if (now >= due) save_now();
        else platform::wake_after_ms(static_cast<int>(due - now) + 1);
    }
    return wanted;
}

void App::save_now() {
    bool failed = false;
    for (Draft& d : state.drafts) {
        if (!d.dirty()) continue;
        d.meta.generator = kGenerator;
        if (store_->save({d.id, d.app, d.meta})) d.saved_revision = d.revision;
        else failed = true;
    }
    write_failed_ = failed;
    if (sync_in_flight_) {
        wrote_since_sync_ = true;
    } else {
        sync_in_flight_ = true;
        platform::persist();
    }
    state.save_state = failed ? SaveState::Failed : SaveState::Saving;
    sort_drafts();
}

void App::on_sync_done(bool ok) {
    sync_in_flight_ = false;
    if (wrote_since_sync_) {
        wrote_since_sync_ = false;
        sync_in_flight_ = true;
        platform::persist();
        return;
    }
    const bool pending = state.save_state == SaveState::Pending;
    if (!ok || write_failed_) {
        state.save_state = SaveState::Failed;
    } else if (!pending) {
        state.save_state = SaveState::Saved;
        state.last_saved_at = local_hms();
    }
}

void App::load_settings() {
    std::string text;
    if (!fs_.read(kSettingsFile, text)) return;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_object() && j.contains("ui_scale") && j["ui_scale"].is_number())
        state.settings.ui_scale = std::clamp(j["ui_scale"].get<float>(), 0.9f, 2.0f);
}

void App::save_settings() {
    fs_.make_dir(kSettingsDir);
    nlohmann::json j = {{"ui_scale", state.settings.ui_scale}};
    fs_.write(kSettingsFile, j.dump());
    save_now();
}

std::string App::current_draft_json() {
    const Draft* d = state.current();
    if (!d) return "";
    return encode_application(d->app, programme_.id, d->meta);
}

}  // namespace ui
