// A funded project's report on screen (报备, 佐证材料, 中期评估, 验收): its form from the
// programme (ReportForm), its files, printing and the hand-in archive; and 审阅's overview
// of every approved project's reports.
#include <imgui.h>

#include <algorithm>

#include "project_report.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

void ReportField(FormContext& f, const FieldSpec& spec, std::string& value, KindId kind) {
    const bool required = spec.need_for(kind) == Need::Required;
    const char* label = spec.label.c_str();
    const char* hint = spec.hint.empty() ? nullptr : spec.hint.c_str();
    switch (spec.input) {  // each widget marks the draft changed (FormContext::edited)
        case InputKind::LongText:
            LongTextField(f, spec.path, label, value, hint, required, static_cast<float>(spec.lines));
            break;
        case InputKind::Date: DateInput(f, spec.path, label, value, required); break;
        case InputKind::Money: MoneyInput(f, spec.path, label, value, required); break;
        case InputKind::Number:
            NumberField(f, spec.path, label, value, spec.unit.empty() ? nullptr : spec.unit.c_str(), required);
            break;
        case InputKind::Choice:
            ChoiceField(f, spec.path, label, value, f.state.programme->options_for(kind, spec.options), required);
            break;
        case InputKind::Check: {
            bool on = value == "true";
            if (CheckItem(f, spec.path, label, on)) {
                value = on ? "true" : "";
                f.edited(true);
            }
            break;
        }
        default: TextField(f, spec.path, label, value, hint, required); break;
    }
}

// A file's preview in a square `box`: a photo's thumbnail (asked for when first seen),
// else a frame saying what it is (PDF, or a photo that did not decode).
void Preview(AppState& s, const Attachment& a, float box) {
    const bool photo = a.type != "application/pdf";
    auto it = s.thumbnails.find(a.sha256);
    if (photo && it == s.thumbnails.end()) s.thumbnails_wanted.insert(a.sha256);
    if (photo && it != s.thumbnails.end() && it->second.texture) {
        const Thumbnail& t = it->second;
        const float scale = box / static_cast<float>(std::max(t.width, t.height));
        const ImVec2 size(t.width * scale, t.height * scale);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(box, box));
        ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.texture)),
                                             ImVec2(at.x + (box - size.x) / 2, at.y + (box - size.y) / 2),
                                             ImVec2(at.x + (box + size.x) / 2, at.y + (box + size.y) / 2));
        return;
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(box, box));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(at, ImVec2(at.x + box, at.y + box), colour::kMuted);
    const char* what = !photo ? "PDF" : it != s.thumbnails.end() && it->second.ready ? "无预览" : "…";
    const ImVec2 text = ImGui::CalcTextSize(what);
    dl->AddText(ImVec2(at.x + (box - text.x) / 2, at.y + (box - text.y) / 2), colour::kMuted, what);
}

void Attachments(AppState& s, const ReportForm& form, DutyReport& report) {
    SectionHeading(s, "附件");
    if (!form.attachments_hint.empty()) MutedText(form.attachments_hint);  // long: wrapped, not a subtitle
    if (report.attachments.empty()) MutedText("还没有文件。可点击下面的按钮选择，或把照片、PDF 拖到窗口中。");
    const float box = 64 * ImGui::GetFontSize() / 17;
    for (size_t i = 0; i < report.attachments.size(); ++i) {
        const Attachment& a = report.attachments[i];
        ImGui::PushID(a.sha256.c_str());
        const std::string kind = a.type == "application/pdf" ? "PDF" : "照片";
        const std::string line = std::to_string(i + 1) + ". " + a.name + "（" + kind + "，" + size_text(a.size) + "）";
        // 删除 at the right end of every row, the name shortened to what is left.
        const float remove_w = ImGui::CalcTextSize("删除").x + ImGui::GetStyle().FramePadding.x * 2;
        const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - remove_w;
        ImGui::BeginGroup();
        Preview(s, a, box);
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (box - ImGui::GetTextLineHeight()) / 2);
        ImGui::TextUnformatted(
            FitText(line, right - ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x * 2).c_str());
        ImGui::EndGroup();
        NoteItem(s, "report.file." + std::to_string(i), line, "row");
        ImGui::SameLine(right);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (box - ImGui::GetFrameHeight()) / 2);  // level with the name
        if (MinorButton("删除")) s.request(cmd::RemoveAttachment{a.sha256});
        NoteItem(s, "report.file." + std::to_string(i) + ".remove", "删除", "button");  // the row before names the file
        ImGui::PopID();
    }
    if (NamedButton(s, "添加照片或 PDF…", "report.attach")) s.request(cmd::PickAttachments{});
    ImGui::SameLine();
    MutedText("JPG、PNG 或 PDF，每个不超过 " + size_text(kMaxAttachmentBytes));
}

}  // namespace

