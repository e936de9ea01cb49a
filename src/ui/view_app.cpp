// The full-window layout, by the room there is (width_class): on a wide screen the top bar,
// drafts on the left, the page in the middle, checks on the right; on a medium one the page
// and the checks, the list on demand; on a narrow one a pane at a time, the checks opened
// from a bar at the bottom. No floating windows but the menus.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "item_hook.h"
#include "text.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoSavedSettings;

std::string draft_title(const Draft& d) {
    const std::string name = trim(d.app.cover.project_name);
    return name.empty() ? "未命名申报书" : name;
}

int completeness(const Draft& d) { return d.completeness.percent(); }

const char* hand_in_verb(const std::string& how) {
    if (how == "print") return "已打印";
    if (how == "email") return "已发邮件";
    return "已导出";
}

const char* save_text(const AppState& s, char (&buffer)[64]) {
    switch (s.save_state()) {
        case SaveState::Saved:
            std::snprintf(buffer, sizeof buffer, s.last_saved_at.empty() ? "已保存" : "已保存 %s",
                          s.last_saved_at.c_str());
            return buffer;
        case SaveState::Pending: return "有未保存的修改";
        case SaveState::Saving: return "正在保存…";
        case SaveState::Failed: return "保存失败";
        case SaveState::Unavailable: return "未保存：仅在本页中";
    }
    return "";
}

bool save_is_bad(const AppState& s) {
    return s.save_state() == SaveState::Failed || s.save_state() == SaveState::Unavailable;
}

// The modes: applicants draft, the association reviews, an expert scores (评审, once a
// batch has been opened here). True when one was pressed.
bool ModeButtons(AppState& s) {
    struct ModeTab {
        Mode mode;
        const char *label, *name, *tip;
    };
    static const ModeTab kTabs[] = {
        {Mode::Drafting, "申报", "mode.drafting", "填写申报书"},
        {Mode::Review, "审阅", "mode.review", "市科协：导入、检查、汇总各单位的申报书"},
        {Mode::Expert, "评审", "mode.expert", "专家：为评审包中的申报书打分"},
    };
    bool pressed = false;
    for (const ModeTab& tab : kTabs) {
        if (tab.mode == Mode::Expert && s.expert_work.empty()) continue;
        const bool on = s.mode == tab.mode;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? 0xFFFFFFFF : 0xFF9A6A3F);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? 0xFF7A4A1F : 0xFFFFFFFF);
        if (ImGui::Button(tab.label)) {
            pressed = true;
            if (!on) s.request(cmd::SetMode{tab.mode});
        }
        NoteItem(s, tab.name, tab.label, "tab");
        ImGui::PopStyleColor(2);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tab.tip);
        ImGui::SameLine(0, 2);
    }
    return pressed;
}

void ScaleSlider(AppState& s, float width) {
    ImGui::SetNextItemWidth(width);
    int percent = static_cast<int>(s.settings.ui_scale * 100 + 0.5f);
    if (ImGui::SliderInt("##scale", &percent, 90, 200, "界面大小 %d%%")) s.request(cmd::SetScale{percent / 100.0f});
    NoteItem(s, "topbar.scale", "界面大小", "slider");
}

// Wide screens: everything in the bar.
void DrawWideTopBar(AppState& s) {
    const Programme& p = *s.programme;
    ImGui::SetCursorPos(ImVec2(12, 8));
    ImGui::PushStyleColor(ImGuiCol_Text, 0xFFFFFFFF);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("科协重点项目申报助手");
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 16);
    ImGui::PushStyleColor(ImGuiCol_Text, 0xFFE8D9C8);
    ImGui::TextUnformatted(p.name.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 24);
    ModeButtons(s);

    char buffer[64];
    const char* saved = save_text(s, buffer);
    // Right to left, each as wide as its words at this text size: 界面大小, 保存, 存储与备份, the save state.
    const ImGuiStyle& style = ImGui::GetStyle();
    const auto button_w = [&](const char* label) { return ImGui::CalcTextSize(label).x + style.FramePadding.x * 2; };
    const float scale_w = ImGui::CalcTextSize("界面大小 200%").x + style.FramePadding.x * 2 + style.GrabMinSize * 3;
    const float scale_x = ImGui::GetWindowWidth() - 12 - scale_w;
    const float save_x = scale_x - 12 - button_w("保存");
    const float storage_x = save_x - style.ItemSpacing.x - button_w("存储与备份");
    ImGui::SameLine(storage_x - 16 - ImGui::CalcTextSize(saved).x);
    ImGui::PushStyleColor(ImGuiCol_Text, save_is_bad(s) ? 0xFF9090FF : 0xFFE8D9C8);
    ImGui::TextUnformatted(saved);
    ImGui::PopStyleColor();
    ImGui::SameLine(storage_x);
    if (ImGui::Button("存储与备份")) s.request(cmd::ShowPage{Page::Storage});
    NoteItem(s, "topbar.storage", "存储与备份", "button");
    ImGui::SameLine(save_x);
    if (ImGui::Button("保存")) s.request(cmd::SaveNow{});
    NoteItem(s, "topbar.save", "保存", "button");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("立即保存（Ctrl+S）");
    ImGui::SameLine(scale_x);
    ScaleSlider(s, scale_w);
}

