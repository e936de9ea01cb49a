#include "widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetFocusID
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "date.h"
#include "item_hook.h"
#include "platform.h"
#include "soft_wrap.h"
#include "text.h"
#include "views.h"

namespace ui {

using shenbao::Finding;
using shenbao::Severity;

namespace {

bool path_matches(const std::string& field, const std::string& path) { return field == path; }

// A missing value is marked in place only once its field was visited (or all are asked
// for): a blank form should not greet a person with a wall of red.
bool shown_in_place(const Draft& d, const Finding& x) {
    return x.severity != Severity::Info && (!x.missing || d.mark_all || d.touched.count(x.field));
}

// The label a field is known by: the one drawn beside it (set by Label()).
std::string g_field_label;

// Label column: the label, a red * for required fields, right-aligned.
void Label(FormContext& f, const char* label, bool required) {
    g_field_label = label;
    if (!f.stacked) ImGui::AlignTextToFramePadding();
    const float text_w = ImGui::CalcTextSize(label).x + (required ? ImGui::CalcTextSize(" *").x : 0);
    const float x = ImGui::GetCursorPosX();
    if (!f.stacked) ImGui::SetCursorPosX(x + std::max(0.0f, f.label_width - text_w - 12));
    ImGui::TextUnformatted(label);
    if (required) {
        ImGui::SameLine(0, 2);
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
        ImGui::TextUnformatted("*");
        ImGui::PopStyleColor();
    }
    if (!f.stacked) ImGui::SameLine(x + f.label_width);
}

// Borders the field in the colour of its worst finding.
struct FieldFrame {
    int pushed = 0;
    explicit FieldFrame(int worst) {
        if (worst == static_cast<int>(Severity::Error) || worst == static_cast<int>(Severity::Warning)) {
            ImGui::PushStyleColor(ImGuiCol_Border, worst == 0 ? colour::kError : colour::kWarning);
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
            pushed = 1;
        }
    }
    ~FieldFrame() {
        if (pushed) {
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
        }
    }
};

int worst_at(const FormContext& f, const std::string& path) {
    int worst = -1;
    for (const Finding& x : f.shown_findings())
        if (path_matches(x.field, path) && shown_in_place(f.draft, x))
            worst = worst < 0 ? static_cast<int>(x.severity) : std::min(worst, static_cast<int>(x.severity));
    return worst;
}

void take_focus_request(FormContext& f, const std::string& path) {
    if (f.state.focus_field != path) return;
    ImGui::SetKeyboardFocusHere();
    ImGui::SetScrollHereY(0.3f);
    f.state.focus_field.clear();
}

// Notes which field has the keyboard (for the read-only test hook). A text field counts
// once it is active (it takes typing from then on), anything else once it has focus.
void note_focus(FormContext& f, const std::string& path, bool text_input = true) {
    if (text_input ? ImGui::IsItemActive() : ImGui::IsItemFocused()) f.state.focused_field = path;
}

// A request to put the keyboard on this field without activating it: no keystroke can
// replace its text by accident. With the focus ring hidden (a draft just opened), the
// first Tab enters this field; with it shown (after a suggestion was picked), Tab goes on
// to the next field, as in a browser's form.
void take_nav_request(FormContext& f, const std::string& path, bool show_ring = false) {
    if (f.state.nav_field != path) return;
    ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    if (show_ring) ImGui::GetCurrentContext()->NavDisableHighlight = false;
    f.state.nav_field.clear();
}

// Reports the last item's edits, and that the field was visited once it is left.
bool after_edit(FormContext& f, const std::string& path) {
    note_focus(f, path);
    NoteItem(f.state, path, g_field_label, "textbox");
    bool edited = ImGui::IsItemEdited();
    if (edited) f.edited(false);
    if (ImGui::IsItemDeactivatedAfterEdit()) f.edited(true);
    if (ImGui::IsItemDeactivated()) f.draft.touched.insert(path);
    return edited;
}

float field_width(float fraction = 1.0f) { return std::max(120.0f, ImGui::GetContentRegionAvail().x * fraction); }

int number_filter(ImGuiInputTextCallbackData* data) {
    ImWchar c = data->EventChar;
    if (c >= '0' && c <= '9') return 0;
    if (c >= 0xFF10 && c <= 0xFF19) {
        data->EventChar = static_cast<ImWchar>('0' + (c - 0xFF10));
        return 0;
    }
    return 1;
}

}  // namespace

void FieldLabel(FormContext& f, const char* label, bool required) { Label(f, label, required); }

void FormContext::edited(bool finished) const { state.changed(draft, finished && undoable); }

std::string LocalTime(const std::string& iso_utc) {
    const auto seconds = shenbao::iso_utc_seconds(iso_utc);
    return shenbao::local_time_text(iso_utc, seconds ? platform::utc_offset_minutes(*seconds) : 0);
}

int MoneyCharFilter(ImGuiInputTextCallbackData* data) {
    ImWchar c = data->EventChar;
    if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == 0x5143 /* 元 */) return 0;
    if (c >= 0xFF10 && c <= 0xFF19) {
        data->EventChar = static_cast<ImWchar>('0' + (c - 0xFF10));
        return 0;
    }
    if (c == 0x3002 || c == 0xFF0E) {
        data->EventChar = '.';
        return 0;
    }  // 。 and ． typed in Chinese mode
    if (c == 0xFF0C) {
        data->EventChar = ',';
        return 0;
    }  // ，
    return 1;
}