void DrawReportToolbar(AppState& s, Draft& d) {
    // As the 申报书's toolbar: Tab goes through the fields, F6 brings the keyboard here.
    ImGui::PushTabStop(false);
    if (NamedButton(s, "返回申报书", "report.back")) s.request(cmd::ShowPage{Page::Form});
    if (s.open_report()) {
        ImGui::SameLine();
        if (NamedButton(s, "生成交付包（.zip）", "report.handin")) s.request(cmd::HandInReport{false});
        // 打印 and 发送邮件 beside it where they fit, else in a menu.
        const ImGuiStyle& style = ImGui::GetStyle();
        float row = 0;
        for (const char* label : {"打印", "发送邮件…"})
            row += ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
        ImGui::SameLine();
        const bool fit = row <= ImGui::GetContentRegionAvail().x;
        if (!fit && NamedButton(s, "更多…", "report.more")) ImGui::OpenPopup("report_actions");
        if (fit || ImGui::BeginPopup("report_actions")) {
            if (NamedButton(s, "打印", "report.print")) s.request(cmd::PrintReport{});
            if (fit) ImGui::SameLine();
            if (NamedButton(s, "发送邮件…", "report.email")) s.request(cmd::HandInReport{true});
            if (!fit) ImGui::EndPopup();
        }
    }
    ImGui::PopTabStop();
}

void DrawReport(AppState& s, Draft& d) {
    DutyReport* report = s.open_report();
    const ReportForm* form = s.call_of(d).report_form(duty_key(s.report_duty));
    if (!report || !form) {
        MutedText("此项目没有这份报告。");
        return;
    }
    SectionHeading(s, form->title.c_str(), ("《" + d.app.cover.project_name + "》").c_str());
    const size_t errors = count_severity(d.report_checks.findings, Severity::Error);
    if (!report->handed_in_at.empty())
        MutedText("上次生成交付包：" + LocalTime(report->handed_in_at) +
                  "。交付包含本表（JSON 与打印版）、全部附件和文件清单，"
                  "请通过邮件发送给市科协。");
    else
        MutedText(errors ? "填写完成、没有错误后，点击“生成交付包”，把得到的 .zip 文件通过邮件发送给市科协。"
                         : "已填写完整：点击“生成交付包”，把得到的 .zip 文件通过邮件发送给市科协。");
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stacked = avail < 560 * ImGui::GetFontSize() / 17;
    // The report's own findings at its fields; its edits are not steps of the 申报书's undo.
    FormContext f{
        s, d, stacked ? 0.0f : std::clamp(avail * 0.2f, 110.0f, 170.0f), stacked, &d.report_checks.findings, false};
    ImGui::PushID(duty_key(s.report_duty));
    for (const SectionSpec& section : form->form.sections) {
        if (!section.shown_for(d.app.cover.kind)) continue;
        SectionHeading(s, section.title_of(d.app.cover.kind).c_str());
        for (const FieldSpec& field : section.fields)
            if (field.shown_for(d.app.cover.kind)) ReportField(f, field, report->values[field.path], d.app.cover.kind);
    }
    ImGui::PopID();
    Attachments(s, *form, *report);
    ImGui::Dummy(ImVec2(0, 40));
}

std::vector<FormPart> ReportParts(AppState& s, Draft& d) {
    const ReportForm* form = s.call_of(d).report_form(duty_key(s.report_duty));
    std::vector<FormPart> parts;
    if (form) parts = form_parts(form->form, d.app.cover.kind);
    parts.insert(parts.begin(), {"attachments", "附件"});
    return parts;
}

