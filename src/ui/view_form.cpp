// The 申报书 form, section by section in the order of the printed form (附件3).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

std::string at(const char* list, size_t i, const char* field) {
    return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

// A cell of an editable table: a text input bound to one field path. `label` names it
// (its column); `on_leave` puts what was typed in its one written form once the cell is left.
void Cell(FormContext& f, const std::string& path, const char* label, std::string& value, const char* hint = "",
          ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback filter = nullptr,
          void (*on_leave)(std::string&) = nullptr) {
    ImGui::PushID(path.c_str());
    const int worst = WorstFinding(f.draft, path);
    if (worst == 0 || worst == 1) {
        ImGui::PushStyleColor(ImGuiCol_Border, worst == 0 ? colour::kError : colour::kWarning);
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
    if (f.state.focus_field == path) {
        ImGui::SetKeyboardFocusHere();
        ImGui::SetScrollHereY(0.3f);
        f.state.focus_field.clear();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##c", hint, &value, flags, filter);
    if (ImGui::IsItemActive()) f.state.focused_field = path;
    NoteItem(f.state, path, label, "textbox");
    if (ImGui::IsItemEdited()) f.state.changed(f.draft, false);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (on_leave) on_leave(value);
        f.state.changed(f.draft, true);
    }
    if (ImGui::IsItemDeactivated()) MarkVisited(f.draft, path);
    if (worst == 0 || worst == 1) { ImGui::PopStyleVar(); ImGui::PopStyleColor(); }
    ImGui::PopID();
}

// Messages of the findings under a table (rows and the table itself).
void TableFindings(FormContext& f, const std::string& prefix) {
    for (const Finding& x : f.draft.findings) {
        if (!ShownInPlace(f.draft, x) || x.field.compare(0, prefix.size(), prefix) != 0) continue;
        ImGui::PushStyleColor(ImGuiCol_Text, x.severity == Severity::Error ? colour::kError : colour::kWarning);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(x.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

// Moves or removes row i of a list after a RowButtons action; records an undo step.
template <class T>
void apply_row_action(FormContext& f, std::vector<T>& rows, size_t i, int action) {
    if (action == 1 && i > 0) std::swap(rows[i], rows[i - 1]);
    else if (action == 2 && i + 1 < rows.size()) std::swap(rows[i], rows[i + 1]);
    else if (action == 3) rows.erase(rows.begin() + static_cast<long>(i));
    else return;
    f.state.changed(f.draft, true);
}

// A button that adds a row to the list at `list` (named list + ".add"); the keyboard goes
// to the new row's first cell, `first_cell` of it.
template <class T>
void AddRowButton(FormContext& f, const char* label, const std::string& list, std::vector<T>& rows, const char* first_cell,
                  T row = {}) {
    if (!NamedButton(f.state, label, (list + ".add").c_str())) return;
    rows.push_back(std::move(row));
    f.state.changed(f.draft, true);
    f.state.focus_field = at(list.c_str(), rows.size() - 1, first_cell);
}

// A money amount as it is written once typed: 4,000 and ４０００元 become 4000.
void normalise_money(std::string& text) {
    if (auto m = Money::parse(text)) text = m->plain();
}

bool BeginFormTable(const char* id, int columns) {
    return ImGui::BeginTable(id, columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp);
}

void DrawCover(FormContext& f) {
    Application& a = f.draft.app;
    const Programme& p = *f.state.programme;
    SectionHeading("封面", "申报书第一页");
    // 项目编号 is written by the association, so applicants see it but cannot type it.
    const float row_x = ImGui::GetCursorPosX();  // where rows start: labels right-align to row_x + label_width
    ImGui::SetCursorPosX(row_x + f.label_width - ImGui::CalcTextSize("项目编号").x - 12);
    ImGui::TextUnformatted("项目编号");
    ImGui::SameLine(row_x + f.label_width);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::TextUnformatted(a.cover.project_number.empty() ? "（由市科协填写）" : a.cover.project_number.c_str());
    ImGui::PopStyleColor();

    TextField(f, "cover.project_name", "项目名称", a.cover.project_name, "准确概括项目内容", true);

    // 项目类别: the kinds of 附件2; those not applied for here say so.
    ImGui::PushID("cover.kind");
    ImGui::AlignTextToFramePadding();
    ImGui::SetCursorPosX(row_x + f.label_width - ImGui::CalcTextSize("项目类别 *").x - 12);
    ImGui::TextUnformatted("项目类别");
    ImGui::SameLine(0, 2);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
    ImGui::TextUnformatted("*");
    ImGui::PopStyleColor();
    ImGui::SameLine(row_x + f.label_width);
    const KindRule* rule = p.kind(a.cover.kind);
    ImGui::SetNextItemWidth(std::min(360.0f, ImGui::GetContentRegionAvail().x));
    // As 申报说明5 asks: the category of the 重点项目表, with the kind's name.
    const bool kind_open = ImGui::BeginCombo("##kind", p.project_category_text(a.cover.kind).c_str());
    FocusRequestedItem(f.state, "cover.kind");
    if (ImGui::IsItemFocused()) f.state.focused_field = "cover.kind";
    NoteItem(f.state, "cover.kind", "项目类别", "combobox");
    if (kind_open) {
        for (const KindRule& k : p.kinds) {
            std::string label = p.project_category_text(k.id) + " " + k.funding.text;
            if (k.route.type == Route::Type::Assessed) label += " · 不单独申报";
            if (k.route.type == Route::Type::SeparateCall) label += " · 另行通知";
            if (ImGui::Selectable(label.c_str(), k.id == a.cover.kind) && k.id != a.cover.kind) {
                a.cover.kind = k.id;
                f.state.changed(f.draft, true);
            }
        }
        ImGui::EndCombo();
    }
    if (rule) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
        ImGui::Text("资助标准 %s", rule->funding.text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    FieldFindings(f, "cover.kind");

    UnitField(f, "cover.applicant_unit", "申报单位", a.cover.applicant_unit);
    TextField(f, "cover.project_leader", "项目负责人", a.cover.project_leader, nullptr, true);
    TextField(f, "cover.phone", "联系电话", a.cover.phone, "手机号或 0515-88192426", true);
    DateInput(f, "cover.applied_on", "申报时间", a.cover.applied_on, true);
}

void DrawPlan(FormContext& f) {
    Plan& pl = f.draft.app.plan;
    SectionHeading("项目内容", "目标、内容与实施计划、时间地点、预期成果");
    LongTextField(f, "plan.aims", "项目目标", pl.aims, "本项目要解决的问题和达到的目标", true, 3);
    LongTextField(f, "plan.content", "内容与实施计划", pl.content, "活动内容、步骤安排、组织方式", true, 6);
    DateInput(f, "plan.start", "开始日期", pl.start, true);
    DateInput(f, "plan.end", "结束日期", pl.end, true);
    TextField(f, "plan.place", "实施地点", pl.place, nullptr, f.draft.app.cover.kind != KindId::OrganisationBuilding);
    LongTextField(f, "plan.expected_results", "预期成果", pl.expected_results, "可考核的成果", true, 3);

    ImGui::Spacing();
    ImGui::TextUnformatted("考核指标（可量化）");
    if (BeginFormTable("indicators", 4)) {
        ImGui::TableSetupColumn("指标名称", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("目标值", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("单位", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < pl.indicators.size(); ++i) {
            Indicator& ind = pl.indicators[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); Cell(f, at("plan.indicators", i, "name"), "指标名称", ind.name, "如 参会人数");
            ImGui::TableNextColumn(); Cell(f, at("plan.indicators", i, "target"), "目标值", ind.target, "150");
            ImGui::TableNextColumn(); Cell(f, at("plan.indicators", i, "unit"), "单位", ind.unit, "人");
            ImGui::TableNextColumn();
            const int action = RowButtons(i, pl.indicators.size());
            ImGui::PopID();
            if (action) { apply_row_action(f, pl.indicators, i, action); break; }
        }
        ImGui::EndTable();
    }
    AddRowButton(f, "＋ 添加指标", "plan.indicators", pl.indicators, "name");
    TableFindings(f, "plan.indicators");
}

void ExpertTable(FormContext& f, std::vector<InvitedExpert>& experts) {
    ImGui::TextUnformatted("拟邀请专家");
    if (BeginFormTable("experts", 4)) {
        ImGui::TableSetupColumn("姓名", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("职称", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("单位", ImGuiTableColumnFlags_WidthStretch, 2.5f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < experts.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); Cell(f, at("details.experts", i, "name"), "专家姓名", experts[i].name);
            ImGui::TableNextColumn(); Cell(f, at("details.experts", i, "title"), "职称", experts[i].title, "教授");
            ImGui::TableNextColumn(); Cell(f, at("details.experts", i, "unit"), "单位", experts[i].unit);
            ImGui::TableNextColumn();
            const int action = RowButtons(i, experts.size());
            ImGui::PopID();
            if (action) { apply_row_action(f, experts, i, action); break; }
        }
        ImGui::EndTable();
    }
    AddRowButton(f, "＋ 添加专家", "details.experts", experts, "name");
    TableFindings(f, "details.experts");
}

void DrawDetails(FormContext& f) {
    Application& a = f.draft.app;
    const KindRule* rule = f.state.programme->kind(a.cover.kind);
    if (!rule) return;
    switch (a.cover.kind) {
        case KindId::AcademicExchange:
            SectionHeading("活动信息", "精品学术交流活动");
            ChoiceField(f, "details.format", "活动形式", a.academic.format, rule->formats, true);
            ChoiceField(f, "details.scale", "活动规模", a.academic.scale, rule->scales, true);
            ChoiceField(f, "details.level", "主办活动级别", a.academic.level, rule->levels, true);
            TextField(f, "details.organisers", "主办、承办单位", a.academic.organisers, "主办：…；承办：…", true);
            NumberField(f, "details.participants", "预计参加人数", a.academic.participants, "人");
            ExpertTable(f, a.academic.experts);
            CheckItem(f, "details.is_training", "本活动属于继续教育或培训（此类活动不在资助范围）", a.academic.is_training);
            break;
        case KindId::ServiceStation:
            SectionHeading("服务站信息", "学会科技服务站");
            ChoiceField(f, "details.host_type", "依托单位类型", a.station.host_type, rule->host_types, true);
            TextField(f, "details.host_name", "依托单位名称", a.station.host_name, nullptr, true);
            TextField(f, "details.host_address", "服务站地址", a.station.host_address);
            LongTextField(f, "details.services", "服务内容与方式", a.station.services, "长期科技服务的内容、频次与方式", true, 3);
            LongTextField(f, "details.upstream", "上级学会资源对接", a.station.upstream, "与上级学会资源的对接交流安排", false, 2);
            break;
        case KindId::EnterpriseCooperation:
            SectionHeading("协作信息", "企会协作");
            TextField(f, "details.partner", "协作基地或企业", a.cooperation.partner, nullptr, true);
            LongTextField(f, "details.topic", "专项协作内容", a.cooperation.topic, nullptr, true, 3);
            break;
        case KindId::EnterpriseInfoService:
            SectionHeading("服务数据", "企业科技信息服务");
            NumberField(f, "details.new_enterprises", "新注册企业数", a.info_service.new_enterprises, "家");
            NumberField(f, "details.cases", "征集案例数", a.info_service.cases, "个");
            break;
        case KindId::InnovationContest:
            SectionHeading("竞赛信息", "创新创业竞赛");
            TextField(f, "details.contest_name", "竞赛名称", a.contest.contest_name, nullptr, true);
            NumberField(f, "details.entries", "参赛项目数", a.contest.entries, "项");
            NumberField(f, "details.incubated", "孵化落地项目数", a.contest.incubated, "项");
            break;
        case KindId::OrganisationBuilding: {
            SectionHeading("组织建设内容", "可多选");
            for (const std::string& item : rule->organisation_items) {
                auto it = std::find(a.organisation.items.begin(), a.organisation.items.end(), item);
                bool chosen = it != a.organisation.items.end();
                if (CheckItem(f, "details.items." + item, item.c_str(), chosen)) {
                    if (chosen) a.organisation.items.push_back(item);
                    else a.organisation.items.erase(it);
                }
            }
            FieldFindings(f, "details.items");
            LongTextField(f, "details.evidence", "评估情况材料", a.organisation.evidence, "将提供的组织建设和评估情况材料", false, 3);
            break;
        }
    }
}

void DrawTeam(FormContext& f) {
    Application& a = f.draft.app;
    const KindRule* rule = f.state.programme->kind(a.cover.kind);
    const bool station = rule && rule->expert_team_min > 0;
    SectionHeading(station ? "专家服务团队" : "项目团队",
                   station ? "需有一支相对固定的专家服务团队" : "主要成员（可选）");
    if (BeginFormTable("team", 6)) {
        ImGui::TableSetupColumn("姓名", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("工作单位", ImGuiTableColumnFlags_WidthStretch, 2);
        ImGui::TableSetupColumn("职称", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("专业特长", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("联系电话", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < a.team.size(); ++i) {
            TeamMember& m = a.team[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn(); Cell(f, at("team", i, "name"), "姓名", m.name);
            ImGui::TableNextColumn(); Cell(f, at("team", i, "unit"), "工作单位", m.unit);
            ImGui::TableNextColumn(); Cell(f, at("team", i, "title"), "职称", m.title);
            ImGui::TableNextColumn(); Cell(f, at("team", i, "speciality"), "专业特长", m.speciality);
            ImGui::TableNextColumn(); Cell(f, at("team", i, "phone"), "联系电话", m.phone);
            ImGui::TableNextColumn();
            const int action = RowButtons(i, a.team.size());
            ImGui::PopID();
            if (action) { apply_row_action(f, a.team, i, action); break; }
        }
        ImGui::EndTable();
    }
    AddRowButton(f, station ? "＋ 添加专家" : "＋ 添加成员", "team", a.team, "name");
    TableFindings(f, "team");
}

// The expense kind of a budget line: one of 说明6's kinds, or another the person names
// (说明6 ends in 等; the checks say who pays for it).
void ExpenseKindCell(FormContext& f, const std::string& path, std::string& kind_id) {
    const Programme& p = *f.state.programme;
    const ExpenseKind* kind = p.expense_kind(kind_id);
    constexpr const char* kOther = "其他科目（自填）";
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##kind", kind ? kind->label.c_str() : kOther);
    FocusRequestedItem(f.state, path);
    if (ImGui::IsItemFocused()) f.state.focused_field = path;
    NoteItem(f.state, path, "经费科目", "combobox");
    if (open) {
        for (const ExpenseKind& e : p.expense_kinds)
            if (ImGui::Selectable(e.label.c_str(), e.id == kind_id) && e.id != kind_id) {
                kind_id = e.id;
                f.state.changed(f.draft, true);
            }
        if (ImGui::Selectable(kOther, !kind) && kind) {
            kind_id.clear();
            f.state.changed(f.draft, true);
            f.state.focus_field = path + ".other";
        }
        ImGui::EndCombo();
    }
    if (!kind) Cell(f, path + ".other", "其他科目名称", kind_id, "科目名称，如 交通费");
}

void DrawBudget(FormContext& f) {
    Application& a = f.draft.app;
    const Programme& p = *f.state.programme;
    SectionHeading("项目经费预算", "单位：元");
    if (BeginFormTable("budget", 4)) {
        ImGui::TableSetupColumn("经费科目", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("用途与测算依据", ImGuiTableColumnFlags_WidthStretch, 3);
        ImGui::TableSetupColumn("金额（元）", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < a.budget.lines.size(); ++i) {
            BudgetLine& line = a.budget.lines[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ExpenseKindCell(f, at("budget.lines", i, "expense_kind"), line.expense_kind);
            ImGui::TableNextColumn(); Cell(f, at("budget.lines", i, "description"), "用途与测算依据", line.description);
            ImGui::TableNextColumn();
            Cell(f, at("budget.lines", i, "amount"), "金额", line.amount.text, "0", ImGuiInputTextFlags_CallbackCharFilter,
                 MoneyCharFilter, normalise_money);
            ImGui::TableNextColumn();
            const int action = RowButtons(i, a.budget.lines.size());
            ImGui::PopID();
            if (action) { apply_row_action(f, a.budget.lines, i, action); break; }
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("合计");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.budget.total().capital().c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(a.budget.total().display().c_str());
        ImGui::EndTable();
    }
    AddRowButton(f, "＋ 添加经费科目", "budget.lines", a.budget.lines, "expense_kind",
                 BudgetLine{p.expense_kinds.empty() ? "" : p.expense_kinds.front().id, "", {}});
    TableFindings(f, "budget.lines");
    ImGui::Spacing();
    MoneyInput(f, "budget.requested", "申请市科协资助", a.budget.requested, true);
    MoneyInput(f, "budget.self_raised", "自筹经费", a.budget.self_raised, false);
}

void DrawOpinion(FormContext& f) {
    UnitOpinion& o = f.draft.app.opinion;
    SectionHeading("申报单位意见", "打印后由负责人签字并加盖单位公章");
    LongTextField(f, "opinion.opinion", "单位意见", o.opinion, "也可打印后手写", false, 2);
    TextField(f, "opinion.signatory", "签字负责人", o.signatory);
    DateInput(f, "opinion.signed_on", "日期", o.signed_on, false);
}

void DrawEligibility(FormContext& f) {
    Application& a = f.draft.app;
    SectionHeading("申报条件确认", "附件3·申报说明");
    for (const EligibilityItem& e : f.state.programme->eligibility) {
        auto it = std::find(a.eligibility_confirmed.begin(), a.eligibility_confirmed.end(), e.id);
        bool confirmed = it != a.eligibility_confirmed.end();
        if (CheckItem(f, "eligibility." + e.id, e.text.c_str(), confirmed)) {
            if (confirmed) a.eligibility_confirmed.push_back(e.id);
            else a.eligibility_confirmed.erase(it);
        }
    }
}

void DrawEvidence(FormContext& f) {
    Application& a = f.draft.app;
    const Programme& p = *f.state.programme;
    SectionHeading("佐证材料清单", "活动结束后提交");
    for (const std::string& item : p.evidence_items) {
        auto it = std::find(a.evidence_planned.begin(), a.evidence_planned.end(), item);
        bool planned = it != a.evidence_planned.end();
        if (CheckItem(f, "evidence." + item, item.c_str(), planned)) {
            if (planned) a.evidence_planned.push_back(item);
            else a.evidence_planned.erase(it);
        }
    }
    FieldFindings(f, "evidence");
}

}  // namespace

void DrawForm(AppState& state, Draft& draft) {
    ImGui::PushID(draft.id.c_str());
    FormContext f{state, draft, std::clamp(ImGui::GetContentRegionAvail().x * 0.2f, 110.0f, 170.0f)};
    DrawCover(f);
    DrawPlan(f);
    DrawDetails(f);
    DrawTeam(f);
    DrawBudget(f);
    DrawEligibility(f);
    DrawEvidence(f);
    DrawOpinion(f);  // last, as on paper: the signature and stamp close the form
    ImGui::Dummy(ImVec2(0, 40));
    ImGui::PopID();
}

}  // namespace ui
