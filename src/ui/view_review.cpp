// 审阅 mode: the association's table of every submission, a submission in detail with
// the review fields, and the totals per kind and per unit against 附件1.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "checks.h"
#include "codec.h"
#include "field_access.h"
#include "summary.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

// The kind's name: in a table, the part that tells kinds apart (the category is in the
// detail, the print and the CSV).
std::string kind_label(const AppState& s, KindId k) {
    const KindRule* r = s.programme->kind(k);
    return r ? r->name : kind_key(k);
}

std::string money_text(const std::optional<Money>& m) { return m ? m->display() : "—"; }

void DrawBatches(AppState& s);

// What a screen reader is told of a submission's row or card: what a sighted person reads
// across it, not only its first column.
std::string row_name(const AppState& s, const Submission& x, const std::string& unit) {
    std::string name = unit + " " + x.app.cover.project_name + "，" + kind_label(s, x.app.cover.kind) + "，申请 " +
                       money_text(x.requested()) + " 元";
    if (x.errors) name += "，" + std::to_string(x.errors) + " 个错误";
    return name;
}

bool visible(const AppState& s, const Submission& x) {
    if (s.review_only_errors && x.errors == 0) return false;
    if (s.review_kind_filter >= 0 && static_cast<size_t>(s.review_kind_filter) < s.programme->kinds.size() &&
        s.programme->kinds[static_cast<size_t>(s.review_kind_filter)].id != x.app.cover.kind)
        return false;
    const std::string q = trim(s.review_search);
    if (q.empty()) return true;
    return contains(x.app.cover.applicant_unit, q) || contains(x.app.cover.project_name, q) ||
           contains(x.file_name, q) || contains(x.fingerprint, q) || contains(x.comment, q);
}

// The columns of the table, and what the rows can be sorted by (also on phones, where
// there is no table).
enum Column { kUnit, kKind, kName, kRequested, kProposed, kErrors, kWarnings, kDate, kFingerprint, kScore };

// The experts' mean score (百分制) of a submission, when one counts.
std::optional<double> mean_score(const AppState& s, const Submission& x) {
    const MergedSubmission* m = s.merged_scores.find(x.id);
    return m ? m->mean : std::nullopt;
}

std::string mean_text(const std::optional<double>& mean) { return mean ? ScoreText(*mean) : "—"; }

int compare_money(const std::optional<Money>& a, const std::optional<Money>& b) {
    const int64_t x = a ? a->fen : -1, y = b ? b->fen : -1;
    return x < y ? -1 : x > y ? 1 : 0;
}

// Sorts row indexes by s.review_sort_column and direction; ties keep the import order.
void sort_rows(AppState& s) {
    auto& rows = s.review_order;
    rows.resize(s.review.items.size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
    const bool asc = s.review_sort_ascending;
    const int column = s.review_sort_column;
    const auto& items = s.review.items;
    std::map<std::string, double> means;  // looked up once, not at every comparison
    if (column == kScore)
        for (const MergedSubmission& m : s.merged_scores.submissions)
            if (m.mean) means[m.submission_id] = *m.mean;
    auto mean_of = [&](const Submission& x) {
        auto it = means.find(x.id);
        return it == means.end() ? -1.0 : it->second;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](int ia, int ib) {
        const Submission& a = items[static_cast<size_t>(ia)];
        const Submission& b = items[static_cast<size_t>(ib)];
        int c = 0;
        switch (column) {
            case kUnit: c = a.app.cover.applicant_unit.compare(b.app.cover.applicant_unit); break;
            case kKind: c = static_cast<int>(a.app.cover.kind) - static_cast<int>(b.app.cover.kind); break;
            case kName: c = a.app.cover.project_name.compare(b.app.cover.project_name); break;
            case kRequested: c = compare_money(a.requested(), b.requested()); break;
            case kProposed: c = compare_money(a.proposed.value(), b.proposed.value()); break;
            case kErrors: c = static_cast<int>(a.errors) - static_cast<int>(b.errors); break;
            case kWarnings: c = static_cast<int>(a.warnings) - static_cast<int>(b.warnings); break;
            case kDate: c = a.submitted_on().compare(b.submitted_on()); break;
            case kFingerprint: c = a.fingerprint.compare(b.fingerprint); break;
            case kScore: c = mean_of(a) < mean_of(b) ? -1 : mean_of(a) > mean_of(b) ? 1 : 0; break;
        }
        return asc ? c < 0 : c > 0;
    });
}

