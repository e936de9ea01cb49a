// 评审 mode: an expert scores the batch the association handed out. The list of its
// submissions with what is done, one submission with its scores, and the criteria with
// what is left before the scores can be signed off.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "field_access.h"
#include "summary.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

std::string weight_text(double weight) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", weight);
    return buffer;
}

// Only digits: a score is a whole number.
int DigitFilter(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    if (c >= 0xFF10 && c <= 0xFF19) data->EventChar = static_cast<ImWchar>('0' + (c - 0xFF10));  // full-width digits
    return data->EventChar >= '0' && data->EventChar <= '9' ? 0 : 1;
}

const char* status_of(const Batch& batch, const ExpertReview& r) {
    if (r.conflict) return "回避";
    if (review_complete(batch, r)) return "已评";
    return r.scores.empty() && r.comment.empty() ? "未评" : "未评完";
}

const Batch::Item* open_item(AppState& s, AppState::ExpertWork& w) {
    for (const Batch::Item& i : w.batch.items)
        if (i.submission_id == s.expert_open_id) return &i;
    return w.batch.items.empty() ? nullptr : &w.batch.items.front();
}

void DrawScores(AppState& s, AppState::ExpertWork& w, const Batch::Item& item, ExpertReview& r) {
    SectionHeading(s, "评分", "每项指标打整数分；与本项目有利益关系的，请声明回避");
    if (ImGui::Checkbox("与本项目有利益关系，申请回避", &r.conflict)) s.request(cmd::ExpertChanged{});
    NoteItem(s, "expert.conflict", "与本项目有利益关系，申请回避", "checkbox");
    if (!r.conflict) {
        const float label_w = 150 * ImGui::GetFontSize() / 17, field_w = ImGui::GetFontSize() * 7.5f;
        // The label above its field where both do not fit side by side (a phone, a pane beside the list).
        const bool stacked = s.width == Width::Narrow || ImGui::GetContentRegionAvail().x < label_w + field_w;
        for (const ReviewCriterion& c : w.batch.criteria) {
            if (!c.applies_to(item.app.cover.kind)) continue;
            ImGui::PushID(c.id.c_str());
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(c.label.c_str());
            if (!stacked) ImGui::SameLine(label_w);
            auto it = r.scores.find(c.id);
            std::string text = it == r.scores.end() ? std::string() : std::to_string(it->second);
            const std::string hint = "0-" + std::to_string(c.max_score);
            // As wide as an amount field: a score is short, but a field must look like one to type in.
            ImGui::SetNextItemWidth(std::min(field_w, ImGui::GetContentRegionAvail().x));
            if (ImGui::InputTextWithHint("##score", hint.c_str(), &text, ImGuiInputTextFlags_CallbackCharFilter,
                                         DigitFilter)) {
                if (text.empty() || text.size() > 4)
                    r.scores.erase(c.id);
                else
                    r.scores[c.id] = std::stoi(text);
                s.request(cmd::ExpertChanged{});
            }
            const std::string name = "expert.score." + c.id;
            NoteItem(s, name, c.label + "（满分 " + std::to_string(c.max_score) + "）", "textbox", text);
            if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = name;
            ImGui::SameLine();
            MutedText("满分 " + std::to_string(c.max_score) + "，权重 " + weight_text(c.weight));
            if (it != r.scores.end() && (it->second < 0 || it->second > c.max_score)) {
                ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
                ImGui::TextUnformatted(("分数应在 0 到 " + std::to_string(c.max_score) + " 之间").c_str());
                ImGui::PopStyleColor();
            }
            if (!c.hint.empty()) MutedText(c.hint);
            ImGui::PopID();
        }
        if (auto total = weighted_total(w.batch.criteria, item.app.cover.kind, r.scores))
            ImGui::TextUnformatted(("加权合计（百分制）：" + ScoreText(*total)).c_str());
        else
            MutedText("各项打分后显示加权合计（百分制）");
    }
    ImGui::TextUnformatted("评审意见");
    if (ImGui::InputTextMultiline("##comment", &r.comment, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4)))
        s.request(cmd::ExpertChanged{});
    NoteItem(s, "expert.comment", "评审意见", "textbox", r.comment);
    if (ImGui::IsItemActive()) s.focused_field = "expert.comment";
}

}  // namespace

