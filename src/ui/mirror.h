// The accessibility mirror: what the browser is told of the items the app drew in a frame,
// since it sees nothing in the canvas. One node per named item (NoteItem): its role, its
// name as a sighted person reads it, its value, its states (required, invalid with the
// finding's message and clause, disabled, checked, expanded) and its rectangle. The page
// keeps real elements in step with the nodes (web/mirror.js), lying over the items.
#pragma once
#include <string>

#include "app_state.h"

namespace ui {

// The nodes of the last frame, as a JSON array of
// {k: key (the item's name), r: role, n: name, v: value, d: description,
//  req, inv, dis, chk, exp, foc (has the keyboard): 0/1, x, y, w, h (CSS px)}.
std::string MirrorJson(AppState& s);

// What a polite live region says of the draft now: "已保存 · 还有 3 个错误"; empty while
// a save is under way (what was said stands until it is done).
std::string MirrorStatus(AppState& s);

}  // namespace ui
