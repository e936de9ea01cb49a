// The accessibility mirror: what the browser is told of the items the app drew in a frame,
// since it sees nothing in the canvas. One node per named item (NoteItem): its role, its
// name as a sighted person reads it, its value, its states (required, invalid with the
// finding's message and clause, disabled, checked, expanded) and its rectangle. The page
// keeps real elements in step with the nodes (web/mirror.js), lying over the items.
#pragma once
#include <string>
#include <vector>

#include "app_state.h"

namespace ui {

// One node of the last frame: the item's name and the node as JSON,
// {k: key (the item's name), r: role, n: name, v: value, d: description,
//  req, inv, dis, chk, exp, foc (has the keyboard): 0/1, x, y, w, h (CSS px),
//  g: the list it is an entry of (我的草稿, 检查结果, 收到的申报), when it is one;
//  tb, tr: the form's table (its label) and row (from 1) of a cell or a row's button;
//  dg: the title of the dialog it is in}. Role "note" is text to be read (a line of the
//  快捷键 list, a notice), not a control.
struct MirrorNode {
    std::string key, json;
};
// One per named item of the last frame (the first item of a name), in drawing order.
std::vector<MirrorNode> MirrorNodes(AppState& s);
// What the page needs to go from `before` to `now`: {"nodes": [each node new or changed],
// "keys": [every key in order] when the keys or their order changed}; empty when nothing
// did. A long text is sent again only when it changes.
std::string MirrorDelta(const std::vector<MirrorNode>& before, const std::vector<MirrorNode>& now);

// What the browser's find in page searches: every text typed into the open draft
// (shenbao::typed_texts), as [{"k": field path, "n": its label, "t": the text}], "[]"
// without an open draft. The page keeps it in elements hidden until found; a match found
// there takes the app to the field (GoToField).
std::string MirrorFindText(AppState& s);

// What a polite live region says of the draft now: "已保存 · 还有 3 个错误"; empty while
// a save is under way (what was said stands until it is done).
std::string MirrorStatus(AppState& s);

}  // namespace ui
