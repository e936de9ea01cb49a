// Handing in: the 提交 page (print, export, email, in the order the call asks for them)
// and the report of an import.
#include <imgui.h>

#include "codec.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

void Step(int number, const char* title) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::Text("第%d步  %s", number, title);
    ImGui::PopStyleColor();
}

}  // namespace

void DrawHandIn(AppState& s, Draft& d) {
    const Programme& p = *s.programme;
    const size_t errors = count_severity(d.findings, Severity::Error);
    SectionHeading(s, "提交申报书",
                   d.app.cover.project_name.empty() ? "未命名申报书" : d.app.cover.project_name.c_str());
    ImGui::PushTextWrapPos(0);
    if (errors > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::Text("申报书还有 %zu 个错误。可以先打印或导出查看，正式提交前请改正。", errors);
        ImGui::PopStyleColor();
        if (ImGui::Button("返回修改")) s.request(cmd::ShowPage{Page::Form});
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, 0xFF3C8C3C);
        ImGui::TextUnformatted("检查通过：申报书没有错误。");
        ImGui::PopStyleColor();
    }
    MutedText("申报截止：" + p.deadline.chinese() + "（" + p.deadline_clause + "）。电子稿指纹 " +
              short_fingerprint(fingerprint_of(d.app, p.id)) + " 印在纸质稿每页页脚，用于核对纸质稿与电子稿一致。");

    Step(1, "打印纸质申报书");
    MutedText("双面打印，一式" + std::to_string(p.copies) + "份，经负责人签字并加盖单位公章后递交市科协。");
    if (NamedButton(s, "打印", "handin.print")) s.request(cmd::HandIn{d.id, cmd::HandInWay::Print});
    ImGui::SameLine();
    if (NamedButton(s, "导出打印版（HTML）", "handin.export_html"))
        s.request(cmd::HandIn{d.id, cmd::HandInWay::ExportHtml});

    Step(2, "保存电子稿");
    MutedText("电子稿为 JSON 文件，市科协可直接导入审阅；也可在另一台电脑上导入继续填写。");
    if (NamedButton(s, "导出电子稿（JSON）", "handin.export_json"))
        s.request(cmd::HandIn{d.id, cmd::HandInWay::ExportJson});

    Step(3, "发送电子稿");
    MutedText("发送至市科协邮箱 " + p.contact.email +
              "。点击后将下载电子稿和打印版两个文件并打开邮件程序，请把这两个文件添加为"
              "邮件附件。支持直接分享文件的设备会直接附上文件。");
    if (NamedButton(s, "发送邮件", "handin.email")) s.request(cmd::HandIn{d.id, cmd::HandInWay::Email});

    ImGui::Spacing();
    ImGui::Separator();
    MutedText("市科协联系地址：" + p.contact.address + "；联系人：" + p.contact.person + "；电话：" + p.contact.phone +
              "；邮箱：" + p.contact.email + " ");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (NamedButton(s, "返回申报书", "handin.back")) s.request(cmd::ShowPage{Page::Form});
}

void DrawImportReport(AppState& s) {
    SectionHeading(s, "导入结果", nullptr);
    if (s.import_report.empty()) MutedText("没有导入任何文件。");
    for (size_t i = 0; i < s.import_report.size(); ++i) {
        const AppState::ImportLine& line = s.import_report[i];
        const ImportOutcome& o = line.outcome;
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::TextUnformatted(o.file.c_str());
        const bool failed = o.status == ImportOutcome::Status::Unreadable;
        ImGui::PushStyleColor(ImGuiCol_Text, failed                                           ? colour::kError
                                             : o.status == ImportOutcome::Status::AddedAsCopy ? colour::kWarning
                                                                                              : 0xFF3C8C3C);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(o.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        if (!failed) {
            MutedText("指纹 " + short_fingerprint(o.fingerprint) + " · " + std::to_string(line.errors) + " 个错误 · " +
                      std::to_string(line.warnings) + " 个警告");
            for (const Finding& f : o.findings)
                if (f.severity != Severity::Info) MutedText("文件：" + f.message);
            if (s.find(o.draft_id) && NamedButton(s, "打开", ("import.open." + std::to_string(i)).c_str()))
                s.request(cmd::OpenDraft{o.draft_id});
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("继续导入…")) s.request(cmd::PickImport{});
}

}  // namespace ui
