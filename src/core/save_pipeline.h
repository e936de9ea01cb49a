// Saving, owned in one place: when a change is written, when the written files are synced
// to lasting storage, what the person is told (已保存 only once everything written so far
// is stored), and what waits for that (letting another tab write, reloading into a new
// build). The app writes and syncs through a SaveTarget and never starts a sync itself, so
// a sync started for one reason cannot report another's writes as stored.
#pragma once
#include <functional>
#include <vector>

namespace shenbao {

// Whether what is on screen is in lasting storage. Unavailable: there is none (site data
// blocked, no IndexedDB): nothing is ever saved, and the app never says it is.
enum class SaveState { Saved, Pending, Saving, Failed, Unavailable };

class SaveTarget {
public:
    virtual ~SaveTarget() = default;
    // Writes every changed file (drafts, review, settings) to the file system the sync
    // copies from; false when a write failed (what did not fail is written).
    virtual bool write_changes() = 0;
    // Copies the file system to lasting storage; the pipeline's sync_done() answers.
    virtual void start_sync() = 0;
};

class SavePipeline {
public:
    static constexpr double kQuietMs = 300;    // save this long after the last change...
    static constexpr double kLatestMs = 1000;  // ...and never later than this after the first

    // stored: the sync covering every write made before the wait was asked for succeeded.
    using Waiter = std::function<void(bool stored)>;
    enum class Outcome { None, Saved, Failed };  // what a finished sync meant to the person

    SavePipeline(SaveTarget& target, bool storage_available)
        : target_(target), state_(storage_available ? SaveState::Saved : SaveState::Unavailable) {}

    SaveState state() const { return state_; }
    // A tab that is not the writer writes nothing; its waiters are answered at once.
    void set_read_only(bool read_only) { read_only_ = read_only; }
    // After another tab wrote and this one reloaded what it wrote: nothing is unsaved here.
    void reset_to_saved();

    // Something changed at now_ms: a save is scheduled.
    void changed(double now_ms);
    // The ms from now_ms until the scheduled save (saving now when it is due: 0), or -1
    // when nothing is scheduled.
    double tick(double now_ms);
    // Writes every change and syncs (after the sync in flight, when there is one).
    void save_now();
    // The sync started by start_sync() finished.
    Outcome sync_done(bool ok);
    // Runs `then` once everything changed so far is stored (or could not be): after the
    // next sync that has nothing pending behind it. At once where nothing can be stored.
    void when_stored(Waiter then);

    bool sync_in_flight() const { return sync_in_flight_; }

private:
    void answer_waiters(bool stored);

    SaveTarget& target_;
    SaveState state_;
    bool read_only_ = false;
    bool sync_in_flight_ = false;
    bool wrote_since_sync_ = false;  // written while a sync ran: another sync must follow
    bool write_failed_ = false;
    double first_change_ms_ = 0, last_change_ms_ = 0;
    std::vector<Waiter> waiters_;
};

}  // namespace shenbao
