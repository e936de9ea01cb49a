// The browser entry point: a WebGL canvas (2, else 1), Dear ImGui, and the functions that
// web/platform.js calls (input, frames, storage and font callbacks, the test hook).
#include <GLES2/gl2.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>  // the input event queue

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "app.h"
#include "item_hook.h"
#include "platform.h"
#include "views.h"
#include "widgets.h"

namespace {

ui::App* g_app = nullptr;  // made in main, lives for the page's life
std::string g_clipboard;   // what the app last copied or was pasted, for ImGui
float g_dpr = 1.0f;
bool g_ctrl_is_super = false;  // macOS: Cmd does what Ctrl does elsewhere
// ImGui reverts a text field to what it held when entered if Escape is pressed in it: the
// typing of a whole session could vanish. Escape here only leaves the field, keeping
// every character (the text is already in the model: edits are applied as typed).
bool g_leave_field = false;

constexpr float kFontCssPx = 17.0f;

// A fingerprint of what a frame drew: its vertices, indices and draw commands.
uint64_t picture_hash(const ImDrawData* data) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* bytes, size_t n) {
        const unsigned char* p = static_cast<const unsigned char*>(bytes);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t word;
            std::memcpy(&word, p + i, 8);
            h = (h ^ word) * 1099511628211ull;
        }
        for (; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        mix(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        mix(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            mix(&cmd.ClipRect, sizeof cmd.ClipRect);
            mix(&cmd.TextureId, sizeof cmd.TextureId);
            mix(&cmd.ElemCount, sizeof cmd.ElemCount);
        }
    }
    return h;
}

ImGuiKey key_from_code(const char* code) {
    static const std::unordered_map<std::string, ImGuiKey> table = [] {
        std::unordered_map<std::string, ImGuiKey> t = {
            {"Tab", ImGuiKey_Tab},
            {"ArrowLeft", ImGuiKey_LeftArrow},
            {"ArrowRight", ImGuiKey_RightArrow},
            {"ArrowUp", ImGuiKey_UpArrow},
            {"ArrowDown", ImGuiKey_DownArrow},
            {"PageUp", ImGuiKey_PageUp},
            {"PageDown", ImGuiKey_PageDown},
            {"Home", ImGuiKey_Home},
            {"End", ImGuiKey_End},
            {"Insert", ImGuiKey_Insert},
            {"Delete", ImGuiKey_Delete},
            {"Backspace", ImGuiKey_Backspace},
            {"Space", ImGuiKey_Space},
            {"Enter", ImGuiKey_Enter},
            {"NumpadEnter", ImGuiKey_KeypadEnter},
            {"Escape", ImGuiKey_Escape},
            {"F1", ImGuiKey_F1},
            {"F6", ImGuiKey_F6},
            {"ControlLeft", ImGuiKey_LeftCtrl},
            {"ControlRight", ImGuiKey_RightCtrl},
            {"ShiftLeft", ImGuiKey_LeftShift},
            {"ShiftRight", ImGuiKey_RightShift},
            {"AltLeft", ImGuiKey_LeftAlt},
            {"AltRight", ImGuiKey_RightAlt},
            {"MetaLeft", ImGuiKey_LeftSuper},
            {"MetaRight", ImGuiKey_RightSuper},
        };
        for (int i = 0; i < 26; ++i)
            t[std::string("Key") + static_cast<char>('A' + i)] = static_cast<ImGuiKey>(ImGuiKey_A + i);
        for (int i = 0; i < 10; ++i)
            t[std::string("Digit") + static_cast<char>('0' + i)] = static_cast<ImGuiKey>(ImGuiKey_0 + i);
        for (int i = 0; i < 12; ++i) t["F" + std::to_string(i + 1)] = static_cast<ImGuiKey>(ImGuiKey_F1 + i);
        return t;
    }();
    auto it = table.find(code);
    return it == table.end() ? ImGuiKey_None : it->second;
}

void set_mods(int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, mods & 1);
    io.AddKeyEvent(ImGuiMod_Shift, mods & 2);
    io.AddKeyEvent(ImGuiMod_Alt, mods & 4);
    io.AddKeyEvent(ImGuiMod_Super, mods & 8);
}

