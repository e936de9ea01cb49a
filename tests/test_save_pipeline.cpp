// Saving: when it happens, what the person is told, and what waits for it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "save_pipeline.h"

using namespace shenbao;

namespace {

// Records what the pipeline asked for; a sync finishes when the test says so.
struct FakeTarget : SaveTarget {
    int writes = 0, syncs = 0;
    bool write_ok = true;
    bool write_changes() override {
        ++writes;
        return write_ok;
    }
    void start_sync() override { ++syncs; }
};

}  // namespace

TEST_CASE("a change is saved after a quiet moment, and never later than a second after the first") {
    FakeTarget t;
    SavePipeline p(t, true);
    CHECK(p.tick(0) == -1);  // nothing to save
    p.changed(0);
    CHECK(p.state() == SaveState::Pending);
    CHECK(p.tick(100) == doctest::Approx(200));
    // Typing on: each keystroke pushes the quiet moment on, up to the latest time.
    for (double at = 200; at < 1000; at += 200) {
        p.changed(at);
        CHECK(p.tick(at) > 0);
        CHECK(t.writes == 0);
    }
    CHECK(p.tick(1000) == 0);
    CHECK(t.writes == 1);
    CHECK(t.syncs == 1);
    CHECK(p.state() == SaveState::Saving);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Saved);
    CHECK(p.state() == SaveState::Saved);
}

TEST_CASE("written while a sync runs: saved only after a second sync covers it") {
    FakeTarget t;
    SavePipeline p(t, true);
    p.changed(0);
    p.save_now();
    p.changed(10);
    p.save_now();  // writes now; the sync in flight may have missed it
    CHECK(t.writes == 2);
    CHECK(t.syncs == 1);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::None);
    CHECK(p.state() == SaveState::Saving);  // not 已保存: the second write is not stored yet
    CHECK(t.syncs == 2);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Saved);
    CHECK(p.state() == SaveState::Saved);
}

TEST_CASE("changed during a sync: still pending when it ends, then saved by the next") {
    FakeTarget t;
    SavePipeline p(t, true);
    p.changed(0);
    p.save_now();
    p.changed(50);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::None);
    CHECK(p.state() == SaveState::Pending);
    CHECK(p.tick(400) == 0);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Saved);
}

TEST_CASE("a failed write or sync is reported, and the next save can succeed") {
    FakeTarget t;
    SavePipeline p(t, true);
    t.write_ok = false;
    p.changed(0);
    p.save_now();
    CHECK(p.state() == SaveState::Failed);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Failed);
    CHECK(p.state() == SaveState::Failed);
    t.write_ok = true;
    p.changed(2000);
    p.save_now();
    CHECK(p.sync_done(false) == SavePipeline::Outcome::Failed);
    p.save_now();
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Saved);
}

TEST_CASE("what waits for a save runs once everything is stored, and hears whether it was") {
    FakeTarget t;
    SavePipeline p(t, true);
    std::vector<bool> heard;
    p.changed(0);
    p.when_stored([&](bool stored) { heard.push_back(stored); });
    CHECK(t.writes == 1);  // waiting starts a save
    CHECK(heard.empty());
    p.changed(10);  // typed on before the sync ended: the wait covers that too
    CHECK(p.sync_done(true) == SavePipeline::Outcome::None);
    CHECK(heard.empty());
    p.tick(2000);
    p.sync_done(true);
    REQUIRE(heard.size() == 1);
    CHECK(heard[0]);

    t.write_ok = false;
    p.when_stored([&](bool stored) { heard.push_back(stored); });
    p.sync_done(true);
    REQUIRE(heard.size() == 2);
    CHECK_FALSE(heard[1]);
}

TEST_CASE("with no storage nothing is scheduled or claimed, and a wait ends at once, unstored") {
    FakeTarget t;
    SavePipeline p(t, false);
    p.changed(0);
    CHECK(p.state() == SaveState::Unavailable);
    CHECK(p.tick(5000) == -1);
    p.save_now();
    CHECK(t.writes == 0);
    CHECK(t.syncs == 0);
    bool heard = true;
    p.when_stored([&](bool stored) { heard = stored; });
    CHECK_FALSE(heard);
    CHECK(p.state() == SaveState::Unavailable);
}

TEST_CASE("a tab that is not the writer writes nothing and lets a wait end at once") {
    FakeTarget t;
    SavePipeline p(t, true);
    p.set_read_only(true);
    bool heard = false;
    p.when_stored([&](bool stored) { heard = stored; });
    CHECK(heard);
    CHECK(t.writes == 0);
    CHECK(t.syncs == 0);
}

TEST_CASE("the latest time counts from the first change of each round, not from the start; no storage stays none") {
    FakeTarget t;
    SavePipeline p(t, true);
    p.changed(5000);
    CHECK(p.tick(5100) == doctest::Approx(200));
    for (double at = 5200; at < 6000; at += 200) {
        p.changed(at);
        CHECK(p.tick(at) > 0);
    }
    CHECK(p.tick(6000) == 0);
    CHECK(p.sync_done(true) == SavePipeline::Outcome::Saved);
    p.changed(9000);  // a new round
    CHECK(p.tick(9100) == doctest::Approx(200));
    CHECK(t.writes == 1);

    t.write_ok = false;  // a failed save, then the saved state taken back (a draft reloaded)
    p.save_now();
    CHECK(p.state() == SaveState::Failed);
    p.reset_to_saved();
    CHECK(p.state() == SaveState::Saved);

    FakeTarget none;
    SavePipeline unavailable(none, false);
    unavailable.reset_to_saved();
    CHECK(unavailable.state() == SaveState::Unavailable);
}
