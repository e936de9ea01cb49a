// The 申报书 form: the sections and fields of the programme's form table (form.h), each
// drawn by its input kind, in the order of the printed form.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "field_access.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

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
    if (ImGui::IsItemEdited()) f.edited(false);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (on_leave) on_leave(value);
        f.edited(true);
    }
    if (ImGui::IsItemDeactivated()) MarkVisited(f.draft, path);
    if (worst == 0 || worst == 1) {
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
    }
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

// A money amount as it is written once typed: 4,000 and ４０００元 become 4000.
void normalise_money(std::string& text) {
    if (auto m = Money::parse(text)) text = m->plain();
}

// 项目编号 is written by the association, so applicants see it but cannot type it.
void AssignedField(FormContext& f, const FieldSpec& spec) {
    const std::string value = text_at(f.draft.app, spec.path);
    FieldLabel(f, spec.label.c_str(), false);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::TextUnformatted(value.empty() ? spec.hint.c_str() : value.c_str());
    ImGui::PopStyleColor();
}

// 项目类别: the kinds of the programme; those not applied for here say so.
void KindField(FormContext& f, const FieldSpec& spec) {
    Application& a = f.draft.app;
    const Programme& p = *f.state.programme;
    ImGui::PushID(spec.path.c_str());
    FieldLabel(f, spec.label.c_str(), true);
    const KindRule* rule = p.kind(a.cover.kind);
    ImGui::SetNextItemWidth(std::min(360.0f, ImGui::GetContentRegionAvail().x));
    // As 申报说明5 asks: the category of the 重点项目表, with the kind's name.
    const bool kind_open = ImGui::BeginCombo("##kind", p.project_category_text(a.cover.kind).c_str());
    FocusRequestedItem(f.state, spec.path);
    if (ImGui::IsItemFocused()) f.state.focused_field = spec.path;
    NoteItem(f.state, spec.path, spec.label, "combobox");
    if (kind_open) {
        for (const KindRule& k : p.kinds) {
            std::string label = p.project_category_text(k.id) + " " + k.funding.text;
            if (k.route.type == Route::Type::Assessed) label += " · 不单独申报";
            if (k.route.type == Route::Type::SeparateCall) label += " · 另行通知";
            if (ImGui::Selectable(label.c_str(), k.id == a.cover.kind) && k.id != a.cover.kind) {
                a.cover.kind = k.id;
                f.edited(true);
            }
        }
        ImGui::EndCombo();
    }
    if (rule) {
        // Beside the choice when it fits there, else under it.
        const std::string standard = "资助标准 " + rule->funding.text;
        const ImGuiStyle& style = ImGui::GetStyle();
        if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - style.ItemSpacing.x >
            ImGui::CalcTextSize(standard.c_str()).x)
            ImGui::SameLine();
        MutedText(standard);
    }
    ImGui::PopID();
    FieldFindings(f, spec.path);
}

// The expense kind of a budget line: one of 说明6's kinds, or another the person names
// (说明6 ends in 等; the checks say who pays for it).
void ExpenseKindCell(FormContext& f, const std::string& path, const std::string& label, std::string& kind_id) {
    const Programme& p = *f.state.programme;
    const ExpenseKind* kind = p.expense_kind(kind_id);
    constexpr const char* kOther = "其他科目（自填）";
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool open = ImGui::BeginCombo("##kind", kind ? kind->label.c_str() : kOther);
    FocusRequestedItem(f.state, path);
    if (ImGui::IsItemFocused()) f.state.focused_field = path;
    NoteItem(f.state, path, label, "combobox");
    if (open) {
        for (const ExpenseKind& e : p.expense_kinds)
            if (ImGui::Selectable(e.label.c_str(), e.id == kind_id) && e.id != kind_id) {
                kind_id = e.id;
                f.edited(true);
            }
        if (ImGui::Selectable(kOther, !kind) && kind) {
            kind_id.clear();
            f.edited(true);
            f.state.focus_field = path + ".other";
        }
        ImGui::EndCombo();
    }
    if (!kind) Cell(f, path + ".other", "其他科目名称", kind_id, "科目名称，如 交通费");
}

// One cell of a table field's row, by its column's input kind.
void TableCell(FormContext& f, const FieldSpec& spec, const ColumnSpec& c, Rows& rows, size_t i) {
    std::string* cell = rows.cell(i, c.key);
    if (!cell) return;
    const std::string path = cell_path(spec.path, i, c.key);
    if (c.input == InputKind::ExpenseKind)
        ExpenseKindCell(f, path, c.label, *cell);
    else if (c.input == InputKind::Money)
        Cell(f, path, c.label.c_str(), *cell, c.hint.c_str(), ImGuiInputTextFlags_CallbackCharFilter, MoneyCharFilter,
             normalise_money);
    else
        Cell(f, path, c.label.c_str(), *cell, c.hint.c_str());
}

// A row's up, down or remove (RowButtons' action). True when the rows changed.
bool ApplyRowAction(FormContext& f, Rows& rows, size_t i, int action) {
    if (action == 1 && i > 0)
        rows.swap(i, i - 1);
    else if (action == 2 && i + 1 < rows.size())
        rows.swap(i, i + 1);
    else if (action == 3)
        rows.erase(i);
    if (action) f.edited(true);
    return action != 0;
}