namespace {

const OverviewDuty* duty_in(const OverviewRow& r, Duty d) {
    auto it = std::find_if(r.duties.begin(), r.duties.end(), [&](const OverviewDuty& x) { return x.duty == d; });
    return it == r.duties.end() ? nullptr : &*it;
}

unsigned colour_of(const OverviewDuty& d) {
    return d.overdue ? colour::kError : d.reported ? 0xFF3C8C3C : ImGui::GetColorU32(ImGuiCol_Text);
}

// What a screen reader says of a project's row or card.
std::string row_said(const OverviewRow& r) {
    std::string said = r.unit + " " + r.project_name + "，批准 " + r.amount + " 元";
    for (const OverviewDuty& d : r.duties) said += "，" + std::string(duty_label(d.duty)) + " " + d.text;
    return said;
}

void OverviewTable(AppState& s, const ProjectOverview& o) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("overview", 3 + static_cast<int>(std::size(kDuties)), flags)) return;
    // The unit and the project share what is left; an amount and a duty's state keep
    // their width (a heading or a number is never cut or broken).
    const auto fixed = [](const char* heading, const char* widest) {
        const float w = std::max(ImGui::CalcTextSize(heading).x, ImGui::CalcTextSize(widest).x);
        ImGui::TableSetupColumn(heading, ImGuiTableColumnFlags_WidthFixed, w + ImGui::GetStyle().CellPadding.x * 2);
    };
    ImGui::TableSetupColumn(s.programme->form.short_label_of("cover.applicant_unit").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(s.programme->form.short_label_of("cover.project_name").c_str(), 0, 1.6f);
    fixed("批准金额（元）", "00,000.00");
    for (Duty d : kDuties) fixed(duty_label(d), "已逾期 10 天");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < o.rows.size(); ++i) {
        const OverviewRow& r = o.rows[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.unit.c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.project_name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.amount.c_str());
        for (Duty d : kDuties) {
            ImGui::TableNextColumn();
            const OverviewDuty* x = duty_in(r, d);
            if (!x) {
                MutedText("—");
                continue;
            }
            ImGui::PushStyleColor(ImGuiCol_Text, colour_of(*x));
            ImGui::TextWrapped("%s", x->text.c_str());
            ImGui::PopStyleColor();
        }
        NoteItem(s, "overview.row." + std::to_string(i), row_said(r), "row");
    }
    ImGui::EndTable();
}

void OverviewCards(AppState& s, const ProjectOverview& o) {
    for (size_t i = 0; i < o.rows.size(); ++i) {
        const OverviewRow& r = o.rows[i];
        ImGui::Separator();
        ImGui::BeginGroup();
        ImGui::TextWrapped("%s", r.project_name.c_str());
        MutedText(r.unit + " · 批准 " + r.amount + " 元");
        for (const OverviewDuty& d : r.duties) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour_of(d));
            ImGui::TextWrapped("%s：%s", duty_label(d.duty), d.text.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::EndGroup();
        NoteItem(s, "overview.row." + std::to_string(i), row_said(r), "row");
    }
    ImGui::Separator();
}

}  // namespace

void DrawProjectOverview(AppState& s) {
    const ProjectOverview o = project_overview(*s.programme, s.review, s.received_reports, s.today);
    if (NamedButton(s, "返回申报书列表", "overview.back")) s.request(cmd::ShowOverview{false});
    ImGui::SameLine();
    if (NamedButton(s, "导出执行情况（CSV）", "overview.csv")) s.request(cmd::ExportOverviewCsv{});
    SectionHeading(s, "项目执行情况", "党组研究批准的项目：报备、佐证材料、中期评估、验收");
    MutedText("导入各单位发来的项目报告交付包（.zip），即可在此看到已交、待交和逾期的报告。已收到报告 " +
              std::to_string(s.received_reports.size()) + " 份" +
              (o.reports_unmatched ? "，其中 " + std::to_string(o.reports_unmatched) + " 份不对应本机批准的项目" : ""));
    if (o.rows.empty()) {
        MutedText("还没有批准的项目：在审阅中对申报书作出“党组研究：批准”后，项目列在这里。");
        return;
    }
    // A table where its seven columns fit; below that, one card per project (a phone, a tablet).
    if (ImGui::GetContentRegionAvail().x < 760 * ImGui::GetFontSize() / 17)
        OverviewCards(s, o);
    else
        OverviewTable(s, o);
    ImGui::Spacing();
    SectionHeading(s, "各单位进度", "学术活动按佐证材料计为已举办，对照任务分解表（附件1）");
    for (size_t i = 0; i < o.units.size(); ++i) {
        const UnitProgress& u = o.units[i];
        std::string line = u.unit + "：批准 " + std::to_string(u.approved) + " 项，已交报告 " +
                           std::to_string(u.reports) + " 份" +
                           (u.overdue ? "，逾期 " + std::to_string(u.overdue) + " 项" : "");
        for (const UnitTotal::Scale& sc : u.academic_held)
            line += "；" + sc.label + " 已举办 " + std::to_string(sc.applied) + "/" +
                    (sc.target ? std::to_string(*sc.target) : std::string("—"));
        ImGui::PushStyleColor(ImGuiCol_Text, u.overdue ? colour::kError : ImGui::GetColorU32(ImGuiCol_Text));
        ImGui::TextWrapped("%s", line.c_str());
        ImGui::PopStyleColor();
        NoteItem(s, "overview.unit." + std::to_string(i), line, "row");
    }
}

}  // namespace ui
