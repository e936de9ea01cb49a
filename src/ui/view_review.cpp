// 审阅 mode: the association's table of every submission, a submission in detail with
// the review fields, and the totals per kind and per unit against 附件1.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

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

// Sorts row indexes by the table's sort specs (column user ids are the enum below).
enum Column { kUnit, kKind, kName, kRequested, kProposed, kErrors, kWarnings, kDate, kFingerprint };

void sort_rows(AppState& s, const ImGuiTableSortSpecs* specs) {
    auto& rows = s.review_order;
    rows.resize(s.review.items.size());
    for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int>(i);
    if (!specs || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
    const bool asc = spec.SortDirection == ImGuiSortDirection_Ascending;
    const auto& items = s.review.items;
    std::stable_sort(rows.begin(), rows.end(), [&](int ia, int ib) {
        const Submission& a = items[static_cast<size_t>(ia)];
        const Submission& b = items[static_cast<size_t>(ib)];
        int c = 0;
        switch (spec.ColumnUserID) {
            case kUnit: c = a.app.cover.applicant_unit.compare(b.app.cover.applicant_unit); break;
            case kKind: c = static_cast<int>(a.app.cover.kind) - static_cast<int>(b.app.cover.kind); break;
            case kName: c = a.app.cover.project_name.compare(b.app.cover.project_name); break;
            case kRequested: {
                const int64_t x = a.requested() ? a.requested()->fen : -1, y = b.requested() ? b.requested()->fen : -1;
                c = x < y ? -1 : x > y ? 1 : 0;
                break;
            }
            case kProposed: {
                const int64_t x = a.proposed.value() ? a.proposed.value()->fen : -1,
                              y = b.proposed.value() ? b.proposed.value()->fen : -1;
                c = x < y ? -1 : x > y ? 1 : 0;
                break;
            }
            case kErrors: c = static_cast<int>(a.errors) - static_cast<int>(b.errors); break;
            case kWarnings: c = static_cast<int>(a.warnings) - static_cast<int>(b.warnings); break;
            case kDate: c = a.submitted_on().compare(b.submitted_on()); break;
            case kFingerprint: c = a.fingerprint.compare(b.fingerprint); break;
        }
        return asc ? c < 0 : c > 0;
    });
}

void DrawTable(AppState& s) {
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("##search", "搜索单位、项目名称、文件、指纹", &s.review_search);
    if (ImGui::IsItemActive()) s.focused_field = "review.search";
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    const char* current = s.review_kind_filter < 0
                              ? "全部类别"
                              : s.programme->kinds[static_cast<size_t>(s.review_kind_filter)].name.c_str();
    if (ImGui::BeginCombo("##kind", current)) {
        if (ImGui::Selectable("全部类别", s.review_kind_filter < 0)) s.review_kind_filter = -1;
        for (size_t i = 0; i < s.programme->kinds.size(); ++i)
            if (ImGui::Selectable(s.programme->kinds[i].name.c_str(), s.review_kind_filter == static_cast<int>(i)))
                s.review_kind_filter = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox("只看有错误的", &s.review_only_errors);
    ImGui::SameLine();
    MutedText("金额单位：元");

    std::vector<int> shown;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("submissions", 9, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
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
        ImGui::TableSetupColumn("错误", ImGuiTableColumnFlags_WidthFixed, fixed("错误", "00"), kErrors);
        ImGui::TableSetupColumn("警告", ImGuiTableColumnFlags_WidthFixed, fixed("警告", "00"), kWarnings);
        const std::string applied_on = form.short_label_of("cover.applied_on");
        ImGui::TableSetupColumn(applied_on.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                fixed(applied_on.c_str(), "2018-05-31"), kDate);
        ImGui::TableSetupColumn("指纹", ImGuiTableColumnFlags_WidthFixed, fixed("指纹", "000000000000"), kFingerprint);
        ImGui::TableHeadersRow();
        ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
        if ((specs && specs->SpecsDirty) || s.review_order_dirty || s.review_order.size() != s.review.items.size()) {
            sort_rows(s, specs);
            if (specs) specs->SpecsDirty = false;
            s.review_order_dirty = false;
        }
        for (int i : s.review_order)
            if (visible(s, s.review.items[static_cast<size_t>(i)])) shown.push_back(i);
        s.review_shown = shown.size();
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
                NoteItem(s, "review.row." + x.id, unit + " " + x.app.cover.project_name, "row");
                ImGui::TableNextColumn();
                FittedText(kind_label(s, x.app.cover.kind), ImGui::GetContentRegionAvail().x);
                ImGui::TableNextColumn();
                FittedText(x.app.cover.project_name, ImGui::GetContentRegionAvail().x);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money_text(x.requested()).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money_text(x.proposed.value()).c_str());
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

void DrawDetail(AppState& s, Submission& x) {
    s.fonts.need_text(canonical_content(x.app));  // a request: characters written as \u escapes too
    ImGui::PushTabStop(false);                    // Tab goes straight to the review fields; the arrows still reach this
    if (ImGui::Button("← 返回列表")) {
        s.review_open_id.clear();
        s.focus_form = true;
    }
    ImGui::SameLine();
    if (NamedButton(s, "查看申报书", "review.view")) s.request(cmd::ViewSubmission{x.id});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("打开完整的申报书（打印版），可直接打印");
    ImGui::PopTabStop();
    SectionHeading(x.app.cover.project_name.empty() ? "未命名申报书" : x.app.cover.project_name.c_str(),
                   kind_label(s, x.app.cover.kind).c_str());
    ImGui::PushTextWrapPos(0);
    auto row = [](const std::string& label, const std::string& value) {
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine(150);
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
        SectionHeading(section.title.c_str());
        for (const SummaryRow& r : section.rows) row(r.label.c_str(), r.value);
    }

    SectionHeading("审阅", "拟资助金额与意见");
    ImGui::TextUnformatted("拟资助金额");
    ImGui::SameLine(150);
    ImGui::SetNextItemWidth(200);
    if (ImGui::InputTextWithHint("##proposed", "0", &x.proposed.text, ImGuiInputTextFlags_CallbackCharFilter,
                                 MoneyCharFilter))
        s.request(cmd::ReviewChanged{});
    if (ImGui::IsItemDeactivatedAfterEdit())
        if (auto m = x.proposed.value()) x.proposed.text = m->plain();
    if (ImGui::IsItemFocused() || ImGui::IsItemActive()) s.focused_field = "review.proposed";
    ImGui::SameLine();
    ImGui::TextUnformatted("元");
    for (const Finding& f : check_review(*s.programme, x)) {
        ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Error ? colour::kError : colour::kWarning);
        ImGui::TextUnformatted(f.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextUnformatted("审阅意见");
    ImGui::SameLine(150);
    if (ImGui::InputTextMultiline("##comment", &x.comment, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.5f)))
        s.request(cmd::ReviewChanged{});
    if (ImGui::IsItemActive()) s.focused_field = "review.comment";

    SectionHeading("检查结果", nullptr);
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
    MutedText("可一次选择多个 JSON 文件，或拖到窗口中。");
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
}

void DrawReviewCenter(AppState& s) {
    if (Submission* x = s.review.find(s.review_open_id))
        DrawDetail(s, *x);
    else if (s.review.items.empty()) {
        SectionHeading("审阅", "市科协工作人员使用");
        MutedText(
            "导入各单位报送的电子稿（JSON），即可逐份检查、比较、填写拟资助金额，并导出汇总表和公示名单。所有数据只保存"
            "在本机浏览器中。");
        ImGui::Spacing();
        if (NamedButton(s, "导入申报书…", "review.import_first")) s.request(cmd::PickImport{});
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