// The total of a table's money column, as the printed form has it.
Money ColumnTotal(const FieldSpec& spec, Rows& rows) {
    Money total;
    for (size_t i = 0; i < rows.size(); ++i)
        if (const std::string* cell = rows.cell(i, spec.total_column))
            if (auto m = Money::parse(*cell)) total = total + *m;
    return total;
}

// A table field as a table: its columns as the form table gives them, a row of buttons
// per row, and under it the total of its money column when it has one.
void TableGrid(FormContext& f, const FieldSpec& spec, Rows& rows) {
    const int columns = static_cast<int>(spec.columns.size()) + 1;
    if (!ImGui::BeginTable(spec.path.c_str(), columns,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    for (const ColumnSpec& c : spec.columns)
        ImGui::TableSetupColumn(c.label.c_str(), ImGuiTableColumnFlags_WidthStretch, c.width);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, RowButtonsWidth());
    // The headings are not stops for Tab: each cell's name says its column.
    ImGui::PushTabStop(false);
    ImGui::TableHeadersRow();
    ImGui::PopTabStop();
    for (size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        for (const ColumnSpec& c : spec.columns) {
            ImGui::TableNextColumn();
            TableCell(f, spec, c, rows, i);
        }
        ImGui::TableNextColumn();
        const int action = RowButtons(f.state, spec.path + "[" + std::to_string(i) + "]", i, rows.size());
        ImGui::PopID();
        if (ApplyRowAction(f, rows, i, action)) break;
    }
    if (!spec.total_column.empty()) {
        const Money total = ColumnTotal(spec, rows);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("合计");
        for (int c = 1; c + 1 < static_cast<int>(spec.columns.size()); ++c) ImGui::TableNextColumn();
        if (spec.columns.size() > 2) ImGui::TextUnformatted(total.capital().c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(total.display().c_str());
    }
    ImGui::EndTable();
}

// A table field where its columns would be too narrow to type in (a phone, a tablet with
// the checks beside the form): each row a block, its number and buttons on top, each
// column's label above its field; the total under the last row.
void TableBlocks(FormContext& f, const FieldSpec& spec, Rows& rows) {
    for (size_t i = 0; i < rows.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(("第 " + std::to_string(i + 1) + " 行").c_str());
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - RowButtonsWidth()));
        const int action = RowButtons(f.state, spec.path + "[" + std::to_string(i) + "]", i, rows.size());
        for (const ColumnSpec& c : spec.columns) {
            MutedText(c.label);
            TableCell(f, spec, c, rows, i);
        }
        ImGui::PopID();
        if (ApplyRowAction(f, rows, i, action)) break;
    }
    ImGui::Separator();
    if (!spec.total_column.empty()) {
        const Money total = ColumnTotal(spec, rows);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(("合计 " + total.display() + " 元" +
                                (spec.columns.size() > 2 ? "（" + total.capital() + "）" : std::string()))
                                   .c_str());
        ImGui::PopTextWrapPos();
    }
}

// A table field: a grid where each column has room for what is typed in it, else blocks.
void TableField(FormContext& f, const FieldSpec& spec, bool with_label) {
    Application& a = f.draft.app;
    const std::unique_ptr<Rows> rows = rows_of(a, spec.path);
    if (!rows) return;
    if (with_label) ImGui::TextUnformatted(spec.label.c_str());
    const float column_min = 120 * ImGui::GetFontSize() / 17;
    const float grid_w = RowButtonsWidth() + column_min * static_cast<float>(spec.columns.size());
    if (ImGui::GetContentRegionAvail().x >= grid_w)
        TableGrid(f, spec, *rows);
    else
        TableBlocks(f, spec, *rows);
    const std::string add = spec.add_label.empty() ? "＋ 添加一行" : spec.add_label;
    if (NamedButton(f.state, add.c_str(), (spec.path + ".add").c_str())) {
        rows->insert(rows->size());
        // A new budget line starts as the first expense kind of 说明6.
        for (const ColumnSpec& c : spec.columns)
            if (c.input == InputKind::ExpenseKind && !f.state.programme->expense_kinds.empty())
                *rows->cell(rows->size() - 1, c.key) = f.state.programme->expense_kinds.front().id;
        f.edited(true);
        f.state.focus_field = cell_path(spec.path, rows->size() - 1, spec.columns.front().key);
    }
    TableFindings(f, spec.path);
}