void FocusRequestedItem(AppState& s, const std::string& path) {
    if (s.focus_field != path) return;
    ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
    ImGui::GetCurrentContext()->NavDisableHighlight = false;  // the ring shows where the keyboard is
    ImGui::SetScrollFromPosY(ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y, 0.3f);
    s.focus_field.clear();
}

void NoteItem(AppState& s, const std::string& name, const std::string& label, const char* role,
              std::optional<std::string> value) {
    if (s.focus_item == name) {
        s.focus_item.clear();
        if (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() != ImGui::GetItemID()) ImGui::ClearActiveID();
        ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
        ImGui::GetCurrentContext()->NavDisableHighlight = false;  // the ring shows where the keyboard is
        ImGui::GetCurrentContext()->NavDisableMouseHover = true;
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    if (ImGui::IsItemFocused()) s.focused_region = s.drawing_region;
    if (s.activate_item == name) {
        // The keyboard position goes to it first: an item scrolled out of view is skipped
        // by ImGui unless it has the keyboard. Activation lands in the next frame.
        s.activate_item.clear();
        const ImGuiID id = ImGui::GetItemID();
        ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
        ImGui::ActivateItemByID(id);
        if (std::string_view(role) == "textbox")
            ImGui::GetCurrentContext()->NavNextActivateFlags =
                ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
    }
    if (s.reveal_active && ImGui::IsItemActive()) {
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
        s.reveal_active = false;
    }
    // What can be seen of it: the item cut by its window (a scrolled-out or cut-off item
    // has no size, as for a person who cannot click it there).
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    r.ClipWithFull(ImGui::GetCurrentWindow()->ClipRect);
    const float w = std::max(0.0f, r.GetWidth()), h = std::max(0.0f, r.GetHeight());
    const float label_w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    s.layout.push_back({name, label, role, r.Min.x, r.Min.y, w, h, label_w, ImGui::GetItemRectSize().y,
                        ImGui::GetItemRectSize().x, ImGui::GetItemID(), s.drawing_region,
                        ImGui::IsItemFocused() || ImGui::IsItemActive(),
                        (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0, s.drawing_dialog, std::move(value)});
}

std::string FitText(const std::string& text, float width) {
    return shenbao::elide_middle(
        text, width, [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; });
}

void FittedText(const std::string& text, float width) {
    const std::string shown = FitText(text, width);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    if (shown.size() != text.size() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

std::string ShortLocalTime(const std::string& iso_utc, const shenbao::Date& today) {
    const std::string local = LocalTime(iso_utc);  // 2026-11-29 20:26 when it is a time at all
    if (!shenbao::iso_utc_seconds(iso_utc)) return local;
    return local.compare(0, 10, today.iso()) == 0 ? local.substr(11) : local.substr(5, 5);
}

namespace {
const std::string& wrapped_view(const std::string& path, const std::string& text, float wrap_width);
}

const std::string& WrappedText(const std::string& key, const std::string& text, float width) {
    return wrapped_view(key, text, width);
}

std::string ScoreText(double score) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", score);
    return buffer;
}

void ErrorList(const char* title, const std::vector<std::string>& reasons) {
    if (reasons.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kError);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(title);
    for (const std::string& r : reasons) ImGui::TextUnformatted(r.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void MutedText(const std::string& text) {
    // Wrapped by the Chinese line-breaking rules (ImGui would break only at spaces, then
    // anywhere: a bullet's text on the next line, an opening bracket at a line's end).
    const std::string& shown = wrapped_view("muted\n" + text, text, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    ImGui::PopStyleColor();
}

bool MinorButton(const char* label) { return TouchTheme() ? ImGui::Button(label) : ImGui::SmallButton(label); }

void SectionHeading(AppState& s, const char* title, const char* subtitle) {
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::SetWindowFontScale(1.12f);
    ImGui::TextUnformatted(title);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    NoteItem(s, std::string("heading.") + title, subtitle ? std::string(title) + " " + subtitle : title, "heading");
    if (subtitle) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
        ImGui::TextUnformatted(subtitle);
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
    ImGui::Spacing();
}

void MarkVisited(Draft& d, const std::string& path) { d.touched.insert(path); }

bool ShownInPlace(const Draft& d, const Finding& x) { return shown_in_place(d, x); }

int WorstFinding(const Draft& d, const std::string& prefix) {
    int worst = -1;
    for (const Finding& x : d.findings)
        if (shown_in_place(d, x) && x.field.compare(0, prefix.size(), prefix) == 0)
            worst = worst < 0 ? static_cast<int>(x.severity) : std::min(worst, static_cast<int>(x.severity));
    return worst;
}

int FieldFindings(FormContext& f, const std::string& path, bool reserve) {
    int worst = -1;
    for (const Finding& x : f.shown_findings()) {
        if (!path_matches(x.field, path) || !shown_in_place(f.draft, x)) continue;
        worst = worst < 0 ? static_cast<int>(x.severity) : std::min(worst, static_cast<int>(x.severity));
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + f.label_width);
        ImGui::PushStyleColor(ImGuiCol_Text, x.severity == Severity::Error ? colour::kError : colour::kWarning);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(x.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (worst < 0 && reserve) ImGui::Dummy(ImVec2(0, ImGui::GetTextLineHeight()));  // the message's line, kept
    return worst;
}

bool TextField(FormContext& f, const std::string& path, const char* label, std::string& value, const char* hint,
               bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited;
    {
        FieldFrame frame(worst_at(f, path));
        take_focus_request(f, path);
        ImGui::SetNextItemWidth(field_width());
        ImGui::InputTextWithHint("##v", hint ? hint : "", &value);
        take_nav_request(f, path);
        edited = after_edit(f, path);
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

namespace {

// The open editor of a long text. ImGui 1.90's multi-line input breaks lines only at
// '\n': the editor is given the text with soft breaks where rows are full, and after
// every edit (and when its width changes) the text is re-wrapped and the caret put back
// in its place (src/core/soft_wrap.h). The model only ever gets the text without them.
struct WrapEditor {
    std::string path;    // the field being edited
    int frame = -1;      // the last frame that drew it: an editor not drawn since is closed
    std::string buffer;  // the editor's buffer: the text with soft breaks (ImGui writes in it)
    std::string shown;   // what it held after the last change: an edit is told by comparing
    float wrap_width = 0;
    int last_cursor = 0;
    ImGuiID id = 0;
};
WrapEditor g_wrap;

// Rows as ImGui wraps them (at spaces, or anywhere in Chinese), then moved by the
// Chinese line-breaking rules.
shenbao::RowFit row_fit(float wrap_width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    // ImGui's own word wrap takes a run of Chinese for one word and breaks only at spaces;
    // here a row breaks after any character that fits, except inside a Latin word (an
    // e-mail address, a number), and never before closing or after opening punctuation.
    return [font, scale, wrap_width](std::string_view line) -> size_t {
        const char* const begin = line.data();
        const char* const end = begin + line.size();
        const char* p = begin;
        float width = 0;
        while (p < end) {
            unsigned int c = 0;
            const int length = ImTextCharFromUtf8(&c, p, end);
            const float advance = font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
            if (width + advance > wrap_width && p > begin) break;
            width += advance;
            p += length > 0 ? length : 1;
        }
        size_t at = static_cast<size_t>(p - begin);
        if (at >= line.size()) return line.size();
        auto latin = [](char ch) { return static_cast<unsigned char>(ch) < 0x80 && ch != ' '; };
        if (latin(line[at - 1]) && latin(line[at])) {
            size_t word = at;
            while (word > 0 && latin(line[word - 1])) --word;
            if (word > 0) at = word;
        }
        while (at < line.size() && line[at] == ' ') ++at;  // spaces end a row, never start one
        return shenbao::kinsoku_break(line, at);
    };
}

// The width rows are wrapped to, in the view and in the editor alike: the editor's
// width less its scrollbar.
float wrap_width_of(float field_width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    return field_width - style.FramePadding.x * 2 - style.ScrollbarSize - 2;
}

// The text of a long field as shown when it is not being edited, wrapped like the editor
// wraps it; kept between frames while the text, the width and the font stay the same (a
// character still on its way is measured as a space: the rows change when it arrives).
const std::string& wrapped_view(const std::string& path, const std::string& text, float wrap_width) {
    struct Cached {
        std::string text, wrapped;
        float width = -1, font_size = 0;
        int glyphs = 0;
    };
    static std::unordered_map<std::string, Cached> cache;
    if (cache.size() > 4096) cache.clear();  // texts that change (times, counts) would pile up
    Cached& c = cache[path];
    const int glyphs = ImGui::GetFont()->Glyphs.Size;
    if (c.width != wrap_width || c.font_size != ImGui::GetFontSize() || c.glyphs != glyphs || c.text != text) {
        c.text = text;
        c.width = wrap_width;
        c.font_size = ImGui::GetFontSize();
        c.glyphs = glyphs;
        c.wrapped = shenbao::soft_wrap(shenbao::normalise_breaks(text), row_fit(wrap_width));
    }
    return c.wrapped;
}

int wrap_callback(ImGuiInputTextCallbackData* data) {
    const std::string_view buffer(data->Buf, static_cast<size_t>(data->BufTextLen));
    const float width = *static_cast<float*>(data->UserData);
    auto replace = [data](const shenbao::SoftEdit& e) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, e.shown.data(), e.shown.data() + e.shown.size());
        data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(e.cursor);
        g_wrap.shown = e.shown;
    };
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) {
        replace(shenbao::soft_edit(g_wrap.shown, buffer, static_cast<size_t>(data->CursorPos),
                                   ImGui::IsKeyPressed(ImGuiKey_Backspace), row_fit(width)));
    } else if (width != g_wrap.wrap_width) {
        // Another width (the window was resized, or the page zoomed): the same text, rows anew.
        g_wrap.wrap_width = width;
        const size_t kept_cursor = shenbao::kept_position(buffer, static_cast<size_t>(data->CursorPos));
        shenbao::SoftEdit e;
        e.shown = shenbao::soft_wrap(shenbao::soft_unwrap(buffer), row_fit(width));
        e.cursor = shenbao::shown_position(e.shown, kept_cursor);
        replace(e);
    } else {
        // The caret never rests inside a soft break: it goes on the way it was moving.
        auto outside = [&](int pos, bool forward) {
            return static_cast<int>(shenbao::caret_outside_soft_break(buffer, static_cast<size_t>(pos), forward));
        };
        const bool forward = data->CursorPos >= g_wrap.last_cursor;
        const int cursor = outside(data->CursorPos, forward);
        if (cursor != data->CursorPos) {
            const bool no_selection = data->SelectionStart == data->SelectionEnd;
            data->CursorPos = cursor;
            if (no_selection) data->SelectionStart = data->SelectionEnd = cursor;
        }
        data->SelectionStart = outside(data->SelectionStart, forward);
        data->SelectionEnd = outside(data->SelectionEnd, forward);
    }
    g_wrap.last_cursor = data->CursorPos;
    return 0;
}

bool WrappedTextEditor(FormContext& f, const std::string& path, std::string& value, ImVec2 size) {
    float wrap_width = wrap_width_of(size.x);
    const bool opening = g_wrap.path != path || g_wrap.frame != ImGui::GetFrameCount() - 1;
    g_wrap.frame = ImGui::GetFrameCount();
    if (opening) {
        // The editor takes its text when it opens; from then on the callback keeps it.
        g_wrap.path = path;
        g_wrap.wrap_width = wrap_width;
        g_wrap.shown = g_wrap.buffer = shenbao::soft_wrap(shenbao::normalise_breaks(value), row_fit(wrap_width));
        g_wrap.last_cursor = 0;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::InputTextMultiline("##edit", &g_wrap.buffer, size,
                              ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways, wrap_callback,
                              &wrap_width);
    g_wrap.id = ImGui::GetItemID();
    if (ImGui::IsItemEdited()) value = shenbao::soft_unwrap(g_wrap.buffer);
    const bool edited = after_edit(f, path);
    if (ImGui::IsItemDeactivated()) {
        f.state.editing_long_field.clear();
        g_wrap.path.clear();
    }
    return edited;
}

}  // namespace

void MutedParagraph(const char* key, const std::string& text) {
    if (text.empty()) {
        MutedText("—");
        return;
    }
    const std::string& shown = wrapped_view(key, text, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
    ImGui::PopStyleColor();
}

std::string ClipboardText(const char* copied) {
    const bool from_editor = !g_wrap.path.empty() && g_wrap.id != 0 && ImGui::GetActiveID() == g_wrap.id;
    return from_editor ? shenbao::soft_unwrap(copied) : std::string(copied);
}

bool LongTextField(FormContext& f, const std::string& path, const char* label, std::string& value, const char* hint,
                   bool required, float lines) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited = false;
    const float width = field_width();
    const float height = ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2;
    {
        FieldFrame frame(worst_at(f, path));
        const bool requested = f.state.focus_field == path;
        if (requested) {
            f.state.editing_long_field = path;
            ImGui::SetScrollHereY(0.3f);
            f.state.focus_field.clear();
        }
        if (f.state.editing_long_field == path) {
            edited = WrappedTextEditor(f, path, value, ImVec2(width, height));
        } else {
            // The wrapped view, a tab stop that opens the editor when focused or clicked.
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgActive));
            const std::string& shown = wrapped_view(path, value, wrap_width_of(width));
            const float text_h = ImGui::CalcTextSize(shown.c_str(), shown.c_str() + shown.size()).y;
            const float box_h = std::max(height, text_h + ImGui::GetStyle().FramePadding.y * 2);
            if (ImGui::Button("##view", ImVec2(width, box_h)) || ImGui::IsItemFocused())
                f.state.editing_long_field = path;
            NoteItem(f.state, path, label, "textbox");
            ImGui::PopStyleColor(3);
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImVec2 pad = ImGui::GetStyle().FramePadding;
            if (value.empty() && hint)
                dl->AddText(nullptr, 0, ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                            hint, nullptr, width - pad.x * 2);
            else
                dl->AddText(nullptr, 0, ImVec2(pos.x + pad.x, pos.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text),
                            shown.c_str(),
                            shown.c_str() + shown.size());  // its rows end in "\r\n": ImGui draws no '\r'
        }
    }
    // The character count, as people count characters.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + f.label_width);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
    ImGui::Text("%zu 字", shenbao::char_count(value));
    ImGui::PopStyleColor();
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

bool DateInput(FormContext& f, const std::string& path, const char* label, std::string& text, bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited;
    {
        FieldFrame frame(worst_at(f, path));
        take_focus_request(f, path);
        ImGui::SetNextItemWidth(std::min(220.0f, field_width()));
        ImGui::InputTextWithHint("##v", shenbao::kDateHint, &text);
        note_focus(f, path);
        NoteItem(f.state, path, label, "textbox");
        edited = ImGui::IsItemEdited();
        if (edited) f.edited(false);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            if (auto d = shenbao::Date::parse(text)) text = d->iso();  // one form once left
            f.edited(true);
        }
        if (ImGui::IsItemDeactivated()) MarkVisited(f.draft, path);
        if (auto d = shenbao::Date::parse(text)) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
            ImGui::TextUnformatted(d->chinese().c_str());
            ImGui::PopStyleColor();
        }
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

bool MoneyInput(FormContext& f, const std::string& path, const char* label, std::string& text, bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited;
    {
        FieldFrame frame(worst_at(f, path));
        take_focus_request(f, path);
        ImGui::SetNextItemWidth(std::min(200.0f, field_width()));
        ImGui::InputTextWithHint("##v", "0", &text, ImGuiInputTextFlags_CallbackCharFilter, MoneyCharFilter);
        note_focus(f, path);
        NoteItem(f.state, path, label, "textbox");
        edited = ImGui::IsItemEdited();
        if (edited) f.edited(false);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            if (auto m = shenbao::Money::parse(text)) text = m->plain();
            f.edited(true);
        }
        if (ImGui::IsItemDeactivated()) MarkVisited(f.draft, path);
        ImGui::SameLine();
        ImGui::TextUnformatted("元");
        if (auto m = shenbao::Money::parse(text); m && m->fen > 0) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, colour::kMuted);
            ImGui::TextUnformatted(m->capital().c_str());
            ImGui::PopStyleColor();
        }
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

bool NumberField(FormContext& f, const std::string& path, const char* label, std::string& value, const char* unit,
                 bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited;
    {
        FieldFrame frame(worst_at(f, path));
        take_focus_request(f, path);
        ImGui::SetNextItemWidth(std::min(140.0f, field_width()));
        ImGui::InputText("##v", &value, ImGuiInputTextFlags_CallbackCharFilter, number_filter);
        edited = after_edit(f, path);
        if (unit) {
            ImGui::SameLine();
            ImGui::TextUnformatted(unit);
        }
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

bool ChoiceField(FormContext& f, const std::string& path, const char* label, std::string& value,
                 const std::vector<std::string>& options, bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool changed = false;
    {
        FieldFrame frame(worst_at(f, path));
        ImGui::SetNextItemWidth(std::min(360.0f, field_width()));
        const bool open = ImGui::BeginCombo("##v", value.empty() ? "请选择" : value.c_str());
        FocusRequestedItem(f.state, path);
        note_focus(f, path, false);
        NoteItem(f.state, path, label, "combobox");
        if (open) {
            // On touch each option is as tall as a finger needs.
            const ImVec2 row(0, TouchTheme() ? 44 - ImGui::GetStyle().ItemSpacing.y : 0);
            for (size_t i = 0; i < options.size(); ++i) {
                const bool picked = ImGui::Selectable(options[i].c_str(), options[i] == value, 0, row);
                NoteItem(f.state, path + ".option." + std::to_string(i), options[i], "option");
                if (picked) {
                    value = options[i];
                    changed = true;
                }
            }
            ImGui::EndCombo();
            MarkVisited(f.draft, path);
        }
        if (changed) f.edited(true);
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return changed;
}

bool CheckItem(FormContext& f, const std::string& path, const char* label, bool& value) {
    ImGui::PushID(path.c_str());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + f.label_width);
    bool changed;
    {
        FieldFrame frame(worst_at(f, path));
        changed = ImGui::Checkbox("##box", &value);
        FocusRequestedItem(f.state, path);  // focused, never ticked for the person
        note_focus(f, path, false);
        NoteItem(f.state, path, label, "checkbox");
        // The label beside the box, wrapped to the room there is (a checkbox's own label is
        // never wrapped: on a phone it ran off the screen); clicking it ticks the box too.
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        const std::string& shown = WrappedText(std::string("check\n") + label, label, ImGui::GetContentRegionAvail().x);
        ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
        if (ImGui::IsItemClicked() && !f.state.read_only) {
            value = !value;
            changed = true;
        }
        if (changed) MarkVisited(f.draft, path);
    }
    FieldFindings(f, path, false);  // a list of boxes: no empty line between them
    ImGui::PopID();
    return changed;
}

bool UnitField(FormContext& f, const std::string& path, const char* label, std::string& value, bool required) {
    ImGui::PushID(path.c_str());
    Label(f, label, required);
    bool edited;
    {
        FieldFrame frame(worst_at(f, path));
        take_focus_request(f, path);
        ImGui::SetNextItemWidth(field_width());
        ImGui::InputTextWithHint("##v", "输入单位名称的任意部分，如“机械”“工学院”", &value);
        take_nav_request(f, path, true);
        edited = after_edit(f, path);
        // Suggestions from 附件1 (the full name a society stamps and the short form), inline
        // under the field, while a part of a name is typed. They stay while the mouse is
        // down on them, so a click can finish on a suggestion.
        const bool active = ImGui::IsItemActive();
        if (active)
            f.state.unit_suggestions_open = true;
        else if (!ImGui::IsMouseDown(0) && !ImGui::IsMouseReleased(0))
            f.state.unit_suggestions_open = false;
        const std::string typed = shenbao::trim(value);
        if (f.state.unit_suggestions_open && !typed.empty() && !f.state.programme->unit_targets(typed)) {
            for (const std::string& unit : f.state.programme->unit_suggestions(typed, 8)) {
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + f.label_width);
                if (ImGui::Selectable(unit.c_str())) {
                    value = unit;
                    f.state.unit_suggestions_open = false;
                    f.state.nav_field = path;  // the keyboard stays here: Tab goes on to the next field
                    f.edited(true);
                }
                NoteItem(f.state, path + ".suggestion", unit, "option");
            }
        }
    }
    FieldFindings(f, path);
    ImGui::PopID();
    return edited;
}

bool NamedButton(AppState& s, const char* label, const char* name) {
    const bool pressed = ImGui::Button(label);
    if (ImGui::IsItemFocused()) s.focused_field = name;
    NoteItem(s, name, label, "button");
    return pressed;
}

float RowButtonsWidth() {
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = style.ItemSpacing.x * 2;
    for (const char* label : {"上移", "下移", "删除"}) w += ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
    return w;
}

int RowButtons(AppState& s, const std::string& row_path, size_t index, size_t count) {
    // The accessibility mirror names each with its row (删除（第 2 行）), from the item's name.
    int action = 0;
    ImGui::BeginDisabled(index == 0);
    if (MinorButton("上移")) action = 1;
    NoteItem(s, "row." + row_path + ".up", "上移", "button");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= count);
    if (MinorButton("下移")) action = 2;
    NoteItem(s, "row." + row_path + ".down", "下移", "button");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (MinorButton("删除")) action = 3;
    NoteItem(s, "row." + row_path + ".remove", "删除", "button");
    return action;
}

namespace {

// The keys ImGui's text field acts on for an edit: ⌘ on a Mac, Ctrl elsewhere.
void PressShortcut(ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    io.AddKeyEvent(mod, false);
}

}  // namespace

void ActivateNamedItem(AppState& s, const std::string& name) {
    s.activate_item = name;  // done by NoteItem when the item is drawn next
    platform::request_frames(2);
}

void DrawEditMenu(AppState& s) {
    using Action = AppState::EditAction;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    AppState::EditMenu& menu = s.edit_menu;
    // A right click (a long press, on a touch screen) on a text field that can be edited.
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) && g.HoveredId != 0) {
        const SubmittedItem* item = FindSubmittedItem(g.HoveredId);
        if (item && (item->item_flags & ImGuiItemFlags_Inputable) && !(item->item_flags & ImGuiItemFlags_Disabled)) {
            menu = {g.HoveredId, Action::None, 0};
            ImGui::OpenPopup("##edit_menu");
        }
    }
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    if (ImGui::BeginPopup("##edit_menu")) {
        const ImVec2 size(ImGui::CalcTextSize("剪切").x * 4, ImGui::GetFrameHeight());
        auto entry = [&](const char* label, const char* name, Action action) {
            if (ImGui::Selectable(label, false, 0, size)) {
                menu.chosen = action;
                menu.frames_waited = 0;
                // The field takes the keyboard again, its selection kept.
                ImGui::ActivateItemByID(menu.field);
                g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
            }
            NoteItem(s, name, label, "option");
        };
        entry("剪切", "edit.cut", Action::Cut);
        entry("复制", "edit.copy", Action::Copy);
        entry("粘贴", "edit.paste", Action::Paste);
        entry("全选", "edit.select_all", Action::SelectAll);
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
    if (menu.chosen == Action::None) return;
    if (ImGui::GetActiveID() == menu.field && !g.ActiveIdIsJustActivated) {
        switch (menu.chosen) {
            case Action::Cut: PressShortcut(ImGuiKey_X); break;
            case Action::Copy: PressShortcut(ImGuiKey_C); break;
            case Action::SelectAll: PressShortcut(ImGuiKey_A); break;
            case Action::Paste: platform::paste_from_clipboard(); break;
            case Action::None: break;
        }
        menu = {};
    } else if (++menu.frames_waited > 4) {
        menu = {};  // the field went away (a page changed): nothing to do it to
    }
    platform::request_frames(2);
}

}  // namespace ui
