#include "item_hook.h"

#include <string_view>

namespace ui {

namespace {
std::vector<SubmittedItem> g_items;
}

void StartItemHook() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }
void ClearSubmittedItems() { g_items.clear(); }
const std::vector<SubmittedItem>& SubmittedItems() { return g_items; }

const SubmittedItem* FindSubmittedItem(ImGuiID id) {
    for (auto it = g_items.rbegin(); it != g_items.rend(); ++it)
        if (it->id == id) return &*it;
    return nullptr;
}

}  // namespace ui

// The hooks ImGui calls (declared in imgui_internal.h). ItemAdd comes first, for every
// item, seen or not; ItemInfo follows for the same item when it is not clipped.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
    ui::SubmittedItem item;
    item.id = id;
    item.rect = bb;
    if (data) item.item_flags = data->InFlags;
    ui::g_items.push_back(std::move(item));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (ui::g_items.empty() || ui::g_items.back().id != id) return;
    ui::SubmittedItem& item = ui::g_items.back();
    item.status = flags;
    if (label) {
        const std::string_view text(label);
        item.label = std::string(text.substr(0, text.find("##")));
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