// Medium and narrow screens: the list behind a button, the rest in a menu.
void DrawCompactTopBar(AppState& s) {
    ImGui::SetCursorPos(ImVec2(8, 8));
    const char* list = s.mode == Mode::Drafting ? "草稿" : "列表";
    const bool list_open = s.pane == Pane::List;
    if (ImGui::Button(list_open ? "返回" : list)) s.request(cmd::ShowPane{list_open ? Pane::Main : Pane::List});
    NoteItem(s, "topbar.list", list_open ? "返回" : list, "button");
    ImGui::SameLine(0, 12);
    ImGui::PushStyleColor(ImGuiCol_Text, 0xFFFFFFFF);
    ImGui::TextUnformatted(s.mode == Mode::Review ? "审阅" : s.mode == Mode::Expert ? "评审" : "申报助手");
    ImGui::PopStyleColor();

    char buffer[64];
    const char* saved = save_text(s, buffer);
    const float menu_w = ImGui::CalcTextSize("菜单").x + ImGui::GetStyle().FramePadding.x * 2;
    const float right = ImGui::GetWindowWidth() - 8 - menu_w;
    const float save_w = ImGui::CalcTextSize(saved).x;
    if (right - save_w - 12 > ImGui::GetCursorPosX() + 120) {
        ImGui::SameLine(right - save_w - 12);
        ImGui::PushStyleColor(ImGuiCol_Text, save_is_bad(s) ? 0xFF9090FF : 0xFFE8D9C8);
        ImGui::TextUnformatted(saved);
        ImGui::PopStyleColor();
    }
    ImGui::SameLine(right);
    if (ImGui::Button("菜单")) ImGui::OpenPopup("menu");
    NoteItem(s, "topbar.menu", "菜单", "button");
    ImGui::PushStyleColor(ImGuiCol_Text, 0xFF000000);
    if (ImGui::BeginPopup("menu")) {
        ImGui::PushStyleColor(ImGuiCol_Text, save_is_bad(s) ? colour::kError : colour::kMuted);
        ImGui::TextUnformatted(saved);
        ImGui::PopStyleColor();
        if (ModeButtons(s)) ImGui::CloseCurrentPopup();
        ImGui::NewLine();
        const ImVec2 full(std::max(200.0f, ImGui::CalcTextSize("界面大小 200%").x + 60), 0);
        if (ImGui::Button("存储与备份", full)) {
            s.request(cmd::ShowPage{Page::Storage});
            ImGui::CloseCurrentPopup();
        }
        NoteItem(s, "topbar.storage", "存储与备份", "button");
        if (ImGui::Button("保存", full)) {
            s.request(cmd::SaveNow{});
            ImGui::CloseCurrentPopup();
        }
        NoteItem(s, "topbar.save", "保存", "button");
        ScaleSlider(s, full.x);
        if (s.settings.ui_scale != 1.0f) {
            if (ImGui::Button("界面大小恢复 100%", full)) s.request(cmd::SetScale{1.0f});
            NoteItem(s, "topbar.scale_reset", "界面大小恢复 100%", "button");
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleColor();
}

void DrawTopBar(AppState& s) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0xFF7A4A1F);  // deep blue bar
    ImGui::BeginChild("topbar", ImVec2(0, ImGui::GetFrameHeight() + 16), ImGuiChildFlags_None,
                      kPanel | ImGuiWindowFlags_NoScrollbar);
    if (s.width == Width::Wide)
        DrawWideTopBar(s);
    else
        DrawCompactTopBar(s);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// A coloured strip across the window with a message (wrapped, never cut) and an optional
// action button at its right end, where the eye looks for the way out; on a phone, under
// the message, so that the message keeps the width.
bool Banner(AppState& s, const char* id, unsigned colour, const std::string& text, const char* action) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
    const ImGuiStyle& style = ImGui::GetStyle();
    const bool below = s.width == Width::Narrow;
    const float action_w = action ? ImGui::CalcTextSize(action).x + style.FramePadding.x * 2 + 24 : 0;
    const float text_w = std::max(80.0f, ImGui::GetContentRegionAvail().x - 24 - (below ? 0 : action_w));
    const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, text_w).y;
    const float h = below && action ? text_h + style.ItemSpacing.y + ImGui::GetFrameHeight() + 16
                                    : std::max(ImGui::GetFrameHeight(), text_h) + 16;
    ImGui::BeginChild("banner", ImVec2(0, h), ImGuiChildFlags_None, kPanel | ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(12, 8));
    ImGui::PushTextWrapPos(12 + text_w);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    bool pressed = false;
    if (action) {
        if (below)
            ImGui::SetCursorPos(ImVec2(12, 8 + text_h + style.ItemSpacing.y));
        else
            ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() - action_w + 12, (h - ImGui::GetFrameHeight()) / 2));
        pressed = ImGui::Button(action);
        NoteItem(s, std::string("banner.") + id, action, "button");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopID();
    return pressed;
}