// App-level shortcuts, when no text field has the keyboard.
void handle_shortcuts(ui::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false)) app.state.request(ui::cmd::ShowShortcuts{});
    if (ImGui::IsKeyPressed(ImGuiKey_F6, false)) app.state.request(ui::cmd::NextRegion{!io.KeyShift});
    const bool shortcut = g_ctrl_is_super ? io.KeySuper : io.KeyCtrl;
    if (!shortcut) return;
    if (ImGui::IsKeyPressed(ImGuiKey_S, false)) app.state.request(ui::cmd::SaveNow{});
    // Ctrl+P prints the application (or the report on screen), not the page around it.
    if (ImGui::IsKeyPressed(ImGuiKey_P, false) && app.state.current()) {
        if (app.state.page == ui::Page::Report)
            app.state.request(ui::cmd::PrintReport{});
        else
            app.state.request(ui::cmd::HandIn{app.state.current_id, ui::cmd::HandInWay::Print});
    }
    if (io.WantTextInput) return;  // inside a field, Ctrl+Z undoes typing in that field
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false))
        io.KeyShift ? app.state.request(ui::cmd::Redo{}) : app.state.request(ui::cmd::Undo{});
    if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) app.state.request(ui::cmd::Redo{});
}

// Hands a string to JavaScript: ccall copies it at once, so one buffer serves every call.
const char* to_js(std::string text) {
    static std::string buffer;
    buffer = std::move(text);
    return buffer.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int shenbao_frame() {
    ui::App& app = *g_app;
    if (app.state.fonts.update()) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    // Leave the field only once the characters typed before Escape have reached it
    // (queue empty before this frame), and before drawing, so that the field sees its
    // deactivation this frame and the edit becomes an undo step.
    const bool leave_field = g_leave_field && ImGui::GetCurrentContext()->InputEventsQueue.Size == 0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (leave_field) {
        ImGui::ClearActiveID();
        g_leave_field = false;
    }
    handle_shortcuts(app);
    app.state.focused_field.clear();
    app.state.layout.clear();
    app.follow_current_call();
    ui::DrawApp(app.state);
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    // The renderer leaves its state behind (it keeps none, see CMakeLists.txt): the clear
    // must not be clipped to its last scissor rectangle.
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, static_cast<int>(io.DisplaySize.x * g_dpr), static_cast<int>(io.DisplaySize.y * g_dpr));
    glClearColor(0.95f, 0.95f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    int wanted = app.after_frame();
    // ImGui settles a change over a frame or more (navigation, scrolling, layout that
    // depends on the last frame): frames go on until one draws what the last one drew.
    static uint64_t last_picture = 0;
    const uint64_t picture = picture_hash(ImGui::GetDrawData());
    if (picture != last_picture) wanted = std::max(wanted, 1);
    last_picture = picture;
    // Held keys repeat and held buttons drag: keep drawing while anything is down.
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END && wanted == 0; ++k)
        if (ImGui::IsKeyDown(static_cast<ImGuiKey>(k)) && k != ImGuiMod_Ctrl && k != ImGuiMod_Shift &&
            k != ImGuiMod_Alt && k != ImGuiMod_Super)
            wanted = 1;
    if (ImGui::IsAnyMouseDown()) wanted = std::max(wanted, 1);
    // Keyboard navigation resolves over frames (a focus or tab request is scored in one
    // frame and applied in the next): it may change nothing visible until it lands.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavMoveScoringItems || g.NavMoveSubmitted || g.NavNextActivateId != 0 || g.NavActivateId != 0)
        wanted = std::max(wanted, 1);
    // ImGui spreads a burst of input over frames (one key transition per frame); events
    // still queued need frames of their own, or fast typing would wait for the next event.
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || g_leave_field) wanted = std::max(wanted, 2);
    return wanted;
}

EMSCRIPTEN_KEEPALIVE void shenbao_resize(float css_w, float css_h, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    // Shorter, as when an on-screen keyboard takes the lower half: keep the field in view.
    if (css_h < io.DisplaySize.y && ImGui::GetActiveID() != 0) g_app->state.reveal_active = true;
    io.DisplaySize = ImVec2(css_w, css_h);
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    g_dpr = dpr;
    g_app->on_resize(css_w, dpr);
}

EMSCRIPTEN_KEEPALIVE void shenbao_key(const char* code, int down, int mods) {
    set_mods(mods);
    ImGuiKey key = key_from_code(code);
    if (key == ImGuiKey_Escape && ImGui::GetIO().WantTextInput) {
        if (down) g_leave_field = true;
        return;
    }
    if (key == ImGuiKey_Tab && down && !(mods & 1) && g_app->tab_out_of_region((mods & 2) != 0)) return;
    if (key != ImGuiKey_None) ImGui::GetIO().AddKeyEvent(key, down != 0);
}