// The rows to show, in order, after the search and the filters.
std::vector<int> shown_rows(AppState& s) {
    if (s.review_order_dirty || s.review_order.size() != s.review.items.size()) {
        sort_rows(s);
        s.review_order_dirty = false;
    }
    std::vector<int> shown;
    for (int i : s.review_order)
        if (visible(s, s.review.items[static_cast<size_t>(i)])) shown.push_back(i);
    s.review_shown = shown.size();
    s.review_shown_rows = shown;
    return shown;
}

// Search, kind and 只看有错误的: in one row on a wide page, one under another on a phone.
void DrawFilters(AppState& s, bool stacked) {
    ImGui::SetNextItemWidth(stacked ? -FLT_MIN : 260);
    ImGui::InputTextWithHint("##search", "搜索单位、项目名称、文件、指纹", &s.review_search);
    NoteItem(s, "review.search", "搜索", "textbox", s.review_search);
    if (ImGui::IsItemActive()) s.focused_field = "review.search";
    if (!stacked) ImGui::SameLine();
    ImGui::SetNextItemWidth(stacked ? -FLT_MIN : 200);
    const char* current = s.review_kind_filter < 0
                              ? "全部类别"
                              : s.programme->kinds[static_cast<size_t>(s.review_kind_filter)].name.c_str();
    const bool open = ImGui::BeginCombo("##kind", current);
    NoteItem(s, "review.kind", s.programme->form.short_label_of("cover.kind"), "combobox");
    if (open) {
        if (ImGui::Selectable("全部类别", s.review_kind_filter < 0)) s.review_kind_filter = -1;
        for (size_t i = 0; i < s.programme->kinds.size(); ++i)
            if (ImGui::Selectable(s.programme->kinds[i].name.c_str(), s.review_kind_filter == static_cast<int>(i)))
                s.review_kind_filter = static_cast<int>(i);
        ImGui::EndCombo();
    }
    if (!stacked) ImGui::SameLine();
    ImGui::Checkbox("只看有错误的", &s.review_only_errors);
    NoteItem(s, "review.only_errors", "只看有错误的", "checkbox");
    ImGui::SameLine();
    MutedText("金额单位：元");
}