bool backup_overdue(AppState& s) {
    if (s.drafts().empty()) return false;
    const auto now = iso_utc_seconds(s.drafts().front().meta.updated_at);
    auto oldest = now;
    for (const Draft& d : s.drafts())
        if (auto c = iso_utc_seconds(d.meta.created_at); c && (!oldest || *c < *oldest)) oldest = c;
    const long long week = 7LL * 24 * 3600;
    if (!now || !oldest || *now - *oldest < week) return false;  // no nagging in the first week
    const auto last = iso_utc_seconds(s.settings.last_backup_at);
    return !last || *now - *last > week;
}

void DrawNotices(AppState& s) {
    if (s.read_only) {
        const std::string text = s.lost_writer ? "已在另一个窗口中继续编辑，本窗口已转为只读，以免互相覆盖。"
                                               : "申报助手已在另一个窗口中打开。为避免互相覆盖，本窗口只读。";
        if (Banner(s, "readonly", 0xFFB8E6FF, text, "在本窗口编辑")) s.request(cmd::TakeOver{});
    }
    if (s.update_available && Banner(s, "update", 0xFFD9F2D9, "新版本可用，点击刷新（会先保存所有修改）", "刷新"))
        s.request(cmd::ApplyUpdate{});
    if (s.save_state() == SaveState::Failed && s.storage_error.empty() &&
        Banner(s, "savefail", 0xFFCCCCFF,
               "保存失败：浏览器存储可能已满或被禁用。内容仍在本页中，请立即导出电子稿或备份全部草稿。",
               "备份全部草稿"))
        s.request(cmd::Backup{});
    if (!s.read_only && backup_overdue(s) &&
        Banner(s, "backup", 0xFFD6F0FF, "已超过一周没有备份全部草稿。浏览器存储可能被清除，建议备份到电脑上。",
               "立即备份"))
        s.request(cmd::Backup{});
    if (!s.storage_error.empty() &&
        Banner(s, "storage", 0xFFD6E6FF,
               "浏览器禁止了本网站保存数据（或不支持本地存储）：内容只在本页中，关闭页面就会丢失。请及时导出电子稿；"
               "在浏览器的网站设置中允许本网站保存数据（无痕窗口不能保存）后刷新页面即可正常保存。",
               "导出全部草稿"))
        s.request(cmd::Backup{});
    for (size_t i = 0; i < s.notices.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        // Each its own name (banner.notice, banner.notice#2, …), as findings are named.
        const std::string name = i ? "notice#" + std::to_string(i + 1) : "notice";
        const bool close = Banner(s, name.c_str(), 0xFFD6F0FF, s.notices[i], "知道了");
        ImGui::PopID();
        if (close) {
            s.notices.erase(s.notices.begin() + static_cast<long>(i));
            break;
        }
    }
}