EMSCRIPTEN_KEEPALIVE void shenbao_text(const char* utf8) {
    g_app->on_text_typed(utf8);
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

// A paste goes through ImGui's own paste, which keeps single-line fields single-line and
// replaces a selection as one step.
EMSCRIPTEN_KEEPALIVE void shenbao_paste(const char* utf8) {
    g_clipboard = utf8;
    g_app->on_text_typed(g_clipboard);
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = g_ctrl_is_super ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
}

// The accessibility mirror's element for an item was activated (a screen reader's click)
// or, for a text field, focused.
EMSCRIPTEN_KEEPALIVE void shenbao_mirror_activate(const char* name) { ui::ActivateNamedItem(g_app->state, name); }
EMSCRIPTEN_KEEPALIVE void shenbao_mirror_focus(const char* name) {
    if (ImGui::GetActiveID() == 0) ui::ActivateNamedItem(g_app->state, name);
}

// The browser's find in page matched a text of the field at `path` (in the mirror's find
// text, hidden until found): the app shows the field.
EMSCRIPTEN_KEEPALIVE void shenbao_find_reveal(const char* path) {
    g_app->state.request(ui::cmd::GoToField{path});
    platform::request_frames(2);
}

EMSCRIPTEN_KEEPALIVE void shenbao_paste_refused() {
    g_app->state.notices.push_back(g_ctrl_is_super
                                       ? "浏览器不允许网页读取剪贴板：请按 Command+V 粘贴"
                                       : "浏览器不允许网页读取剪贴板：请按 Ctrl+V 粘贴（手机上可用输入法的粘贴键）");
}

EMSCRIPTEN_KEEPALIVE void shenbao_mouse_pos(float x, float y, int touch) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x, y);
}

