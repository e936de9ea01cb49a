// Word wrap while editing, for an editor that only breaks lines at '\n' (ImGui 1.90's
// multi-line input). The text shown to the editor carries soft breaks, "\r\n", where a
// line is full; the text kept is the one without them. '\r' never comes from typing (the
// editor drops it), and text put in is normalised first (normalise_breaks), so every
// '\r' in the shown text starts a soft break.
//
// Positions are byte offsets. A "fit" function says how many bytes of a line (no '\n' in
// it) fit on one row; wrapping always moves on by at least one character.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace shenbao {

using RowFit = std::function<size_t(std::string_view line)>;

// Chinese line breaking (禁则): a row does not start with closing punctuation (。，、；：？！
// ）」』】》…) nor end with opening punctuation (（「『【《“). Given a line and where a row
// would break it, returns where it breaks instead: earlier by a character or two, never
// at 0 (a row too narrow for the rule keeps the break it had).
size_t kinsoku_break(std::string_view line, size_t at);

// "\r\n" and lone '\r' become '\n'.
std::string normalise_breaks(std::string_view text);
// The text as shown: soft breaks inserted where rows are full.
std::string soft_wrap(std::string_view text, const RowFit& fit);
// The text as kept: every soft break (and any stray '\r' or half of one) removed.
std::string soft_unwrap(std::string_view shown);
// Where a position in the shown text is in the kept text (inside a soft break: before it).
size_t kept_position(std::string_view shown, size_t shown_pos);
// Where a position in the kept text is in the shown text (at a soft break: after it, at
// the start of the next row).
size_t shown_position(std::string_view shown, size_t kept_pos);

// A caret between the '\r' and the '\n' of a soft break is moved out of it, on the way
// it was moving (after the break when moving forward).
size_t caret_outside_soft_break(std::string_view shown, size_t pos, bool forward);

// What an edit made of the shown text: `before` is what was shown, `after` the editor's
// buffer now, `cursor` its caret in it. The result is the kept text re-wrapped and the
// caret placed in it. A soft break deleted on its own (Backspace at the start of a row,
// Delete at its end) deletes the character before it or after it instead, as in any
// editor that wraps.
struct SoftEdit {
    std::string shown;
    size_t cursor = 0;
};
SoftEdit soft_edit(std::string_view before, std::string_view after, size_t cursor, bool backspace, const RowFit& fit);

}  // namespace shenbao