void DrawDraftList(AppState& s) {
    ImGui::BeginChild("drafts", ImVec2(0, 0), ImGuiChildFlags_None, kPanel);
    if (ImGui::Button("＋ 新建申报书", ImVec2(-FLT_MIN, 0))) s.request(cmd::ShowPage{Page::NewDraft});
    NoteItem(s, "list.new", "＋ 新建申报书", "button");
    if (ImGui::Button("导入电子稿…", ImVec2(-FLT_MIN, 0))) s.request(cmd::PickImport{});
    NoteItem(s, "list.import", "导入电子稿…", "button");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("选择 JSON 文件，或把文件拖到窗口中");
    ImGui::Spacing();
    DrawDueList(s);
    MutedText(("我的草稿（" + std::to_string(s.drafts().size()) + "）").c_str());
    ImGui::Separator();
    for (Draft& d : s.drafts()) {
        ImGui::PushID(d.id.c_str());
        const bool selected =
            d.id == s.current_id && (s.page == Page::Form || s.page == Page::HandIn || s.page == Page::Revisions);
        const KindRule* rule = s.programme->kind(d.app.cover.kind);
        if (s.rename_id == d.id) {
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (s.rename_focus) {
                ImGui::SetWindowFocus();
                ImGui::SetKeyboardFocusHere();
                s.rename_focus = false;
            }
            if (ImGui::InputText("##rename", &s.rename_text,
                                 ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
                s.request(cmd::RenameDraft{d.id, s.rename_text});
                s.rename_id.clear();
            } else if (ImGui::IsItemDeactivated()) {
                s.rename_id.clear();
            }
        } else {
            const size_t errors = count_severity(d.findings, Severity::Error);
            const ImVec2 start = ImGui::GetCursorScreenPos();
            const float row_h = ImGui::GetTextLineHeightWithSpacing() * 3 + 6;
            if (ImGui::Selectable("##row", selected, 0, ImVec2(0, row_h))) {
                s.request(cmd::OpenDraft{d.id});
            }
            if (ImGui::BeginPopupContextItem("draft_menu")) {
                if (ImGui::MenuItem("重命名")) {
                    s.rename_id = d.id;
                    s.rename_text = d.app.cover.project_name;
                    s.rename_focus = true;
                }
                if (ImGui::MenuItem("复制一份")) s.request(cmd::DuplicateDraft{d.id});
                ImGui::Separator();
                if (ImGui::MenuItem("删除（移入回收站）")) s.request(cmd::DeleteDraft{d.id});
                ImGui::EndPopup();
            }
            NoteItem(s, "draft." + d.id, draft_title(d), "row");
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float line = ImGui::GetTextLineHeightWithSpacing();
            const float width = ImGui::GetContentRegionAvail().x;
            // A long name is shortened in its middle, so that a draft and its （副本） differ.
            const std::string title = FitText(draft_title(d), width - 8);
            if (title != draft_title(d) && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", draft_title(d).c_str());
            dl->PushClipRect(start, ImVec2(start.x + width, start.y + row_h), true);
            dl->AddText(ImVec2(start.x + 4, start.y + 3), ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
            const std::string line2 =
                FitText((rule ? rule->name : std::string("?")) + " · " +
                            (trim(d.app.cover.applicant_unit).empty() ? std::string("未填单位")
                                                                      : trim(d.app.cover.applicant_unit)),
                        width - 8);
            dl->AddText(ImVec2(start.x + 4, start.y + 3 + line), colour::kMuted, line2.c_str());
            // Completeness, and whether the association has this version (the last hand-in).
            std::string line3 = "完成 " + std::to_string(completeness(d)) + "%";
            switch (s.workspace->hand_in_state(d)) {
                case Workspace::HandIn::Never: break;
                case Workspace::HandIn::Current:
                    line3 += std::string(" · ") + hand_in_verb(d.meta.handed_in_how) + " " +
                             ShortLocalTime(d.meta.handed_in_at, s.today);
                    break;
                case Workspace::HandIn::ChangedSince: line3 += " · 交出后已修改"; break;
            }
            std::string badge = errors ? std::to_string(errors) + " 个错误" : std::string("无错误");
            const float badge_w = ImGui::CalcTextSize(badge.c_str()).x;
            line3 = FitText(line3, width - badge_w - 16);
            dl->AddText(ImVec2(start.x + 4, start.y + 3 + line * 2), colour::kMuted, line3.c_str());
            dl->AddText(ImVec2(start.x + width - badge_w - 6, start.y + 3 + line * 2),
                        errors ? colour::kError : 0xFF3C8C3C, badge.c_str());
            dl->PopClipRect();
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (ImGui::Selectable(("回收站（" + std::to_string(s.trash().size()) + "）").c_str(), s.page == Page::Trash)) {
        s.request(cmd::ShowPage{Page::Trash});
        s.focus_form = true;
    }
    NoteItem(s, "list.trash", "回收站（" + std::to_string(s.trash().size()) + "）",
             "row");  // a line of the list, like a draft
    ImGui::Spacing();
    MutedText("右键点击草稿可重命名、复制或删除。可把电子稿文件拖到窗口中导入。");
    if (MinorButton("快捷键（F1）")) s.request(cmd::ShowShortcuts{});
    NoteItem(s, "list.shortcuts", "快捷键（F1）", "button");
    ImGui::EndChild();
}

void DrawTrash(AppState& s) {
    SectionHeading(s, "回收站", "删除的草稿保存在这里，可以恢复");
    if (s.trash().empty()) MutedText("回收站是空的。");
    for (const StoredDraft& t : s.trash()) {
        ImGui::PushID(t.id.c_str());
        ImGui::AlignTextToFramePadding();
        const std::string name = trim(t.app.cover.project_name);
        ImGui::TextUnformatted(name.empty() ? "未命名申报书" : name.c_str());
        ImGui::SameLine();
        MutedText("删除于 " + LocalTime(t.meta.deleted_at.empty() ? t.meta.updated_at : t.meta.deleted_at));
        ImGui::SameLine();
        if (NamedButton(s, "恢复", ("trash.restore." + t.id).c_str())) s.request(cmd::RestoreDraft{t.id});
        ImGui::PopID();
    }
}

// 附件1: the unit's 2018 targets beside the form.
void DrawUnitTargets(AppState& s, const Draft& d) {
    auto targets = s.programme->unit_targets(d.app.cover.applicant_unit);
    if (!targets) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted(("本单位2018年重点任务（" + s.programme->clause("targets") + "）").c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    if (ImGui::BeginTable("targets", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        for (size_t c = 0; c < targets->table->columns.size(); ++c) {
            const auto& value = targets->row->values[c];
            if (!value) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(targets->table->columns[c].label.c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            ImGui::Text("%d", *value);
        }
        ImGui::EndTable();
    }
    if (!targets->table->note.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
        ImGui::TextUnformatted(("注：" + targets->table->note).c_str());
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
    }
}

// Actions on the open draft, reachable by keyboard (Tab) as well as by mouse.
void HandInButton(AppState& s) {
    ImGui::PushStyleColor(ImGuiCol_Button, 0xFFB5651D);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, 0xFFC87A30);
    ImGui::PushStyleColor(ImGuiCol_Text, 0xFFFFFFFF);
    if (ImGui::Button("提交…")) s.request(cmd::ShowPage{Page::HandIn});
    NoteItem(s, "toolbar.hand_in", "提交…", "button");
    ImGui::PopStyleColor(3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("打印、导出电子稿并发送邮件");
}

// The draft's actions that need no room of their own: a row of buttons, or a menu.
void DraftActions(AppState& s, Draft& d, bool in_menu) {
    auto action = [&](const char* label, const char* name, Command command, const char* tip) {
        const bool pressed = in_menu ? ImGui::Selectable(label) : ImGui::Button(label);
        NoteItem(s, name, label, in_menu ? "option" : "button");
        if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
        if (pressed) s.request(std::move(command));
        if (!in_menu) ImGui::SameLine();
    };
    action("历史版本", "toolbar.history", cmd::ShowRevisions{d.id}, nullptr);
    action("复制一份", "toolbar.duplicate", cmd::DuplicateDraft{d.id}, nullptr);
    action("删除", "toolbar.delete", cmd::DeleteDraft{d.id}, "移入回收站，可恢复");
    if (!in_menu) ImGui::SameLine(0, 24);
    action("打印", "toolbar.print", cmd::HandIn{d.id, cmd::HandInWay::Print}, "打印申报书（Ctrl+P）");
    action("导出电子稿", "toolbar.export", cmd::HandIn{d.id, cmd::HandInWay::ExportJson}, nullptr);
}

void DrawDraftToolbar(AppState& s, Draft& d) {
    // Tab goes through the form's fields; F6 brings the keyboard here, the arrows move along.
    ImGui::PushTabStop(false);
    ImGui::BeginDisabled(!d.undo_stack.can_undo());
    if (ImGui::Button("撤销")) s.request(cmd::Undo{});
    NoteItem(s, "toolbar.undo", "撤销", "button");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("撤销上一步修改（Ctrl+Z）");
    ImGui::SameLine();
    ImGui::BeginDisabled(!d.undo_stack.can_redo());
    if (ImGui::Button("重做")) s.request(cmd::Redo{});
    NoteItem(s, "toolbar.redo", "重做", "button");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("重做（Ctrl+Shift+Z）");
    ImGui::SameLine();
    // Every button in a row when they fit; else the less used ones in a menu.
    const ImGuiStyle& style = ImGui::GetStyle();
    float row = 24;
    for (const char* label : {"历史版本", "复制一份", "删除", "打印", "导出电子稿", "提交…"})
        row += ImGui::CalcTextSize(label).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    if (row <= ImGui::GetContentRegionAvail().x) {
        DraftActions(s, d, false);
        HandInButton(s);
    } else {
        HandInButton(s);
        ImGui::SameLine();
        if (ImGui::Button("更多…")) ImGui::OpenPopup("draft_actions");
        NoteItem(s, "toolbar.more", "更多…", "button");
        if (ImGui::BeginPopup("draft_actions")) {
            DraftActions(s, d, true);
            ImGui::EndPopup();
        }
    }
    ImGui::PopTabStop();
}

}  // namespace

void DrawChecks(AppState& s, Draft& d) {
    DrawProject(s, d);
    const auto [findings, done, report] = s.page_checks(d);
    const size_t errors = count_severity(findings, Severity::Error);
    const size_t warnings = count_severity(findings, Severity::Warning);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("检查结果");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (errors == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, 0xFF3C8C3C);
        ImGui::TextUnformatted(warnings ? "无错误，可以提交" : "全部通过");
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::Text("%zu 个错误", errors);
        ImGui::PopStyleColor();
    }
    ImGui::Text("完成度 %d%%  ·  警告 %zu", done.percent(), warnings);
    if (errors > 0 && !d.mark_all && MinorButton("在表单中标出全部问题")) d.mark_all = true;
    ImGui::Separator();

    const std::vector<FormPart> parts = report ? ReportParts(s, d) : form_parts(*s.programme, d.app.cover.kind);
    auto part_of = [&](const Finding& x) {
        const std::string key = section_of(x.field);
        for (const FormPart& p : parts)
            if (p.key == key) return key;
        return std::string();  // 整体
    };
    // Each finding's item has a name of its own: a field's second finding (or the second
    // that concerns no field) is finding.<field>#2.
    std::map<std::string, int> findings_named;
    for (const FormPart& form_part : parts) {
        const std::string& key = form_part.key;
        const char* title = form_part.title.c_str();
        std::vector<const Finding*> group;
        for (const Finding& x : findings)
            if (part_of(x) == key) group.push_back(&x);
        const Completeness::Part* part = done.section(key);
        if (group.empty() && !part) continue;
        ImGui::Spacing();
        if (part && part->required > 0) {
            char heading[96];
            std::snprintf(heading, sizeof heading, "%s  %d/%d", title, part->filled, part->required);
            MutedText(heading);
        } else {
            MutedText(title);
        }
        for (const Finding* x : group) {
            // The id comes from the finding, not its address: the checks run again when the
            // field being left is saved, between the press and the release of a click.
            ImGui::PushID((x->field + '\n' + x->message).c_str());
            const unsigned c = x->severity == Severity::Error     ? colour::kError
                               : x->severity == Severity::Warning ? colour::kWarning
                                                                  : colour::kInfo;
            ImGui::PushStyleColor(ImGuiCol_Text, c);
            ImGui::Bullet();
            ImGui::PopStyleColor();
            ImGui::SameLine();
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const float wrap = ImGui::GetContentRegionAvail().x;
            // Broken into rows by the Chinese line-breaking rules, as every paragraph is.
            const std::string message = WrappedText("finding\n" + x->message, x->message, wrap);
            const std::string clause = WrappedText("clause\n" + x->clause, x->clause, wrap);
            const ImVec2 size = ImGui::CalcTextSize((message + "\n" + clause).c_str());
            // Clicking a finding takes the form to its field.
            if (ImGui::Selectable("##finding", false, 0, size) && !x->field.empty())
                s.request(cmd::GoToField{x->field, true});
            const int nth = ++findings_named[x->field];
            NoteItem(s, "finding." + x->field + (nth > 1 ? "#" + std::to_string(nth) : ""), x->message, "link");
            ImDrawList* dl = ImGui::GetWindowDrawList();
            dl->AddText(pos, ImGui::GetColorU32(ImGuiCol_Text), message.c_str(), message.c_str() + message.size());
            const float msg_h = ImGui::CalcTextSize(message.c_str()).y;
            dl->AddText(ImVec2(pos.x, pos.y + msg_h), colour::kMuted, clause.c_str(), clause.c_str() + clause.size());
            ImGui::PopID();
        }
    }
    if (!report) DrawUnitTargets(s, d);
}

Width width_class(float css_width, float ui_scale) {
    const float room = css_width / std::max(0.5f, ui_scale);
    return room < 700 ? Width::Narrow : room < 1200 ? Width::Medium : Width::Wide;
}

namespace {

// The page in the middle: 审阅's, or the current page of 申报. On a very wide screen a page
// of 申报 keeps a readable line length, centred (审阅's table keeps the width: its columns
// are what it is for).
void DrawMain(AppState& s, Draft* d, bool focus_form) {
    if (s.mode == Mode::Review) {
        DrawReviewCenter(s);
        return;
    }
    if (s.mode == Mode::Expert) {
        DrawExpertCenter(s);
        return;
    }
    // Pages of a draft fall back to the new-draft page when there is none.
    const Page page =
        !d && (s.page == Page::Form || s.page == Page::HandIn || s.page == Page::Revisions || s.page == Page::Report)
            ? Page::NewDraft
            : s.page;
    const float readable = 1000 * ImGui::GetFontSize() / 17;
    const float margin = std::max(0.0f, (ImGui::GetContentRegionAvail().x - readable) / 2);
    if (page == Page::Form || page == Page::Report) {  // a form of the draft: the 申报书, or a report
        const bool form = page == Page::Form;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + margin);
        form ? DrawDraftToolbar(s, *d) : DrawReportToolbar(s, *d);
        // The toolbar stays in view (打印, 导出, 提交 at hand); the form scrolls under it.
        if (focus_form) ImGui::SetNextWindowFocus();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + margin);
        ImGui::BeginChild(form ? "form_body" : "report_body", ImVec2(margin > 0 ? readable : 0, 0),
                          ImGuiChildFlags_None, kPanel | ImGuiWindowFlags_NavFlattened);
        ImGui::BeginDisabled(s.read_only);
        form ? DrawForm(s, *d) : DrawReport(s, *d);
        ImGui::EndDisabled();
        ImGui::EndChild();
        return;
    }
    if (margin > 0) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + margin);
        ImGui::BeginChild("page", ImVec2(readable, 0), ImGuiChildFlags_None, kPanel | ImGuiWindowFlags_NavFlattened);
    }
    switch (page) {
        case Page::Storage: DrawStorage(s); break;
        case Page::Revisions: DrawRevisions(s, *d); break;
        case Page::ImportReport: DrawImportReport(s); break;
        case Page::Trash: DrawTrash(s); break;
        case Page::HandIn: DrawHandIn(s, *d); break;
        case Page::NewDraft:
        case Page::Form:
        case Page::Report: DrawNewDraft(s); break;
    }
    if (margin > 0) ImGui::EndChild();
}

void DrawList(AppState& s) {
    s.drawing_region = Region::List;
    if (s.mode == Mode::Review)
        DrawReviewLeft(s);
    else if (s.mode == Mode::Expert)
        DrawExpertLeft(s);
    else
        DrawDraftList(s);
}

// What the checks pane shows: the draft's findings, or 审阅's totals.
bool HasChecks(AppState& s, Draft* d) { return s.mode != Mode::Drafting || (d && s.page != Page::NewDraft); }

void DrawChecksPane(AppState& s, Draft* d) {
    s.drawing_region = Region::Checks;
    if (s.mode == Mode::Review)
        DrawReviewTotals(s);
    else if (s.mode == Mode::Expert)
        DrawExpertChecks(s);
    else if (HasChecks(s, d))
        DrawChecks(s, *d);
}

// A side pane in the panels' grey.
template <class Draw>
void SidePane(const char* id, float width, Draw draw) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0xFFF4F1EE);
    ImGui::BeginChild(id, ImVec2(width, 0), ImGuiChildFlags_AlwaysUseWindowPadding, kPanel);
    draw();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// 快捷键 (F1): every key the app acts on, and what it does.
void DrawShortcuts(AppState& s) {
    if (s.shortcuts_open && !ImGui::IsPopupOpen("快捷键")) ImGui::OpenPopup("快捷键");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(vp->WorkSize.x - 16, vp->WorkSize.y - 16));
    if (!ImGui::BeginPopupModal("快捷键", &s.shortcuts_open, ImGuiWindowFlags_AlwaysAutoResize)) return;
    s.drawing_dialog = "快捷键";  // what is drawn now is the dialog's, for the accessibility tree
    static const char* const kKeys[][2] = {
        {"Tab / Shift+Tab", "下一项 / 上一项"},
        {"F6 / Shift+F6", "在顶栏、草稿列表、申报书和检查结果之间跳转"},
        {"Enter / 空格", "按下按钮、勾选、打开下拉列表；在输入框中开始输入"},
        {"Esc", "离开输入框（保留已输入的内容）、关闭菜单和本窗口"},
        {"方向键", "在列表、菜单和选项中移动"},
        {"Ctrl+S", "立即保存"},
        {"Ctrl+P", "打印申报书"},
        {"Ctrl+Z", "撤销"},
        {"Ctrl+Y / Ctrl+Shift+Z", "重做"},
        {"Ctrl+C / Ctrl+X / Ctrl+V / Ctrl+A", "复制、剪切、粘贴、全选（输入框中）"},
        {"右键 / 长按", "输入框的编辑菜单"},
        {"Ctrl+加号 / 减号 / 0", "浏览器缩放"},
        {"F1", "本快捷键列表"},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& row : kKeys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row[1]);
            NoteItem(s, std::string("shortcuts.") + row[0], std::string(row[0]) + "：" + row[1], "note");
        }
        ImGui::EndTable();
    }
    if (NamedButton(s, "关闭", "shortcuts.close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        s.shortcuts_open = false;
        ImGui::CloseCurrentPopup();
    }
    s.drawing_dialog.clear();
    ImGui::EndPopup();
}