void DrawExpertLeft(AppState& s) {
    AppState::ExpertWork* w = s.current_expert_work();
    if (!w) return;
    const ImVec2 full(-FLT_MIN, 0);
    if (s.expert_work.size() > 1) {
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string current = w->batch.title + " " + ShortLocalTime(w->batch.created_at, s.today);
        const bool open = ImGui::BeginCombo("##batch", current.c_str());
        NoteItem(s, "expert.batch", "评审包", "combobox");
        if (open) {
            for (const AppState::ExpertWork& other : s.expert_work) {
                const std::string label = other.batch.title + " " + ShortLocalTime(other.batch.created_at, s.today) +
                                          "##" + other.batch.batch_id;
                if (ImGui::Selectable(label.c_str(), &other == w)) {
                    s.expert_batch_id = other.batch.batch_id;
                    s.expert_open_id.clear();
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(w->batch.title.c_str());
    ImGui::PopTextWrapPos();
    size_t done = 0;
    for (const ExpertReview& r : w->sheet.reviews) done += review_complete(w->batch, r) ? 1 : 0;
    MutedText("共 " + std::to_string(w->batch.items.size()) + " 份，已评 " + std::to_string(done) + " 份");
    ImGui::TextUnformatted("专家姓名");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##expert", "签署评分时使用", &w->sheet.expert)) s.request(cmd::ExpertChanged{});
    NoteItem(s, "expert.name", "专家姓名", "textbox", w->sheet.expert);
    if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = "expert.name";
    ImGui::Spacing();
    const Batch::Item* open = open_item(s, *w);
    for (const Batch::Item& i : w->batch.items) {
        const ExpertReview* r = w->sheet.find(i.submission_id);
        const std::string status = r ? status_of(w->batch, *r) : "未评";
        const std::string name = i.app.cover.project_name.empty() ? "（未填项目名称）" : i.app.cover.project_name;
        ImGui::PushID(i.submission_id.c_str());
        const std::string label = "[" + status + "] " + name;
        if (ImGui::Selectable(FitText(label, ImGui::GetContentRegionAvail().x).c_str(), &i == open)) {
            s.expert_open_id = i.submission_id;
            s.focus_form = true;
            if (s.width != Width::Wide) s.request(cmd::ShowPane{Pane::Main});  // the list was over the page
        }
        NoteItem(s, "expert.row." + i.submission_id, name + "，" + status, "row");
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("签署并导出评分", full)) s.request(cmd::SignScores{});
    NoteItem(s, "expert.sign", "签署并导出评分", "button");
    if (!w->sheet.signed_at.empty()) MutedText("上次签署：" + LocalTime(w->sheet.signed_at));
    if (MinorButton("移除此评审包")) s.request(cmd::RemoveBatch{});
    NoteItem(s, "expert.remove", "移除此评审包", "button");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("评分仍保存在本机，再次导入该评审包即可继续");
    if (!s.sheet_revisions.empty()) {
        ImGui::Spacing();
        MutedText("历史版本（点击恢复）");
        for (const Revision& r : s.sheet_revisions) {
            const char* why = r.reason == "sign" ? "签署时" : r.reason == "restore" ? "恢复前" : "自动保存";
            const std::string label = std::string(why) + " " + ShortLocalTime(r.at, s.today);
            ImGui::PushID(r.file.c_str());
            if (ImGui::Selectable(label.c_str())) s.request(cmd::RestoreSheet{r.file});
            NoteItem(s, "expert.revision." + r.file, "恢复到" + label + "的评分", "button");
            ImGui::PopID();
        }
    }
    ErrorList("尚不能签署：", s.sign_off_refused);
}

void DrawExpertCenter(AppState& s) {
    AppState::ExpertWork* w = s.current_expert_work();
    if (!w) return;
    const Batch::Item* item = open_item(s, *w);
    ExpertReview* r = item ? w->sheet.find(item->submission_id) : nullptr;
    if (!item || !r) return;
    ImGui::PushTabStop(false);  // Tab goes straight to the scores; the arrows still reach these
    if (NamedButton(s, "查看申报书", "expert.view")) s.request(cmd::ViewSubmission{item->submission_id});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("打开完整的申报书（打印版）");
    const auto at =
        std::find_if(w->batch.items.begin(), w->batch.items.end(), [&](const Batch::Item& i) { return &i == item; });
    const size_t index = static_cast<size_t>(at - w->batch.items.begin());
    ImGui::SameLine();
    ImGui::BeginDisabled(index == 0);
    if (NamedButton(s, "上一份", "expert.previous")) s.expert_open_id = w->batch.items[index - 1].submission_id;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= w->batch.items.size());
    if (NamedButton(s, "下一份", "expert.next")) s.expert_open_id = w->batch.items[index + 1].submission_id;
    ImGui::EndDisabled();
    ImGui::PopTabStop();
    const Application& app = item->app;
    const std::string kind = s.programme->project_category_text(app.cover.kind);
    SectionHeading(s, app.cover.project_name.empty() ? "未命名申报书" : app.cover.project_name.c_str(), kind.c_str());
    ImGui::PushTextWrapPos(0);
    MutedText(std::to_string(index + 1) + " / " + std::to_string(w->batch.items.size()) + " · " +
              app.cover.applicant_unit + " · 指纹 " + short_fingerprint(item->fingerprint));
    // The long texts of 项目内容 as the call's form has them, then what 附件2 weighs.
    for (const SectionSpec& section : s.programme->form.sections) {
        if (section.id != "plan") continue;
        for (const FieldSpec& f : section.fields) {
            if (f.input != InputKind::LongText || !f.shown_for(app.cover.kind)) continue;
            ImGui::TextUnformatted(f.label.c_str());
            MutedParagraph(("expert." + item->submission_id + f.path).c_str(), text_at(app, f.path));
        }
    }
    for (const SummarySection& section : summarise(*s.programme, app)) {
        SectionHeading(s, section.title.c_str());
        for (const SummaryRow& row : section.rows) {
            ImGui::TextUnformatted(row.label.c_str());
            ImGui::SameLine(150 * ImGui::GetFontSize() / 17);
            ImGui::TextUnformatted(row.value.empty() ? "—" : row.value.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushID(item->submission_id.c_str());
    DrawScores(s, *w, *item, *r);
    ImGui::PopID();
}

void DrawExpertChecks(AppState& s) {
    AppState::ExpertWork* w = s.current_expert_work();
    if (!w) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("评审指标");
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0);
    for (const ReviewCriterion& c : w->batch.criteria) {
        std::string kinds;
        for (KindId k : c.kinds) {
            const KindRule* rule = s.programme->kind(k);
            kinds += (kinds.empty() ? "" : "、") + (rule ? rule->name : std::string(kind_key(k)));
        }
        ImGui::Bullet();
        ImGui::TextUnformatted((c.label + "：0-" + std::to_string(c.max_score) + " 分，权重 " + weight_text(c.weight) +
                                (kinds.empty() ? "" : "（仅" + kinds + "）"))
                                   .c_str());
    }
    MutedText("加权合计 = Σ(分数×权重) ÷ Σ(满分×权重) × 100。");
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("签署前");
    ImGui::PopStyleColor();
    const std::vector<std::string> left = sign_off_problems(w->batch, w->sheet);
    if (left.empty()) MutedText("已全部评完，可以签署并导出评分文件，发回市科协。");
    for (const std::string& p : left) {
        ImGui::Bullet();
        ImGui::TextUnformatted(p.c_str());
    }
    ImGui::PopTextWrapPos();
}

}  // namespace ui
