#include "undo.h"

namespace shenbao {

void UndoStack::reset(const Application& current) {
    states_.assign(1, current);
    index_ = 0;
}

void UndoStack::record(const Application& after) {
    if (states_.empty()) {
        reset(after);
        return;
    }
    if (states_[index_] == after) return;
    states_.resize(index_ + 1);
    states_.push_back(after);
    if (states_.size() > limit_) states_.erase(states_.begin());
    index_ = states_.size() - 1;
}

const Application& UndoStack::undo() {
    if (index_ > 0) --index_;
    return states_[index_];
}

const Application& UndoStack::redo() {
    if (index_ + 1 < states_.size()) ++index_;
    return states_[index_];
}

}  // namespace shenbao