// Narrow screens: the checks as a bar at the bottom that opens into a pane of their own.
void DrawChecksBar(AppState& s, Draft* d) {
    std::string text;
    if (s.mode == Mode::Review) {
        text = "汇总：" + std::to_string(s.review.items.size()) + " 份";
    } else if (s.mode == Mode::Expert) {
        text = "评审指标";
    } else {
        const AppState::PageChecks checks = s.page_checks(*d);
        const size_t errors = count_severity(checks.findings, Severity::Error);
        text = (errors ? std::to_string(errors) + " 个错误" : std::string("无错误")) + " · 完成 " +
               std::to_string(checks.completeness.percent()) + "%";
    }
    text += "  查看";
    ImGui::PushStyleColor(ImGuiCol_ChildBg, 0xFFF4F1EE);
    ImGui::BeginChild("checks_bar", ImVec2(0, ImGui::GetFrameHeight() + 12), ImGuiChildFlags_None,
                      kPanel | ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(8, 6));
    s.drawing_region = Region::Checks;
    if (ImGui::Button(text.c_str(), ImVec2(-8, 0))) s.request(cmd::ShowPane{Pane::Checks});
    NoteItem(s, "checks.open", text, "button");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void DrawApp(AppState& s) {
    ClearSubmittedItems();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    s.width = width_class(vp->WorkSize.x, s.scale());
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("shenbao", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    s.drawing_region = Region::TopBar;
    DrawTopBar(s);
    s.drawing_region = Region::Notices;  // each banner is a window of its own: Tab goes from one to the next
    DrawNotices(s);

    Draft* d = s.current();
    const bool focus_form = s.focus_form;
    auto main_pane = [&](float width, float height) {
        if (s.focus_form) {
            ImGui::SetNextWindowFocus();
            s.focus_form = false;
        }
        s.drawing_region = Region::Main;
        ImGui::BeginChild("form", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding, kPanel);
        DrawMain(s, d, focus_form);
        ImGui::EndChild();
    };
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
    if (s.width == Width::Wide) {
        const float left = std::clamp(width * 0.19f, 200.0f, 300.0f);
        const float right = std::clamp(width * 0.24f, 260.0f, 400.0f);
        SidePane("left", left, [&] { DrawList(s); });
        ImGui::SameLine(0, 0);
        main_pane(width - left - right, 0);
        ImGui::SameLine(0, 0);
        SidePane("checks", 0, [&] { DrawChecksPane(s, d); });
    } else if (s.width == Width::Medium) {
        // The list on demand beside the page; the checks beside it always.
        const bool list = s.pane == Pane::List;
        const float left = list ? std::clamp(width * 0.3f, 240.0f, 300.0f) : 0;
        const float right = HasChecks(s, d) ? std::clamp(width * 0.3f, 240.0f, 320.0f) : 0;
        if (list) {
            SidePane("left", left, [&] { DrawList(s); });
            ImGui::SameLine(0, 0);
        }
        main_pane(width - left - right, 0);
        if (right > 0) {
            ImGui::SameLine(0, 0);
            SidePane("checks", 0, [&] { DrawChecksPane(s, d); });
        }
    } else {
        // One pane at a time; the checks as a bar under the page.
        if (s.pane == Pane::List) {
            SidePane("left", 0, [&] { DrawList(s); });
        } else if (s.pane == Pane::Checks && HasChecks(s, d)) {
            SidePane("checks", 0, [&] {
                s.drawing_region = Region::Checks;
                if (ImGui::Button("← 返回")) s.request(cmd::ShowPane{Pane::Main});
                NoteItem(s, "checks.back", "← 返回", "button");
                ImGui::Spacing();
                DrawChecksPane(s, d);
            });
        } else {
            const bool bar = HasChecks(s, d);
            main_pane(0, bar ? -(ImGui::GetFrameHeight() + 12 + ImGui::GetStyle().ItemSpacing.y) : 0);
            if (bar) DrawChecksBar(s, d);
        }
    }
    ImGui::PopStyleVar();
    DrawEditMenu(s);
    DrawShortcuts(s);
    ImGui::End();
}

void DrawNewDraft(AppState& s) {
    const Programme& p = *s.programme;
    SectionHeading(s, "新建申报书", "请选择项目类别");
    ImGui::PushTextWrapPos(0);
    MutedText(
        ("申报计划：" + p.name + (s.programmes && s.programmes->all.size() > 1 ? "（可在本页末尾更换）" : "")).c_str());
    MutedText(("申报截止：" + p.deadline.chinese() + "。资助标准和条件见" + std::string("附件2") + "。").c_str());
    for (const KindRule& k : p.kinds) {
        ImGui::PushID(kind_key(k.id));
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
        ImGui::TextUnformatted(p.project_category_text(k.id).c_str());
        ImGui::PopStyleColor();
        ImGui::Text("资助标准：%s", k.funding.text.c_str());
        if (k.activity_window) ImGui::Text("时间范围：%s", k.activity_window->text.c_str());
        MutedText(k.content.c_str());
        for (const std::string& r : k.remarks) MutedText(("· " + r).c_str());
        if (k.route.type == Route::Type::Assessed) {
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
            ImGui::TextUnformatted(("本类别不单独申报：" + k.route.text + "。无需填写申报书。").c_str());
            ImGui::PopStyleColor();
        } else {
            if (k.route.type == Route::Type::SeparateCall) {
                ImGui::PushStyleColor(ImGuiCol_Text, colour::kWarning);
                ImGui::TextUnformatted(("注意：" + k.route.text + "。可先起草，正式申报以市科协通知为准。").c_str());
                ImGui::PopStyleColor();
            }
            const std::string label = "填写“" + k.name + "”申报书";
            const bool pressed = ImGui::Button(label.c_str());
            NoteItem(s, std::string("new.") + kind_key(k.id), label, "button");
            if (pressed) {
                s.request(cmd::NewDraft{k.id});
            }
        }
        ImGui::PopID();
    }
    // The call: the site ships every year's; the newest is the default, a choice is kept.
    // Last on the page, so that the kinds stay where the keyboard has always found them.
    if (s.programmes && s.programmes->all.size() > 1) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("更换申报计划");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(std::min(460.0f, ImGui::GetContentRegionAvail().x));
        const bool open = ImGui::BeginCombo("##call", p.name.c_str());
        NoteItem(s, "new.call", "申报计划", "combobox");
        if (open) {
            for (const Programme& call : s.programmes->all) {
                const std::string label = call.name + (&call == &s.programmes->newest() ? "（最新）" : "");
                if (ImGui::Selectable(label.c_str(), call.id == p.id) && call.id != p.id)
                    s.request(cmd::ChooseCall{call.id});
                NoteItem(s, "new.call." + call.id, call.name, "option");
                if (!call.about.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", call.about.c_str());
            }
            ImGui::EndCombo();
        }
        if (!p.about.empty()) MutedText(p.about.c_str());
    }
    ImGui::PopTextWrapPos();
    if (s.current() && ImGui::Button("返回")) s.request(cmd::ShowPage{Page::Form});
}

}  // namespace ui
