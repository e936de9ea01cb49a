// Undo and redo of one draft: one step per finished edit (a text field left after a
// change, a choice made, a row added), never one per keystroke.
#pragma once
#include <cstddef>
#include <vector>

#include "application.h"

namespace shenbao {

class UndoStack {
public:
    explicit UndoStack(size_t limit = 200) : limit_(limit) {}

    void reset(const Application& current);  // forget everything; current is the base
    // Records the state after a finished edit. Does nothing if it equals the present
    // state. Drops the redo branch and, past the limit, the oldest step.
    void record(const Application& after);
    bool can_undo() const { return index_ > 0; }
    bool can_redo() const { return index_ + 1 < states_.size(); }
    const Application& undo();  // the state to show; call only when can_undo()
    const Application& redo();  // call only when can_redo()
    size_t steps() const { return states_.size(); }

private:
    size_t limit_;
    std::vector<Application> states_;
    size_t index_ = 0;
};

}  // namespace shenbao
