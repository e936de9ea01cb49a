// Form widgets: a labelled row per field, with the field's findings marked in place.
// Each widget reports edits to AppState::changed (an undo step when an edit finishes),
// takes its ImGui id from the field path (never from the visible label), and honours a
// focus request for its path (from the checks panel).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app_state.h"

struct ImGuiInputTextCallbackData;

namespace ui {

struct FormContext {
    AppState& state;
    Draft& draft;
    float label_width;     // the label column; 0 when stacked
    bool stacked = false;  // each label above its field (a narrow form)
    // The findings marked at the fields: the draft's (its 申报书's) unless the page shows
    // another form of the draft, a funded project's report (Draft::report_checks).
    const shenbao::Findings* findings = nullptr;
    // Whether a finished edit is an undo step of the 申报书 (a report is not in its history).
    bool undoable = true;

    const shenbao::Findings& shown_findings() const { return findings ? *findings : draft.findings; }
    // The draft changed (a keystroke); `finished`: the edit is complete (a field left).
    void edited(bool finished) const;
};

// Colours of the office theme, shared by the views. Text colours keep a contrast of at
// least 4.5:1 on white and on the panels' grey (0xFFF4F1EE).
namespace colour {
constexpr unsigned kError = 0xFF2D2DC8;    // ABGR: red
constexpr unsigned kWarning = 0xFF00559A;  // amber, dark enough to read
constexpr unsigned kInfo = 0xFF9E6A2E;     // blue
constexpr unsigned kMuted = 0xFF72675F;    // grey text
constexpr unsigned kAccent = 0xFFB5651D;   // links and primary actions
}  // namespace colour

// A page's or a section's heading (a heading for screen readers too), with a muted subtitle.
void SectionHeading(AppState& s, const char* title, const char* subtitle = nullptr);
// A button of lesser weight: small with a mouse, big enough for a finger on touch.
bool MinorButton(const char* label);
// A field's label: right-aligned in the label column, or above the field when stacked; a
// red * when required.
void FieldLabel(FormContext& f, const char* label, bool required);
// A stored UTC time (ISO 8601) in the browser's local time, e.g. 2026-11-29 20:26.
std::string LocalTime(const std::string& iso_utc);
// The same, short: 20:26 on `today`, 11-29 on another day (for lists).
std::string ShortLocalTime(const std::string& iso_utc, const shenbao::Date& today);
// An expert score or mean (百分制 or a criterion's points) as shown: one decimal, 70.0.
std::string ScoreText(double score);
// Why an action was refused: a red title, then one wrapped line per reason. Nothing when
// there is no reason.
void ErrorList(const char* title, const std::vector<std::string>& reasons);
// Secondary text: grey and wrapped at the panel's edge.
void MutedText(const std::string& text);
// The text broken into rows of at most `width` by the Chinese line-breaking rules; kept
// under `key` between frames while the text, the width and the font stay the same.
const std::string& WrappedText(const std::string& key, const std::string& text, float width);
// A paragraph a person wrote, muted, wrapped by the Chinese line-breaking rules (as long
// texts are in the form); `key` names it for the wrapping kept between frames.
void MutedParagraph(const char* key, const std::string& text);

bool TextField(FormContext& f, const std::string& path, const char* label, std::string& value,
               const char* hint = nullptr, bool required = false);
// Long text: shown wrapped; edited in a multi-line editor when focused. Shows a count.
bool LongTextField(FormContext& f, const std::string& path, const char* label, std::string& value,
                   const char* hint = nullptr, bool required = false, float lines = 5);
// What a copy or cut puts on the clipboard: from the long-text editor, the text without
// the soft breaks it shows; from anything else, the text as it is.
std::string ClipboardText(const char* copied);
// Accepts 2018-05-31 and 2018年5月31日; shows 2018-05-31 once the field is left.
bool DateInput(FormContext& f, const std::string& path, const char* label, std::string& text, bool required);
// Only digits, separators and one decimal point can be typed; shown as 1500 or 1500.50.
bool MoneyInput(FormContext& f, const std::string& path, const char* label, std::string& text, bool required);
bool NumberField(FormContext& f, const std::string& path, const char* label, std::string& value, const char* unit,
                 bool required);
// A choice among options (data-driven lists of the programme).
bool ChoiceField(FormContext& f, const std::string& path, const char* label, std::string& value,
                 const std::vector<std::string>& options, bool required);
// A box; returns whether it was toggled. The caller applies the change and then calls
// AppState::changed, so that the undo step holds it.
bool CheckItem(FormContext& f, const std::string& path, const char* label, bool& value);
// The applicant unit: free text with suggestions from 附件1 matching any part of the name.
bool UnitField(FormContext& f, const std::string& path, const char* label, std::string& value, bool required);

// The findings for a path, drawn under a field; returns the worst severity or -1. A field
// keeps a line for its message whether or not one is shown (`reserve`), so that a
// message appearing when the field is left does not move what is below.
int FieldFindings(FormContext& f, const std::string& path, bool reserve = true);
void MarkVisited(Draft& d, const std::string& path);
// Whether a finding is marked at its field now (see Draft::touched).
bool ShownInPlace(const Draft& d, const shenbao::Finding& x);
// Worst severity among findings whose field starts with the prefix, or -1.
int WorstFinding(const Draft& d, const std::string& prefix);

// A button the keyboard reaches; `name` is reported as the focused field (test hook) and
// in the layout.
bool NamedButton(AppState& s, const char* label, const char* name);
// The edit menu of text fields (剪切, 复制, 粘贴, 全选), for a right click or a long press
// on any text field; drawn once per frame, after every field.
void DrawEditMenu(AppState& s);
// Does to the item of this name (in the last frame's layout) what a click does: a button is
// pressed, a box ticked, a choice opened, a text field given the caret (its selection kept).
// For the accessibility mirror: a screen reader's activation or focus.
void ActivateNamedItem(AppState& s, const std::string& name);
// A request to focus `path` (a finding clicked, a row added) taken by the last item, a
// choice or a box, without activating it: a choice is not opened, a box never ticked
// for the person. Text fields take the caret instead (their own requests).
void FocusRequestedItem(AppState& s, const std::string& path);
// Records the last item drawn in this frame's layout (AppState::layout). `value`: what a
// field outside the draft holds (a text's text, a radio's "1" or "0"), for the mirror.
void NoteItem(AppState& s, const std::string& name, const std::string& label, const char* role,
              std::optional<std::string> value = std::nullopt);
// The text shortened in the middle to fit `width` in the current font (elide_middle).
std::string FitText(const std::string& text, float width);
// Text drawn at most `width` wide, shortened in the middle when it is longer (the full
// text in a tooltip on hover).
void FittedText(const std::string& text, float width);
// Keeps only what an amount may hold (digits, separators, 元), turning full-width digits
// and Chinese punctuation into their ASCII forms. For InputText's CallbackCharFilter.
int MoneyCharFilter(ImGuiInputTextCallbackData* data);

// A row of small table-editing buttons (up, down, remove). Returns the action taken:
// 0 none, 1 up, 2 down, 3 remove; the items are row.<row_path>.up, .down and .remove
// (not under the table's path, which a request to focus the table resolves to its first
// cell). RowButtonsWidth() is the room they take.
int RowButtons(AppState& s, const std::string& row_path, size_t index, size_t count);
float RowButtonsWidth();

}  // namespace ui
