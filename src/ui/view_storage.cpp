// Storage health and backups, and the history of a draft.
#include <imgui.h>

#include <cstdio>

#include "codec.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

void Line(const std::string& label, const std::string& value, unsigned colour = 0) {
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(170);
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopTextWrapPos();
    if (colour) ImGui::PopStyleColor();
}

const char* reason_label(const std::string& reason) {
    if (reason == "auto") return "自动保存";
    if (reason == "delete") return "删除前";
    if (reason == "restore") return "恢复前";
    if (reason == "import") return "导入前";
    if (reason == "backup") return "来自备份";
    return "历史版本";
}

}  // namespace

void DrawStorage(AppState& s) {
    SectionHeading(s, "存储与备份", "草稿保存在本机浏览器中");
    ImGui::PushTextWrapPos(0);
    if (!s.storage_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::TextUnformatted(("浏览器存储不可用：" + s.storage_error + "。内容只在本页中，请及时导出。").c_str());
        ImGui::PopStyleColor();
    }
    Line("持久存储",
         s.storage_persisted == 1   ? "已开启：浏览器不会在空间不足时自动清除草稿"
         : s.storage_persisted == 0 ? "未开启：空间不足时浏览器可能清除草稿，请定期备份"
                                    : "无法得知",
         s.storage_persisted == 1   ? 0xFF3C8C3C
         : s.storage_persisted == 0 ? colour::kWarning
                                    : 0);
    if (s.storage_persisted == 0 && s.storage_error.empty()) {
        ImGui::SetCursorPosX(170);  // under the value column of Line()
        if (NamedButton(s, "请浏览器持久保存", "storage.persist")) s.request(cmd::AskPersist{});
        ImGui::SameLine();
        MutedText("浏览器可能会询问是否允许；也可把本网站加入收藏夹或桌面后再试");
    }
    if (s.storage_usage >= 0 && s.storage_quota > 0)
        Line("已用空间", size_text(static_cast<unsigned long long>(s.storage_usage)) + " / 可用 " +
                             size_text(static_cast<unsigned long long>(s.storage_quota)));
    Line("草稿",
         std::to_string(s.drafts().size()) + " 份，回收站 " + std::to_string(s.trash().size()) + " 份（保留30天）");
    if (const AppState::StoredFiles files = s.stored_files(); files.count)
        Line("项目报告的附件", std::to_string(files.count) + " 个，" + size_text(files.bytes) + "（备份中包含）");
    Line("上次完整备份", s.settings.last_backup_at.empty() ? "从未备份" : LocalTime(s.settings.last_backup_at));
    Line("保存状态",
         s.save_state() == SaveState::Failed ? "保存失败"
         : s.last_saved_at.empty()           ? "—"
                                             : "已保存 " + s.last_saved_at,
         s.save_state() == SaveState::Failed ? colour::kError : 0);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted(
        "备份：把所有草稿及其历史版本保存为一个文件，放在电脑或U盘上。换电脑、清理浏览器后可从备份恢复。");
    if (NamedButton(s, "备份全部草稿", "storage.backup")) s.request(cmd::Backup{});
    ImGui::SameLine();
    if (NamedButton(s, "从备份恢复…", "storage.restore")) s.request(cmd::PickBackup{});
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::TextUnformatted(
        "从备份恢复只会补充和更新：不会用较旧的版本覆盖较新的草稿，被替换的内容都保存在历史版本中。");
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

void DrawRevisions(AppState& s, Draft& d) {
    SectionHeading(s, "历史版本", d.app.cover.project_name.empty() ? "未命名申报书" : d.app.cover.project_name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        "编辑时至少每10分钟保存一个版本；删除、恢复、导入前也会保存。恢复某个版本时，当前内容会先另存为一个版本。");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (s.revisions.empty()) ImGui::TextUnformatted("还没有历史版本。");
    auto note_of = [&](const Revision& r) {
        const size_t i = static_cast<size_t>(&r - s.revisions.data());
        return i < s.revision_notes.size() ? s.revision_notes[i] : std::string();
    };
    if (s.width == Width::Narrow) {
        // One revision a block: a table's columns would leave the note a character wide.
        for (const Revision& r : s.revisions) {
            ImGui::PushID(r.file.c_str());
            ImGui::Separator();
            ImGui::Text("%s  %s", LocalTime(r.at).c_str(), reason_label(r.reason));
            MutedText(note_of(r));
            if (!s.read_only && NamedButton(s, "恢复此版本", ("history.restore." + r.file).c_str()))
                s.request(cmd::RestoreRevision{d.id, r.file});
            ImGui::PopID();
        }
    } else if (ImGui::BeginTable("revisions", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (const Revision& r : s.revisions) {
            ImGui::PushID(r.file.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(LocalTime(r.at).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(reason_label(r.reason));
            ImGui::TableNextColumn();
            MutedText(note_of(r));
            ImGui::TableNextColumn();
            if (!s.read_only && NamedButton(s, "恢复此版本", ("history.restore." + r.file).c_str()))
                s.request(cmd::RestoreRevision{d.id, r.file});
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (NamedButton(s, "返回申报书", "history.back")) s.request(cmd::ShowPage{Page::Form});
}

}  // namespace ui