// A checklist: each option a box; the list holds the options ticked (for the eligibility
// items, their ids).
void ChecklistField(FormContext& f, const FieldSpec& spec) {
    Application& a = f.draft.app;
    std::vector<std::string>* list = list_of(a, spec.path);
    if (!list) return;
    auto item = [&](const std::string& value, const std::string& label, const std::string& path) {
        auto it = std::find(list->begin(), list->end(), value);
        bool on = it != list->end();
        if (CheckItem(f, path, label.c_str(), on)) {
            if (on)
                list->push_back(value);
            else
                list->erase(it);
            f.edited(true);
        }
    };
    // Item paths keep the names the checks and the tests know: eligibility.<id>, evidence.<item>.
    if (spec.input == InputKind::Confirmations) {
        for (const EligibilityItem& e : f.state.programme->eligibility) item(e.id, e.text, "eligibility." + e.id);
        return;
    }
    const std::string prefix = spec.path == "evidence_planned" ? std::string("evidence") : spec.path;
    for (const std::string& option : f.state.programme->options_for(a.cover.kind, spec.options))
        item(option, option, prefix + "." + option);
    FieldFindings(f, prefix);
}

void DrawField(FormContext& f, const FieldSpec& spec, bool table_label) {
    Application& a = f.draft.app;
    const KindId kind = a.cover.kind;
    const bool required = spec.need_for(kind) == Need::Required;
    const char* label = spec.label.c_str();
    const char* hint = spec.hint.empty() ? nullptr : spec.hint.c_str();
    switch (spec.input) {
        case InputKind::Text:
        case InputKind::Phone: TextField(f, spec.path, label, text_of(a, spec.path), hint, required); break;
        case InputKind::LongText:
            LongTextField(f, spec.path, label, text_of(a, spec.path), hint, required, static_cast<float>(spec.lines));
            break;
        case InputKind::Date: DateInput(f, spec.path, label, text_of(a, spec.path), required); break;
        case InputKind::Money: MoneyInput(f, spec.path, label, text_of(a, spec.path), required); break;
        case InputKind::Number:
            NumberField(f, spec.path, label, text_of(a, spec.path), spec.unit.empty() ? nullptr : spec.unit.c_str(),
                        required);
            break;
        case InputKind::Unit: UnitField(f, spec.path, label, text_of(a, spec.path), required); break;
        case InputKind::Choice:
            ChoiceField(f, spec.path, label, text_of(a, spec.path), f.state.programme->options_for(kind, spec.options),
                        required);
            break;
        case InputKind::Check: {
            bool* flag = flag_of(a, spec.path);
            bool on = flag ? *flag : flag_at(a, spec.path);
            if (CheckItem(f, spec.path, label, on)) {
                if (flag)
                    *flag = on;
                else
                    text_of(a, spec.path) = on ? "true" : "";
                f.edited(true);
            }
            break;
        }
        case InputKind::Choices:
        case InputKind::Confirmations: ChecklistField(f, spec); break;
        case InputKind::Table: TableField(f, spec, table_label); break;
        case InputKind::Kind: KindField(f, spec); break;
        case InputKind::Assigned: AssignedField(f, spec); break;
        case InputKind::ExpenseKind: break;  // a column only
    }
}

}  // namespace

void DrawForm(AppState& state, Draft& draft) {
    ImGui::PushID(draft.id.c_str());
    // Below about 560 px a label column would leave the fields too narrow: labels go above.
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = avail < 560 * ImGui::GetFontSize() / 17;
    FormContext f{state, draft, stacked ? 0.0f : std::clamp(avail * 0.2f, 110.0f, 170.0f), stacked};
    const KindId kind = draft.app.cover.kind;
    // Saved with an earlier version of its call: what the form added, and what the draft
    // holds that the form no longer has (kept), until the person has seen it.
    const FormChanges& changes = draft.form_changes;
    if (!changes.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
        ImGui::PushTextWrapPos(0.0f);
        std::string text = "申报计划已更新到第 " + std::to_string(state.programme->version) + " 版。";
        if (!changes.added.empty()) {
            text += "新增栏目：";
            for (size_t i = 0; i < changes.added.size(); ++i) text += (i ? "、" : "") + changes.added[i];
            text += "。";
        }
        if (!changes.dropped.empty()) {
            text += "以下内容不在新版申报书中，已保留在草稿里：";
            for (size_t i = 0; i < changes.dropped.size(); ++i) text += (i ? "；" : "") + changes.dropped[i].second;
            text += "。";
        }
        ImGui::TextUnformatted(text.c_str());
        NoteItem(state, "form.changes", text, "note");
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (NamedButton(state, "知道了", "form.changes.seen")) {
            draft.meta.programme_version = state.programme->version;
            state.changed(draft, false);
        }
    }
    // The sections of the programme's form, in its order (the opinion last, as on paper:
    // the signature and stamp close the form).
    for (const SectionSpec& section : state.programme->form.sections) {
        if (!section.shown_for(kind)) continue;
        std::vector<const FieldSpec*> fields;
        for (const FieldSpec& field : section.fields)
            if (field.shown_for(kind)) fields.push_back(&field);
        if (fields.empty()) continue;
        const std::string& subtitle = section.subtitle_of(kind);
        SectionHeading(state, section.title_of(kind).c_str(), subtitle.empty() ? nullptr : subtitle.c_str());
        for (const FieldSpec* field : fields) {
            if (field->input == InputKind::Table && field != fields.front()) ImGui::Spacing();
            DrawField(f, *field, fields.size() > 1);
        }
    }
    ImGui::Dummy(ImVec2(0, 40));
    ImGui::PopID();
}

}  // namespace ui
