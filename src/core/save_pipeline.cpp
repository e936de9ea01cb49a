#include "save_pipeline.h"

#include <algorithm>
#include <utility>

namespace shenbao {

void SavePipeline::reset_to_saved() {
    if (state_ != SaveState::Unavailable) state_ = SaveState::Saved;
}

void SavePipeline::changed(double now_ms) {
    if (state_ == SaveState::Unavailable) return;  // kept in the page only; nothing to schedule
    if (state_ != SaveState::Pending) first_change_ms_ = now_ms;
    last_change_ms_ = now_ms;
    state_ = SaveState::Pending;
}

double SavePipeline::tick(double now_ms) {
    if (state_ != SaveState::Pending) return -1;
    const double due = std::min(last_change_ms_ + kQuietMs, first_change_ms_ + kLatestMs);
    if (now_ms < due) return due - now_ms;
    save_now();
    return 0;
}

void SavePipeline::save_now() {
    // With no storage, or another tab writing, there is nothing to write: what waits for
    // a save waits for nothing.
    if (state_ == SaveState::Unavailable) return answer_waiters(false);
    if (read_only_) return answer_waiters(true);
    write_failed_ = !target_.write_changes();
    state_ = write_failed_ ? SaveState::Failed : SaveState::Saving;
    if (sync_in_flight_) {
        wrote_since_sync_ = true;  // that sync may have missed these writes
        return;
    }
    sync_in_flight_ = true;
    target_.start_sync();
}

SavePipeline::Outcome SavePipeline::sync_done(bool ok) {
    sync_in_flight_ = false;
    if (state_ == SaveState::Unavailable) return Outcome::None;
    if (wrote_since_sync_) {
        wrote_since_sync_ = false;
        sync_in_flight_ = true;
        target_.start_sync();
        return Outcome::None;
    }
    const bool stored = ok && !write_failed_;
    if (state_ == SaveState::Pending) {
        // Changed since this save began: a failure is still news, success waits for the next.
        if (stored) return Outcome::None;
        state_ = SaveState::Failed;
        return Outcome::Failed;
    }
    state_ = stored ? SaveState::Saved : SaveState::Failed;
    answer_waiters(stored);
    return stored ? Outcome::Saved : Outcome::Failed;
}

void SavePipeline::when_stored(Waiter then) {
    waiters_.push_back(std::move(then));
    save_now();
}

void SavePipeline::answer_waiters(bool stored) {
    std::vector<Waiter> waiting;
    waiting.swap(waiters_);  // a waiter may ask to wait again
    for (Waiter& w : waiting) w(stored);
}

}  // namespace shenbao
