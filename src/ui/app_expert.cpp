// Expert review in the app (expert_review.h): the association writes batches and reads
// the score files back and writes its decision files; an expert opens a batch, scores it
// and signs it off. What each side keeps, and where:
//   <root>/review/batches.json       the batches handed out (SentBatch)
//   <root>/review/scores.json        the score files received, as they came
//   <root>/expert/<batch>.batch.json a batch opened by this person as an expert, as it came
//   <root>/expert/<batch>.sheet.json its score sheet, saved like a draft
#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID

#include <nlohmann/json.hpp>

#include "app.h"
#include "platform.h"
#include "print_html.h"
#include "text.h"

namespace ui {

using namespace shenbao;

namespace {

std::string history_id(const std::string& batch_id) { return "sheet-" + batch_id; }
constexpr long long kSheetVersionEverySeconds = 10 * 60;

std::string review_dir() { return std::string(platform::drafts_root()) + "/review"; }
std::string expert_dir() { return std::string(platform::drafts_root()) + "/expert"; }
std::string today_iso() { return platform::now_iso_utc().substr(0, 10); }

}  // namespace

AppState::ExpertWork* AppState::current_expert_work() {
    for (ExpertWork& w : expert_work)
        if (w.batch.batch_id == expert_batch_id) return &w;
    return expert_work.empty() ? nullptr : &expert_work.front();
}

bool App::write_all_then_rename(const std::string& path, const std::string& bytes) {
    return fs_.write(path + ".tmp", bytes) && fs_.rename(path + ".tmp", path);
}

void App::load_expert_review() {
    std::string text;
    if (fs_.read(review_dir() + "/batches.json", text)) state.sent_batches = decode_sent_batches(text);
    if (fs_.read(review_dir() + "/scores.json", text)) {
        const nlohmann::json files = nlohmann::json::parse(text, nullptr, false);
        if (files.is_array())
            for (const nlohmann::json& f : files)
                if (f.is_object() && f.contains("name") && f["name"].is_string() && f.contains("bytes") &&
                    f["bytes"].is_string())
                    state.received_scores.push_back(read_score_file(f["name"], f["bytes"].get<std::string>()));
    }
    for (const std::string& name : fs_.list(expert_dir())) {
        const std::string suffix = ".batch.json";
        if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        std::string bytes, sheet_text;
        if (!fs_.read(expert_dir() + "/" + name, bytes)) continue;
        BatchRead read = read_batch(bytes);
        if (!read.batch) {
            state.notices.push_back("评审包 " + name + " 无法打开：" + read.error);
            continue;
        }
        AppState::ExpertWork work{std::move(*read.batch), {}};
        std::optional<ScoreSheet> sheet;
        if (fs_.read(expert_dir() + "/" + work.batch.batch_id + ".sheet.json", sheet_text))
            sheet = decode_sheet(sheet_text);
        work.sheet = sheet && sheet->batch_id == work.batch.batch_id ? *sheet : new_sheet(work.batch);
        for (const Batch::Item& i : work.batch.items) state.fonts.need_text(canonical_content(i.app));
        state.fonts.need_text(work.sheet.expert);
        for (const ExpertReview& r : work.sheet.reviews) state.fonts.need_text(r.comment);
        state.expert_work.push_back(std::move(work));
    }
    refresh_merged_scores();
}

void App::refresh_merged_scores() {
    state.merged_scores = merge_scores(chosen_call(), state.review, state.sent_batches, state.received_scores);
    for (const ReceivedScores& r : state.received_scores) {
        state.fonts.need_text(r.file_name + r.sheet.expert);
        for (const ExpertReview& review : r.sheet.reviews) state.fonts.need_text(review.comment);
    }
}

bool App::write_expert_review() {
    if (!expert_review_dirty_) return true;
    bool ok = true;
    fs_.make_dir(review_dir());
    ok = write_all_then_rename(review_dir() + "/batches.json", encode_sent_batches(state.sent_batches)) && ok;
    nlohmann::json files = nlohmann::json::array();
    for (const ReceivedScores& r : state.received_scores) files.push_back({{"name", r.file_name}, {"bytes", r.bytes}});
    ok = write_all_then_rename(review_dir() + "/scores.json",
                               files.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) &&
         ok;
    if (!state.expert_work.empty()) fs_.make_dir(expert_dir());
    const long long now = iso_utc_seconds(platform::now_iso_utc()).value_or(0);
    for (const AppState::ExpertWork& w : state.expert_work) {
        ok = write_all_then_rename(expert_dir() + "/" + w.batch.batch_id + ".sheet.json", encode_sheet(w.sheet)) && ok;
        auto kept = sheet_kept_at_.find(w.batch.batch_id);
        if (kept == sheet_kept_at_.end()) {
            const std::vector<Revision> known = store_->revisions(history_id(w.batch.batch_id));
            const long long at = known.empty() ? 0 : iso_utc_seconds(known.front().at).value_or(0);
            kept = sheet_kept_at_.emplace(w.batch.batch_id, at).first;
        }
        if (!w.sheet.updated_at.empty() && now - kept->second >= kSheetVersionEverySeconds)
            keep_sheet_version(w, "auto");
    }
    if (ok) expert_review_dirty_ = false;  // tried again with the next save otherwise
    return ok;
}

std::string App::with_expert_work(const std::string& backup) {
    if (state.expert_work.empty()) return backup;
    nlohmann::json doc = nlohmann::json::parse(backup, nullptr, false);
    if (!doc.is_object()) return backup;
    nlohmann::json work = nlohmann::json::array();
    for (const AppState::ExpertWork& w : state.expert_work) {
        std::string batch;
        if (!fs_.read(expert_dir() + "/" + w.batch.batch_id + ".batch.json", batch)) continue;
        work.push_back({{"batch", batch}, {"sheet", encode_sheet(w.sheet)}});
    }
    doc["expert_reviews"] = work;
    return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void App::merge_expert_work(std::string_view backup) {
    const nlohmann::json doc = nlohmann::json::parse(backup.begin(), backup.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("expert_reviews") || !doc["expert_reviews"].is_array()) return;
    int added = 0, updated = 0;
    for (const nlohmann::json& entry : doc["expert_reviews"]) {
        if (!entry.is_object() || !entry.contains("batch") || !entry["batch"].is_string()) continue;
        const std::string& bytes = entry["batch"].get_ref<const std::string&>();
        BatchRead read = read_batch(bytes);
        if (!read.batch) continue;
        std::optional<ScoreSheet> sheet;
        if (entry.contains("sheet") && entry["sheet"].is_string())
            sheet = decode_sheet(entry["sheet"].get<std::string>());
        if (sheet && sheet->batch_id != read.batch->batch_id) sheet.reset();
        AppState::ExpertWork* here = nullptr;
        for (AppState::ExpertWork& w : state.expert_work)
            if (w.batch.batch_id == read.batch->batch_id) here = &w;
        if (here) {
            if (sheet && take_newer_sheet(here->sheet, *sheet)) ++updated;
            continue;
        }
        fs_.make_dir(expert_dir());
        if (!write_all_then_rename(expert_dir() + "/" + read.batch->batch_id + ".batch.json", bytes)) continue;
        for (const Batch::Item& i : read.batch->items) state.fonts.need_text(canonical_content(i.app));
        ScoreSheet kept = sheet ? *sheet : new_sheet(*read.batch);
        state.fonts.need_text(kept.expert);
        for (const ExpertReview& r : kept.reviews) state.fonts.need_text(r.comment);
        state.expert_work.push_back({std::move(*read.batch), std::move(kept)});
        ++added;
    }
    if (added || updated) {
        expert_review_dirty_ = true;
        state.notices.push_back("专家评审：从备份恢复评审包 " + std::to_string(added) + " 个，更新评分 " +
                                std::to_string(updated) + " 份");
    }
}

bool App::import_expert_file(const std::string& name, std::string_view bytes) {
    if (is_batch_file(bytes)) {
        BatchRead read = read_batch(bytes);
        if (!read.batch) {
            state.notices.push_back("评审包“" + name + "”无法打开：" + read.error);
            state.fonts.need_text(name + read.error);
            return true;
        }
        const std::string id = read.batch->batch_id;
        bool known = false;
        for (const AppState::ExpertWork& w : state.expert_work) known = known || w.batch.batch_id == id;
        if (!known) {
            fs_.make_dir(expert_dir());
            if (!write_all_then_rename(expert_dir() + "/" + id + ".batch.json", std::string(bytes)))
                state.notices.push_back("评审包已打开，但未能存入浏览器：关闭页面前请导出评分");
            for (const Batch::Item& i : read.batch->items) state.fonts.need_text(canonical_content(i.app));
            state.fonts.need_text(read.batch->expert);
            // A batch removed from the list and opened again finds its scores.
            std::string kept_text;
            std::optional<ScoreSheet> kept;
            if (fs_.read(expert_dir() + "/" + id + ".sheet.json", kept_text)) kept = decode_sheet(kept_text);
            ScoreSheet sheet = kept && kept->batch_id == id ? *kept : new_sheet(*read.batch);
            state.fonts.need_text(sheet.expert);
            for (const ExpertReview& r : sheet.reviews) state.fonts.need_text(r.comment);
            state.expert_work.push_back({std::move(*read.batch), std::move(sheet)});
            expert_review_dirty_ = true;
        }
        state.expert_batch_id = id;
        state.expert_open_id.clear();
        handle(cmd::SetMode{Mode::Expert});
        return true;
    }
    if (is_score_file(bytes)) {
        ReceivedScores received = read_score_file(name, bytes);
        bool same = false;
        for (const ReceivedScores& r : state.received_scores)
            same = same || r.file_fingerprint == received.file_fingerprint;
        if (!same) state.received_scores.push_back(std::move(received));
        expert_review_dirty_ = true;
        if (state.mode != Mode::Review) handle(cmd::SetMode{Mode::Review});
        return true;
    }
    if (is_decision_file(bytes)) {
        // A unit's side: each decision goes onto the draft it was made on, which becomes a
        // project with its duties (project.h).
        const DecisionRead read = read_decision_file(bytes);
        if (!read.error.empty()) {
            state.notices.push_back("“" + name + "”：" + read.error);
            return true;
        }
        const std::vector<std::string> recorded = workspace_->record_decisions(read);
        std::string text = read.issuer + "评审决定（" + read.unit + "）：";
        for (size_t i = 0; i < read.decisions.size(); ++i) {
            const ReceivedDecision& d = read.decisions[i];
            text += (i ? "；" : "") + std::string("《") + d.project_name + "》" +
                    (d.approved ? "批准，资助 " + d.amount->display() + " 元" : "不予资助");
        }
        if (read.decisions.empty()) text += "没有决定";
        text += recorded.empty() ? "。本机没有这些申报书的草稿，未记录" : "。已记入草稿，期限见草稿列表的“待办”";
        state.notices.push_back(text);
        state.fonts.need_text(text);
        if (!recorded.empty()) {
            opened(recorded.front());
            state.mark_pending();
        }
        return true;
    }
    return false;
}

void App::handle(const cmd::WriteBatch& c) {
    const std::string expert = trim(c.expert);
    if (expert.empty()) {
        state.notices.push_back("请先填写专家姓名或代号，再生成评审包");
        return;
    }
    std::vector<std::string> ids;
    for (int i : state.review_shown_rows) ids.push_back(state.review.items[static_cast<size_t>(i)].id);
    if (ids.empty()) {
        state.notices.push_back("列表中没有申报书：评审包是当前列表中显示的申报书");
        return;
    }
    const WrittenBatch written = write_batch(chosen_call(), state.review, ids, expert, platform::now_iso_utc());
    state.sent_batches.push_back(written.sent);
    state.batch_expert.clear();
    platform::offer_download(safe_file_name("评审包", expert, today_iso(), "json"), "application/json", written.bytes);
    expert_review_dirty_ = true;
    refresh_merged_scores();
    state.mark_pending();
}

void App::handle(const cmd::WriteDecisionFiles&) {
    state.decision_errors.clear();
    for (const Submission& s : state.review.items)
        for (const Finding& f : check_review(chosen_call(), s))
            if (f.severity == Severity::Error && f.field == "review.decision.amount")
                state.decision_errors.push_back("《" + s.app.cover.project_name + "》" + f.message);
    if (!state.decision_errors.empty()) return;
    const std::vector<DecisionFile> files = write_decision_files(chosen_call(), state.review, platform::now_iso_utc());
    if (files.empty()) {
        state.decision_errors.push_back("还没有党组研究的决定：请在各申报书中填写");
        return;
    }
    for (const DecisionFile& f : files) platform::offer_download(f.file_name, "application/json", f.bytes);
    state.notices.push_back("已导出 " + std::to_string(files.size()) + " 个单位的决定文件，请分别发给各单位");
}

void App::handle(const cmd::ExpertChanged&) {
    if (AppState::ExpertWork* w = state.current_expert_work()) w->sheet.updated_at = platform::now_iso_utc();
    expert_review_dirty_ = true;
    state.mark_pending();
}

void App::handle(const cmd::SignScores&) {
    AppState::ExpertWork* w = state.current_expert_work();
    if (!w) return;
    state.sign_off_refused = sign_off_problems(w->batch, w->sheet);
    if (!state.sign_off_refused.empty()) return;
    const std::string now = platform::now_iso_utc();
    const std::string file = write_score_file(w->sheet, now);
    w->sheet.signed_at = now;
    keep_sheet_version(*w, "sign");
    platform::offer_download(safe_file_name("评分", trim(w->sheet.expert), today_iso(), "json"), "application/json",
                             file);
    state.notices.push_back("已签署并导出评分文件，请发回市科协；之后如有修改，可再次签署导出");
    expert_review_dirty_ = true;
    state.mark_pending();
}

void App::keep_sheet_version(const AppState::ExpertWork& w, const std::string& reason) {
    const std::string now = platform::now_iso_utc();
    if (store_->keep_version(history_id(w.batch.batch_id), encode_sheet(w.sheet), now, reason))
        sheet_kept_at_[w.batch.batch_id] = iso_utc_seconds(now).value_or(0);
    state.sheet_revisions_of.clear();  // listed again
}

void App::refresh_sheet_revisions() {
    const AppState::ExpertWork* w = state.mode == Mode::Expert ? state.current_expert_work() : nullptr;
    if (!w || state.sheet_revisions_of == w->batch.batch_id) return;
    state.sheet_revisions = store_->revisions(history_id(w->batch.batch_id));
    state.sheet_revisions_of = w->batch.batch_id;
}

void App::handle(const cmd::RestoreSheet& c) {
    AppState::ExpertWork* w = state.current_expert_work();
    if (!w) return;
    const std::optional<std::string> bytes = store_->read_version(history_id(w->batch.batch_id), c.file);
    std::optional<ScoreSheet> old = bytes ? decode_sheet(*bytes) : std::nullopt;
    if (!old || old->batch_id != w->batch.batch_id) {
        state.notices.push_back("无法读取这个历史版本");
        return;
    }
    keep_sheet_version(*w, "restore");  // the version replaced can itself be brought back
    w->sheet = std::move(*old);
    w->sheet.updated_at = platform::now_iso_utc();
    ImGui::ClearActiveID();  // a field being edited would write its old text back
    state.sign_off_refused.clear();
    state.notices.push_back("已恢复评分的历史版本；恢复前的评分已另存为一个历史版本");
    expert_review_dirty_ = true;
    state.mark_pending();
}

void App::handle(const cmd::RemoveBatch&) {
    AppState::ExpertWork* w = state.current_expert_work();
    if (!w) return;
    const std::string id = w->batch.batch_id;
    if (!write_expert_review()) {  // its sheet is stored first, or nothing is removed
        state.notices.push_back("无法移除评审包：浏览器存储写入失败");
        return;
    }
    fs_.remove(expert_dir() + "/" + id + ".batch.json");
    state.expert_work.erase(std::remove_if(state.expert_work.begin(), state.expert_work.end(),
                                           [&](const AppState::ExpertWork& x) { return x.batch.batch_id == id; }),
                            state.expert_work.end());
    state.expert_batch_id.clear();
    state.expert_open_id.clear();
    state.sheet_revisions_of.clear();
    state.notices.push_back("已移除评审包；评分仍保存在本机，再次导入该评审包即可继续");
    if (state.expert_work.empty()) handle(cmd::SetMode{Mode::Drafting});
    state.mark_pending();
}

void App::handle(const cmd::MarkDuty& c) {
    Draft* d = state.find(c.id);
    if (!d) return;
    workspace_->mark_duty(*d, c.duty, c.done ? platform::now_iso_utc() : std::string());
    state.mark_pending();
}

std::string App::expert_json() {
    const AppState::ExpertWork* w = state.current_expert_work();
    if (!w) return "{}";
    nlohmann::json items = nlohmann::json::array();
    for (const Batch::Item& i : w->batch.items) {
        const ExpertReview* r = w->sheet.find(i.submission_id);
        items.push_back({{"id", i.submission_id},
                         {"name", i.app.cover.project_name},
                         {"kind", kind_key(i.app.cover.kind)},
                         {"complete", r && review_complete(w->batch, *r)},
                         {"conflict", r && r->conflict}});
    }
    nlohmann::json criteria = nlohmann::json::array();
    for (const ReviewCriterion& c : w->batch.criteria) {
        nlohmann::json kinds = nlohmann::json::array();
        for (KindId k : c.kinds) kinds.push_back(kind_key(k));
        criteria.push_back({{"id", c.id}, {"max", c.max_score}, {"kinds", kinds}});
    }
    return nlohmann::json{
        {"batch_id", w->batch.batch_id}, {"expert", w->sheet.expert},         {"signed_at", w->sheet.signed_at},
        {"open", state.expert_open_id},  {"refused", state.sign_off_refused}, {"items", items},
        {"criteria", criteria}}
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ui
