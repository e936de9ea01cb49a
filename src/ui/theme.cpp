// A light office theme: white form on a warm grey desk, blue accents, 17 px text.
#include <imgui.h>

#include <cmath>

#include "views.h"

namespace ui {

namespace {
bool g_touch = false;
}

bool TouchTheme() { return g_touch; }

void ApplyTheme(float ui_scale, bool touch) {
    g_touch = touch;
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameRounding = 3;
    style.PopupRounding = 3;
    style.GrabRounding = 3;
    style.TabRounding = 3;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.ItemInnerSpacing = ImVec2(6, 4);
    style.CellPadding = ImVec2(4, 3);
    style.ScrollbarSize = 14;
    style.IndentSpacing = 18;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.16f, 0.22f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.42f, 0.45f, 0.49f, 1);  // placeholders too: 4.8:1 on white
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    // Only frames have borders (fields, buttons, boxes). Drawn 1 px wide and smoothed, a
    // border shows lighter than this colour: measured 3.5:1 on white (access.test.mjs), so
    // that a field can be told from the page (WCAG 1.4.11 asks 3:1).
    c[ImGuiCol_Border] = ImVec4(0.36f, 0.39f, 0.44f, 1);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.95f, 0.97f, 1, 1);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.93f, 0.96f, 1, 1);
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.93f, 0.97f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.96f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.80f, 0.94f, 1);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.91f, 0.98f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.87f, 0.97f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.83f, 0.96f, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.93f, 0.94f, 0.96f, 1);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.98f, 0.98f, 0.99f, 1);
    c[ImGuiCol_Separator] = ImVec4(0.85f, 0.86f, 0.89f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.11f, 0.40f, 0.71f, 1);
    c[ImGuiCol_NavHighlight] = ImVec4(0.11f, 0.40f, 0.71f, 1);
    if (touch) {
        // A frame is the font (17 px) and its padding: 44 px at least, for a finger.
        style.FramePadding = ImVec2(12, 14);
        style.ItemSpacing = ImVec2(10, 10);
        style.ScrollbarSize = 18;
        style.GrabMinSize = 24;
    }
    style.ScaleAllSizes(ui_scale);
    // A table row's selectable reaches half the item spacing above and below its text: the
    // cell padding makes room for it, so that rows do not overlap.
    style.CellPadding.y = std::ceil(style.ItemSpacing.y / 2);
    ImGui::GetStyle() = style;
}

}  // namespace ui