EMSCRIPTEN_KEEPALIVE void shenbao_mouse_button(int button, int down) {
    ImGui::GetIO().AddMouseButtonEvent(button, down != 0);
}
EMSCRIPTEN_KEEPALIVE void shenbao_wheel(float dx, float dy) { ImGui::GetIO().AddMouseWheelEvent(dx, dy); }
// A finger drawn dx, dy CSS pixels: the content follows the finger. ImGui scrolls a wheel
// step by five lines of text (imgui.cpp, UpdateMouseWheel).
EMSCRIPTEN_KEEPALIVE void shenbao_touch_scroll(float dx, float dy) {
    const float step = 5.0f * std::max(1.0f, ImGui::GetFontSize());
    ImGui::GetIO().AddMouseWheelEvent(dx / step, dy / step);
}
EMSCRIPTEN_KEEPALIVE void shenbao_focus(int focused) { ImGui::GetIO().AddFocusEvent(focused != 0); }
EMSCRIPTEN_KEEPALIVE int shenbao_wants_text() { return ImGui::GetIO().WantTextInput ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE void shenbao_sync_done(int ok) { g_app->on_sync_done(ok != 0); }
// A photo's thumbnail decoded (platform::decode_thumbnail): made a texture the app draws.
EMSCRIPTEN_KEEPALIVE void shenbao_thumbnail(const char* key, int w, int h, const unsigned char* rgba) {
    ui::Thumbnail& t = g_app->state.thumbnails[key];
    t = ui::Thumbnail{};
    t.ready = true;
    if (w <= 0 || h <= 0) return;  // not decodable: the list says so
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    t.texture = texture;
    t.width = w;
    t.height = h;
}

EMSCRIPTEN_KEEPALIVE void shenbao_font_loaded(int tag, int ok) { g_app->state.fonts.on_file_loaded(tag, ok != 0); }
EMSCRIPTEN_KEEPALIVE void shenbao_online() { g_app->state.fonts.retry_failed(); }
EMSCRIPTEN_KEEPALIVE void shenbao_flush() { g_app->save_now(); }

EMSCRIPTEN_KEEPALIVE void shenbao_import_file(const char* name, const unsigned char* data, int length) {
    g_app->import_file(name, std::string_view(reinterpret_cast<const char*>(data), static_cast<size_t>(length)));
}

EMSCRIPTEN_KEEPALIVE void shenbao_set_writer(int writer, int lost) { g_app->set_writer(writer != 0, lost != 0); }
EMSCRIPTEN_KEEPALIVE void shenbao_release_requested() { g_app->release_requested(); }
EMSCRIPTEN_KEEPALIVE void shenbao_update_available() { g_app->state.update_available = true; }
EMSCRIPTEN_KEEPALIVE void shenbao_storage_info(int persisted, double usage, double quota) {
    g_app->storage_info(persisted, usage, quota);
}
EMSCRIPTEN_KEEPALIVE void shenbao_restore_backup(const unsigned char* data, int length) {
    g_app->restore_backup(std::string_view(reinterpret_cast<const char*>(data), static_cast<size_t>(length)));
}

EMSCRIPTEN_KEEPALIVE void shenbao_import_done() {
    // Between frames: the import report replaces the page being shown.
    g_app->import_done();
}

EMSCRIPTEN_KEEPALIVE const char* shenbao_focused_field() { return g_app->state.focused_field.c_str(); }
EMSCRIPTEN_KEEPALIVE int shenbao_input_pending() {
    return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0 || g_leave_field ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* shenbao_current_findings_json() { return to_js(g_app->current_findings_json()); }

EMSCRIPTEN_KEEPALIVE const char* shenbao_layout_json() { return to_js(g_app->layout_json()); }

// Between frames the current font may be one the atlas has since rebuilt: ask the atlas.
EMSCRIPTEN_KEEPALIVE int shenbao_has_glyph(unsigned codepoint) {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return !atlas->Fonts.empty() && atlas->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* shenbao_status_json() { return to_js(g_app->status_json()); }

EMSCRIPTEN_KEEPALIVE const char* shenbao_review_json() { return to_js(g_app->review_json()); }
EMSCRIPTEN_KEEPALIVE const char* shenbao_expert_json() { return to_js(g_app->expert_json()); }

EMSCRIPTEN_KEEPALIVE const char* shenbao_drafts_json() { return to_js(g_app->drafts_json()); }

EMSCRIPTEN_KEEPALIVE const char* shenbao_current_draft_json() { return to_js(g_app->current_draft_json()); }

}  // extern "C"

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.alpha = false;
    attrs.antialias = false;
    attrs.preserveDrawingBuffer = true;  // screenshots of an idle page show the last frame
    // Only the extension the renderer needs is enabled (below): enabling every one the
    // browser offers took tens of milliseconds of the first frame.
    attrs.enableExtensionsByDefault = false;
    // WebGL 2 where there is one, else WebGL 1 (the renderer speaks GLSL 1.00 to both).
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = 0;
    for (int major : {2, 1}) {
        attrs.majorVersion = major;
        ctx = emscripten_webgl_create_context("#canvas", &attrs);
        if (ctx > 0) break;
    }
    if (ctx <= 0) {
        // platform.js checks for WebGL before loading the app and shows the plain page
        // then; this is for a context lost between that check and here.
        EM_ASM({ shenbaoPlatform.noWebGL(); });
        return 1;
    }
    emscripten_webgl_make_context_current(ctx);
    // ImGui's renderer keeps its state in a vertex array object: core in WebGL 2, an
    // extension in WebGL 1 (which every WebGL 1 of the browsers we support has).
    if (attrs.majorVersion == 1) emscripten_webgl_enable_extension(ctx, "OES_vertex_array_object");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ui::StartItemHook();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing to remember
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would draw while idle
    io.ConfigMacOSXBehaviors = g_ctrl_is_super =
        EM_ASM_INT({ return / Mac | iPhone | iPad /.test(navigator.platform || navigator.userAgent) ? 1 : 0; }) != 0;
    io.GetClipboardTextFn = [](void*) -> const char* { return g_clipboard.c_str(); };
    io.SetClipboardTextFn = [](void*, const char* text) {
        g_clipboard = ui::ClipboardText(text);
        platform::set_clipboard_text(g_clipboard);
    };
    io.SetPlatformImeDataFn = [](ImGuiViewport*, ImGuiPlatformImeData* data) {
        if (data->WantVisible) platform::set_ime_rect(data->InputPos.x, data->InputPos.y, data->InputLineHeight);
    };

    static ui::App app;
    g_app = &app;
    std::string error;
    if (!app.init(error)) {
        EM_ASM({ shenbaoPlatform.fail(UTF8ToString($0)); }, error.c_str());
        return 1;
    }
    g_dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    app.state.screen_scale = ui::screen_text_scale(EM_ASM_DOUBLE({ return window.innerWidth; }), g_dpr);
    ui::ApplyTheme(app.state.scale(), platform::coarse_pointer());
    if (!app.state.fonts.init(kFontCssPx, app.state.scale(), g_dpr)) {
        EM_ASM({ shenbaoPlatform.fail('字体文件缺失，请刷新页面'); });
        return 1;
    }
    ImGui_ImplOpenGL3_Init("#version 100");
    EM_ASM({ shenbaoPlatform.started(); });
    return 0;  // the runtime stays alive (EXIT_RUNTIME=0); frames are driven by the page
}