void DrawTable(AppState& s) {
    DrawFilters(s, false);

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("submissions", 10, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        // Columns of figures are as wide as their header or widest value, never cut; the
        // text columns share the rest and shorten what does not fit (full text on hover).
        const float pad = ImGui::GetStyle().CellPadding.x * 2 + ImGui::GetFontSize();  // and the sort arrow
        auto fixed = [&](const char* header, const char* widest) {
            return std::max(ImGui::CalcTextSize(header).x, ImGui::CalcTextSize(widest).x) + pad;
        };
        const FormSpec& form = s.programme->form;
        const std::string requested = form.short_label_of("budget.requested");
        ImGui::TableSetupColumn(form.short_label_of("cover.applicant_unit").c_str(), ImGuiTableColumnFlags_DefaultSort,
                                2.2f, kUnit);
        ImGui::TableSetupColumn(form.short_label_of("cover.kind").c_str(), 0, 1.6f, kKind);
        ImGui::TableSetupColumn(form.short_label_of("cover.project_name").c_str(), 0, 3.0f, kName);
        ImGui::TableSetupColumn(requested.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                fixed(requested.c_str(), "00,000.00"), kRequested);
        ImGui::TableSetupColumn("拟资助", ImGuiTableColumnFlags_WidthFixed, fixed("拟资助", "00,000.00"), kProposed);
        ImGui::TableSetupColumn("均分", ImGuiTableColumnFlags_WidthFixed, fixed("均分", "100.0"), kScore);
        ImGui::TableSetupColumn("错误", ImGuiTableColumnFlags_WidthFixed, fixed("错误", "00"), kErrors);
        ImGui::TableSetupColumn("警告", ImGuiTableColumnFlags_WidthFixed, fixed("警告", "00"), kWarnings);
        const std::string applied_on = form.short_label_of("cover.applied_on");
        ImGui::TableSetupColumn(applied_on.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                fixed(applied_on.c_str(), "2018-05-31"), kDate);
        ImGui::TableSetupColumn("指纹", ImGuiTableColumnFlags_WidthFixed, fixed("指纹", "000000000000"), kFingerprint);
        ImGui::TableHeadersRow();
        if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
            if (specs->SpecsCount > 0) {
                s.review_sort_column = static_cast<int>(specs->Specs[0].ColumnUserID);
                s.review_sort_ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
            }
            specs->SpecsDirty = false;
            s.review_order_dirty = true;
        }
        const std::vector<int> shown = shown_rows(s);
        ImGuiListClipper clipper;  // only the rows on screen are drawn
        clipper.Begin(static_cast<int>(shown.size()));
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const Submission& x = s.review.items[static_cast<size_t>(shown[static_cast<size_t>(r)])];
                ImGui::PushID(x.id.c_str());
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                const std::string unit =
                    x.app.cover.applicant_unit.empty() ? "（未填单位）" : x.app.cover.applicant_unit;
                const std::string unit_shown = FitText(unit, ImGui::GetContentRegionAvail().x);
                if (ImGui::Selectable((unit_shown + "##row").c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
                    s.review_open_id = x.id;
                    s.focus_form = true;  // the table's scroll region goes away: give the panel the keyboard
                }
                if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal))
                    ImGui::SetTooltip("%s\n%s\n%s", unit.c_str(), x.app.cover.project_name.c_str(),
                                      s.programme->project_category_text(x.app.cover.kind).c_str());
                NoteItem(s, "review.row." + x.id, row_name(s, x, unit), "row");
                ImGui::TableNextColumn();
                FittedText(kind_label(s, x.app.cover.kind), ImGui::GetContentRegionAvail().x);
                ImGui::TableNextColumn();
                FittedText(x.app.cover.project_name, ImGui::GetContentRegionAvail().x);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money_text(x.requested()).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money_text(x.proposed.value()).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(mean_text(mean_score(s, x)).c_str());
                ImGui::TableNextColumn();
                if (x.errors) ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
                ImGui::Text("%zu", x.errors);
                if (x.errors) ImGui::PopStyleColor();
                ImGui::TableNextColumn();
                ImGui::Text("%zu", x.warnings);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(x.submitted_on().c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(short_fingerprint(x.fingerprint).c_str());
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

// What the rows can be sorted by, as a person reads it; the table's headers say the same.
std::string column_label(const AppState& s, int column) {
    const FormSpec& form = s.programme->form;
    switch (column) {
        case kUnit: return form.short_label_of("cover.applicant_unit");
        case kKind: return form.short_label_of("cover.kind");
        case kName: return form.short_label_of("cover.project_name");
        case kRequested: return form.short_label_of("budget.requested");
        case kProposed: return "拟资助";
        case kErrors: return "错误";
        case kWarnings: return "警告";
        case kDate: return form.short_label_of("cover.applied_on");
        case kScore: return "均分";
        default: return "指纹";
    }
}

// Phones and tablets: the submissions as cards, one under another, each opening the detail. The
// order is chosen from a list (a phone has no room for a table's headers); choosing the
// current order again turns it round.
void DrawCards(AppState& s) {
    DrawFilters(s, true);
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string order =
        "排序：" + column_label(s, s.review_sort_column) + (s.review_sort_ascending ? " ↑" : " ↓");
    const bool open = ImGui::BeginCombo("##sort", order.c_str());
    NoteItem(s, "review.sort", "排序", "combobox");
    if (open) {
        for (int c : {kUnit, kKind, kName, kRequested, kProposed, kScore, kErrors, kWarnings, kDate}) {
            if (ImGui::Selectable(column_label(s, c).c_str(), c == s.review_sort_column)) {
                s.review_sort_ascending = c == s.review_sort_column ? !s.review_sort_ascending : true;
                s.review_sort_column = c;
                s.review_order_dirty = true;
            }
        }
        ImGui::EndCombo();
    }
    const std::vector<int> shown = shown_rows(s);
    const float line = ImGui::GetFontSize() * 1.45f;
    const ImVec2 pad(ImGui::GetStyle().FramePadding.x, ImGui::GetFontSize() * 0.6f);
    const float card_h = line * 4 + pad.y * 2;
    ImGui::BeginChild("cards", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
    ImGuiListClipper clipper;  // only the cards on screen are drawn
    clipper.Begin(static_cast<int>(shown.size()), card_h + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Submission& x = s.review.items[static_cast<size_t>(shown[static_cast<size_t>(r)])];
            ImGui::PushID(x.id.c_str());
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            const std::string unit = x.app.cover.applicant_unit.empty() ? "（未填单位）" : x.app.cover.applicant_unit;
            if (ImGui::Selectable("##card", false, 0, ImVec2(w, card_h))) {
                s.review_open_id = x.id;
                s.focus_form = true;
            }
            NoteItem(s, "review.row." + x.id, row_name(s, x, unit), "row");
            const float text_w = w - pad.x * 2;
            ImDrawList* draw = ImGui::GetWindowDrawList();
            draw->AddRect(at, ImVec2(at.x + w, at.y + card_h), ImGui::GetColorU32(ImGuiCol_Border),
                          ImGui::GetStyle().FrameRounding);
            auto text_line = [&](int i, const std::string& text, ImU32 colour) {
                const std::string fitted = FitText(text, text_w);
                draw->AddText(ImVec2(at.x + pad.x, at.y + pad.y + line * static_cast<float>(i)), colour, fitted.c_str(),
                              fitted.c_str() + fitted.size());
            };
            const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
            text_line(0, unit, colour::kAccent);
            text_line(1, x.app.cover.project_name.empty() ? "（未填项目名称）" : x.app.cover.project_name, ink);
            text_line(2,
                      kind_label(s, x.app.cover.kind) + " · 申请 " + money_text(x.requested()) + " · 拟资助 " +
                          money_text(x.proposed.value()) +
                          (mean_score(s, x) ? " · 均分 " + mean_text(mean_score(s, x)) : std::string()),
                      ink);
            text_line(
                3,
                "错误 " + std::to_string(x.errors) + " · 警告 " + std::to_string(x.warnings) + " · " + x.submitted_on(),
                x.errors ? colour::kError : ink);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

// What check_review says of one review field, under it.
void ReviewFindings(AppState& s, const Submission& x, const char* path) {
    for (const Finding& f : check_review(*s.programme, x)) {
        if (f.field != path) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error ? colour::kError : colour::kWarning);
        ImGui::TextUnformatted(f.message.c_str());
        ImGui::PopStyleColor();
    }
}

// 专家评分: what the experts said of this submission (merge_scores), each expert on a line,
// and what does not count and why.
template <class LabelThenValue>
void DrawExpertScores(AppState& s, const Submission& x, const LabelThenValue& label_then_value) {
    const MergedSubmission* m = s.merged_scores.find(x.id);
    if (!m) return;
    SectionHeading(s, "专家评分", "加权合计为百分制");
    label_then_value("平均分");
    ImGui::TextUnformatted(m->mean ? (ScoreText(*m->mean) + "（" + std::to_string(m->counted) + " 位专家，极差 " +
                                      ScoreText(*m->spread) + "）")
                                         .c_str()
                                   : "—（尚无有效评分）");
    for (const auto& [id, mean] : m->criterion_means) {
        for (const ReviewCriterion& c : s.programme->review_criteria)
            if (c.id == id) label_then_value(c.label);
        ImGui::TextUnformatted(ScoreText(mean).c_str());
    }
    for (const MergedReview& r : m->reviews) {
        std::string line = r.expert + "：";
        if (r.conflict)
            line += "回避";
        else
            line += r.total ? ScoreText(*r.total) + " 分" : std::string("评分不完整");
        if (!r.comment.empty()) line += "。" + r.comment;
        if (!r.flag.empty()) line += "（不计入：" + r.flag + "）";
        ImGui::PushStyleColor(ImGuiCol_Text, r.flag.empty() ? ImGui::GetColorU32(ImGuiCol_Text) : colour::kWarning);
        ImGui::Bullet();
        ImGui::TextUnformatted(line.c_str());
        ImGui::PopStyleColor();
    }
    if (!m->missing.empty()) {
        std::string who;
        for (const std::string& e : m->missing) who += (who.empty() ? "" : "、") + e;
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
        ImGui::TextUnformatted(("未收到评分：" + who).c_str());
        ImGui::PopStyleColor();
    }
}

void DrawDetail(AppState& s, Submission& x) {
    s.fonts.need_text(canonical_content(x.app));  // a request: characters written as \u escapes too
    ImGui::PushTabStop(false);                    // Tab goes straight to the review fields; the arrows still reach this
    if (NamedButton(s, "← 返回列表", "review.back")) {
        s.review_open_id.clear();
        s.focus_form = true;
    }
    ImGui::SameLine();
    if (NamedButton(s, "查看申报书", "review.view")) s.request(cmd::ViewSubmission{x.id});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("打开完整的申报书（打印版），可直接打印");
    ImGui::PopTabStop();
    SectionHeading(s, x.app.cover.project_name.empty() ? "未命名申报书" : x.app.cover.project_name.c_str(),
                   kind_label(s, x.app.cover.kind).c_str());
    ImGui::PushTextWrapPos(0);
    // A label and its value side by side; on a phone, the label above its value.
    const bool stacked = s.width == Width::Narrow;
    const float value_x = 150 * ImGui::GetFontSize() / 17;
    auto label_then_value = [&](const std::string& label) {
        if (stacked) {
            MutedText(label);
        } else {
            ImGui::TextUnformatted(label.c_str());
            ImGui::SameLine(value_x);
        }
    };
    auto row = [&](const std::string& label, const std::string& value) {
        label_then_value(label);
        ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
    };
    const FormSpec& form = s.programme->form;
    row(form.label_of("cover.applicant_unit"), x.app.cover.applicant_unit);
    row(form.label_of("cover.project_leader"), x.app.cover.project_leader + "  " + x.app.cover.phone);
    row(form.label_of("cover.applied_on"), x.submitted_on());
    row("实施时间", x.app.plan.start.text + " 至 " + x.app.plan.end.text);
    if (const FieldSpec* place = form.field("plan.place")) row(place->label, x.app.plan.place);
    row(form.label_of("budget.requested"),
        money_text(x.requested()) + " 元（预算合计 " + x.app.budget.total().display() + " 元）");
    row("文件", x.file_name + "  指纹 " + short_fingerprint(x.fingerprint));
    ImGui::Spacing();
    // The long texts of 项目内容, as the call's form has them.
    for (const SectionSpec& section : form.sections) {
        if (section.id != "plan") continue;
        for (const FieldSpec& f : section.fields) {
            if (f.input != InputKind::LongText || !f.shown_for(x.app.cover.kind)) continue;
            ImGui::TextUnformatted(f.label.c_str());
            MutedParagraph(("review." + f.path).c_str(), text_at(x.app, f.path));
        }
    }
    // What 附件2 says reviewers weigh (活动规模、主办活动级别), the people and the money.
    for (const SummarySection& section : summarise(*s.programme, x.app)) {
        SectionHeading(s, section.title.c_str());
        for (const SummaryRow& r : section.rows) row(r.label.c_str(), r.value);
    }

    DrawExpertScores(s, x, label_then_value);

    SectionHeading(s, "评估认定", "拟资助金额与意见");
    label_then_value("拟资助金额");
    ImGui::SetNextItemWidth(std::min(
        200.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("元").x - ImGui::GetStyle().ItemSpacing.x));
    if (ImGui::InputTextWithHint("##proposed", "0", &x.proposed.text, ImGuiInputTextFlags_CallbackCharFilter,
                                 MoneyCharFilter))
        s.request(cmd::ReviewChanged{});
    NoteItem(s, "review.proposed", "拟资助金额", "textbox", x.proposed.text);
    if (ImGui::IsItemDeactivatedAfterEdit())
        if (auto m = x.proposed.value()) x.proposed.text = m->plain();
    if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = "review.proposed";
    ImGui::SameLine();
    ImGui::TextUnformatted("元");
    ReviewFindings(s, x, "review.proposed");
    label_then_value("审阅意见");
    if (ImGui::InputTextMultiline("##comment", &x.comment, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.5f)))
        s.request(cmd::ReviewChanged{});
    NoteItem(s, "review.comment", "审阅意见", "textbox", x.comment);
    if (ImGui::IsItemActive()) s.focused_field = "review.comment";

    SectionHeading(s, "党组研究", "决定与批准金额；公示名单和各单位的决定文件据此生成");
    label_then_value("决定");
    for (Verdict v : {Verdict::Pending, Verdict::Approved, Verdict::NotApproved}) {
        if (ImGui::RadioButton(verdict_text(v), x.decision.verdict == v)) {
            x.decision.verdict = v;
            if (v == Verdict::Approved && x.decision.amount.text.empty()) x.decision.amount.text = x.proposed.text;
            s.request(cmd::ReviewChanged{});
        }
        NoteItem(s,
                 std::string("review.decision.") + (v == Verdict::Approved      ? "approved"
                                                    : v == Verdict::NotApproved ? "not_approved"
                                                                                : "pending"),
                 std::string("党组研究：") + verdict_text(v), "radio", x.decision.verdict == v ? "1" : "0");
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (x.decision.verdict == Verdict::Approved) {
        label_then_value("批准金额");
        ImGui::SetNextItemWidth(std::min(
            200.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("元").x - ImGui::GetStyle().ItemSpacing.x));
        if (ImGui::InputTextWithHint("##approved", "0", &x.decision.amount.text, ImGuiInputTextFlags_CallbackCharFilter,
                                     MoneyCharFilter))
            s.request(cmd::ReviewChanged{});
        NoteItem(s, "review.decision.amount", "批准金额", "textbox", x.decision.amount.text);
        if (ImGui::IsItemDeactivatedAfterEdit())
            if (auto m = x.decision.amount.value()) x.decision.amount.text = m->plain();
        if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = "review.decision.amount";
        ImGui::SameLine();
        ImGui::TextUnformatted("元");
        ReviewFindings(s, x, "review.decision.amount");
    }
    label_then_value("决定说明");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##decision_note", &x.decision.note)) s.request(cmd::ReviewChanged{});
    NoteItem(s, "review.decision.note", "决定说明", "textbox", x.decision.note);
    if (ImGui::IsItemActive()) s.focused_field = "review.decision.note";

    SectionHeading(s, "检查结果", nullptr);
    if (x.findings.empty()) MutedText("没有问题。");
    for (const Finding& f : x.findings) {
        if (f.severity == Severity::Info) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error ? colour::kError : colour::kWarning);
        ImGui::Bullet();
        ImGui::TextUnformatted((f.message + (f.clause.empty() ? "" : "（" + f.clause + "）")).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void DrawReviewLeft(AppState& s) {
    const ImVec2 full(-FLT_MIN, 0);
    if (ImGui::Button("导入申报书…", full)) s.request(cmd::PickImport{});
    if (ImGui::Button("导出汇总表（CSV）", full)) s.request(cmd::ExportReviewCsv{});
    if (ImGui::Button("导出公示名单", full)) s.request(cmd::ExportPublication{});
    if (ImGui::Button("导出各单位决定文件", full)) s.request(cmd::WriteDecisionFiles{});
    NoteItem(s, "review.decision_files", "导出各单位决定文件", "button");
    if (ImGui::Button(s.review_overview ? "返回申报书列表" : "项目执行情况", full))
        s.request(cmd::ShowOverview{!s.review_overview});
    NoteItem(s, "review.overview", s.review_overview ? "返回申报书列表" : "项目执行情况", "button");
    ErrorList("未导出决定文件：", s.decision_errors);
    MutedText("可一次选择多个文件（申报书和专家评分的 JSON、项目报告的 .zip），或拖到窗口中。");
    ImGui::Spacing();
    ImGui::Text("申报书 %zu 份", s.review.items.size());
    if (s.review_last_added || s.review_last_duplicates)
        MutedText("上次导入：新增 " + std::to_string(s.review_last_added) + " 份，重复 " +
                  std::to_string(s.review_last_duplicates) + " 份");
    if (!s.review.rejected.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::Text("无法读取 %zu 个文件：", s.review.rejected.size());
        ImGui::PopStyleColor();
        for (const RejectedFile& r : s.review.rejected) MutedText(r.file_name + "：" + r.reason);
    }
    for (size_t i = 0; i < s.review.resubmissions.size(); ++i) {
        const Resubmission& r = s.review.resubmissions[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("“" + r.incoming.app.cover.applicant_unit + "”重新提交了《" +
                                r.incoming.app.cover.project_name + "》" +
                                (r.incoming_is_newer ? "（较新）" : "（较旧）"))
                                   .c_str());
        ImGui::PopTextWrapPos();
        if (MinorButton("保留新提交的")) s.request(cmd::ResolveResubmission{i, true});
        ImGui::SameLine();
        if (MinorButton("保留原来的")) s.request(cmd::ResolveResubmission{i, false});
        ImGui::PopID();
    }
    if (!s.review.items.empty()) DrawBatches(s);
}

namespace {

// 专家评审: a batch of the submissions the list shows now, for one expert; the batches
// handed out and whether their scores came back; score files that do not count.
void DrawBatches(AppState& s) {
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("专家评审");
    ImGui::PopStyleColor();
    ImGui::TextUnformatted("专家（姓名或代号）");
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##batch_expert", "如：专家A", &s.batch_expert);
    NoteItem(s, "review.batch_expert", "专家（姓名或代号）", "textbox", s.batch_expert);
    if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = "review.batch_expert";
    const std::string label = "生成评审包（列表中 " + std::to_string(s.review_shown) + " 份）";
    if (ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 0))) s.request(cmd::WriteBatch{s.batch_expert});
    NoteItem(s, "review.write_batch", label, "button");
    MutedText("评审包只含所选申报书和评审指标；专家用本应用打开、打分、签署后发回评分文件，在此导入。");
    for (const SentBatch& b : s.sent_batches) {
        bool back = false;
        for (const ReceivedScores& r : s.received_scores) back = back || r.sheet.batch_id == b.batch_id;
        MutedText(b.expert + "：" + std::to_string(b.items.size()) + " 份，" + ShortLocalTime(b.created_at, s.today) +
                  (back ? " 发出，已收回" : " 发出，未收回"));
    }
    for (const ScoreFileStatus& f : s.merged_scores.files) {
        if (f.problem.empty()) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("评分文件“" + f.file_name + "”（" + f.expert + "）不计入：" + f.problem).c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

}  // namespace

void DrawReviewCenter(AppState& s) {
    if (s.review_overview)
        DrawProjectOverview(s);
    else if (Submission* x = s.review.find(s.review_open_id))
        DrawDetail(s, *x);
    else if (s.review.items.empty()) {
        SectionHeading(s, "审阅", "市科协工作人员使用");
        MutedText(
            "导入各单位报送的电子稿（JSON），即可逐份检查、比较、填写拟资助金额，并导出汇总表和公示名单。所有数据只保存"
            "在本机浏览器中。");
        ImGui::Spacing();
        if (NamedButton(s, "导入申报书…", "review.import_first")) s.request(cmd::PickImport{});
    } else if (ImGui::GetContentRegionAvail().x < 760 * ImGui::GetFontSize() / 17) {
        DrawCards(s);  // too narrow for the table's ten columns and its filter bar (a phone, a tablet)
    } else {
        DrawTable(s);
    }
}

void DrawReviewTotals(AppState& s) {
    const ReviewTotals t = review_totals(*s.programme, s.review);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("汇总");
    ImGui::PopStyleColor();
    if (ImGui::BeginTable("kinds", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(s.programme->form.short_label_of("cover.kind").c_str(), 0, 2.2f);
        ImGui::TableSetupColumn("份数", 0, 0.7f);
        ImGui::TableSetupColumn(s.programme->form.short_label_of("budget.requested").c_str(), 0, 1.5f);
        ImGui::TableSetupColumn("拟资助", 0, 1.5f);
        ImGui::TableHeadersRow();
        auto line = [&](const char* name, const KindTotal& k, const char* standard) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            if (standard && ImGui::IsItemHovered()) ImGui::SetTooltip("资助标准 %s", standard);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", k.count);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.requested.display().c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k.proposed.display().c_str());
        };
        for (const KindTotal& k : t.kinds)
            if (k.count) line(kind_label(s, k.kind).c_str(), k, s.programme->kind(k.kind)->funding.text.c_str());
        line("合计", t.overall, nullptr);
        ImGui::EndTable();
    }
    if (t.overall.approved_count) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("党组研究批准 " + std::to_string(t.overall.approved_count) + " 项，合计 " +
                                t.overall.approved.display() + " 元")
                                   .c_str());
        ImGui::PopTextWrapPos();
    }
    if (t.overall.over_standard) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
        ImGui::Text("%zu 份申请金额超过资助标准", t.overall.over_standard);
        ImGui::PopStyleColor();
    }
    if (t.overall.with_errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::Text("%zu 份有错误", t.overall.with_errors);
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("各单位与附件1任务");
    ImGui::PopStyleColor();
    for (const UnitTotal& u : t.units) {
        ImGui::PushTextWrapPos(0);
        const std::string line = (u.unit.empty() ? std::string("（未填单位）") : u.unit) + "  " +
                                 std::to_string(u.count) + " 份" + (u.listed ? "" : "（不在附件1中）");
        ImGui::TextUnformatted(line.c_str());
        for (const UnitTotal::Scale& sc : u.academic)
            if (sc.applied || sc.target)
                MutedText("  " + sc.label + "：申报 " + std::to_string(sc.applied) + "，任务 " +
                          (sc.target ? std::to_string(*sc.target) : std::string("—")));
        ImGui::PopTextWrapPos();
    }
}

}  // namespace ui
