// Every item ImGui submits in a frame, as it reports them to the hooks it calls when built
// with IMGUI_ENABLE_TEST_ENGINE (imgui_internal.h): id, rectangle, flags and, for items
// on screen, label and status. Views write nothing for this; what only the app knows (a
// field's name in the form) is added by NoteItem.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace ui {

struct SubmittedItem {
    ImGuiID id = 0;
    ImRect rect;
    ImGuiItemFlags item_flags = 0;    // ImGuiItemFlags_Inputable for a text field, _Disabled
    ImGuiItemStatusFlags status = 0;  // ImGuiItemStatusFlags_Checkable, _Checked, _Openable…
    std::string label;                // what ImGui was given, without its ##id part
};

// Turns the hooks on for ImGui's current context; call once after creating it.
void StartItemHook();
// Forgets the previous frame's items; call before the first item of a frame.
void ClearSubmittedItems();
const std::vector<SubmittedItem>& SubmittedItems();
const SubmittedItem* FindSubmittedItem(ImGuiID id);

}  // namespace ui
