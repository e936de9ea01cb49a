// The draft list: create, duplicate, rename, delete and restore, undo and redo, saving.
#include <doctest/doctest.h>

#include "helpers.h"
#include "memory_fs.h"
#include "workspace.h"

using namespace shenbao;
using testing::MemoryFileSystem;
using testing::programme;

namespace {
struct Fixture {
    MemoryFileSystem fs;
    Store store{fs, "/d", "yancheng-2018"};
    Workspace<WorkDraft> ws{store, programme(), "test"};
};
}  // namespace

TEST_CASE("undo and redo step through finished edits") {
    UndoStack h(3);
    Application a = Application::blank(programme(), KindId::ServiceStation);
    h.reset(a);
    CHECK_FALSE(h.can_undo());
    a.cover.project_name = "一";
    h.record(a);
    h.record(a);  // no change: no step
    CHECK(h.steps() == 2);
    a.cover.project_name = "二";
    h.record(a);
    CHECK(h.undo().cover.project_name == "一");
    CHECK(h.undo().cover.project_name == "");
    CHECK_FALSE(h.can_undo());
    CHECK(h.redo().cover.project_name == "一");
    a.cover.project_name = "三";  // a new edit drops the redo branch
    h.record(a);
    CHECK_FALSE(h.can_redo());
    a.cover.project_name = "四";
    h.record(a);
    CHECK(h.steps() == 3);  // the limit drops the oldest
    CHECK(h.undo().cover.project_name == "三");
    CHECK(h.undo().cover.project_name == "一");
    CHECK_FALSE(h.can_undo());
}

TEST_CASE("a new draft is blank, of its kind, and carries the unit's details over") {
    Fixture f;
    WorkDraft& first = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    CHECK(first.app.cover.kind == KindId::ServiceStation);
    CHECK(first.dirty());
    first.app.cover.applicant_unit = "市机械工程学会";
    first.app.cover.phone = "0515-88192426";
    first.app.cover.project_name = "服务站";
    f.ws.changed(first, "2018-05-01T00:01:00Z", true);
    WorkDraft& second = f.ws.create(KindId::AcademicExchange, "d2", "2018-05-02T00:00:00Z");
    CHECK(second.app.cover.applicant_unit == "市机械工程学会");
    CHECK(second.app.cover.phone == "0515-88192426");
    CHECK(second.app.cover.project_name.empty());
    CHECK(f.ws.drafts().front().id == "d2");
}

TEST_CASE("duplicate, rename, save and load back sorted by last edit") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    a.app.cover.project_name = "服务站";
    a.app.cover.project_number = "2018-01";
    f.ws.changed(a, "2018-05-01T00:01:00Z", true);
    WorkDraft* copy = f.ws.duplicate("d1", "d2", "2018-05-03T00:00:00Z");
    REQUIRE(copy);
    CHECK(copy->app.cover.project_name == "服务站（副本）");
    CHECK(copy->app.cover.project_number.empty());
    CHECK(f.ws.duplicate("nope", "d3", "x") == nullptr);
    CHECK(f.ws.rename("d1", "改名的服务站", "2018-05-04T00:00:00Z"));
    CHECK(f.ws.save_dirty("2018-05-10T00:00:00Z"));
    CHECK_FALSE(f.ws.any_dirty());

    Workspace<WorkDraft> again(f.store, programme(), "test");
    LoadReport r = again.load("2018-05-10T00:00:00Z");
    CHECK(r.problems.empty());
    REQUIRE(again.drafts().size() == 2);
    CHECK(again.drafts()[0].app.cover.project_name == "改名的服务站");  // edited last
    CHECK(again.drafts()[1].app.cover.project_name == "服务站（副本）");
}

TEST_CASE("delete into the trash and restore, with what was on screen") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    a.app.cover.project_name = "未保存就删除";
    f.ws.changed(a, "2018-05-01T00:01:00Z", true);
    REQUIRE(f.ws.remove("d1", "2018-05-05T00:00:00Z"));
    CHECK(f.ws.drafts().empty());
    REQUIRE(f.ws.trash().size() == 1);
    CHECK(f.ws.trash()[0].app.cover.project_name == "未保存就删除");
    REQUIRE(f.ws.restore("d1"));
    REQUIRE(f.ws.drafts().size() == 1);
    CHECK(f.ws.drafts()[0].app.cover.project_name == "未保存就删除");
    CHECK(f.ws.trash().empty());
    CHECK_FALSE(f.ws.restore("d1"));
}

TEST_CASE("when the disk is full, a delete fails and the draft stays; saving reports failure") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    f.fs.disk_full = true;
    CHECK_FALSE(f.ws.remove("d1", "2018-05-05T00:00:00Z"));
    CHECK(f.ws.drafts().size() == 1);
    CHECK_FALSE(f.ws.save_dirty("2018-05-10T00:00:00Z"));
    CHECK(a.dirty());
    f.fs.disk_full = false;
    CHECK(f.ws.save_dirty("2018-05-10T00:00:00Z"));
    CHECK_FALSE(a.dirty());
}

TEST_CASE("workspace undo and redo") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::OrganisationBuilding, "d1", "2018-05-01T00:00:00Z");
    a.app.cover.project_name = "一";
    f.ws.changed(a, "t1", true);
    a.app.cover.project_name = "一二";
    f.ws.changed(a, "t2", true);
    CHECK(f.ws.undo(a, "t3"));
    CHECK(a.app.cover.project_name == "一");
    CHECK(f.ws.redo(a, "t4"));
    CHECK(a.app.cover.project_name == "一二");
    CHECK_FALSE(f.ws.redo(a, "t5"));
    CHECK(a.dirty());
}

TEST_CASE("importing files: new, the same again, another version, and not an application") {
    Fixture f;
    Fixture other;  // another browser, where the application was written
    WorkDraft& written = other.ws.create(KindId::ServiceStation, "d-elsewhere", "2018-05-01T00:00:00Z");
    written.app = testing::complete("service_station");
    const std::string file = other.ws.encode(written);

    ImportOutcome first = f.ws.import_file("站.json", file, "d-new1", "2018-05-02T00:00:00Z");
    CHECK(first.status == ImportOutcome::Status::Added);
    CHECK(first.draft_id == "d-elsewhere");  // keeps its id, so a re-import is recognised
    REQUIRE(f.ws.find("d-elsewhere"));
    CHECK(f.ws.find("d-elsewhere")->app == written.app);
    CHECK(first.fingerprint == fingerprint_of(written.app, "yancheng-2018"));

    ImportOutcome again = f.ws.import_file("站.json", file, "d-new2", "2018-05-02T00:00:00Z");
    CHECK(again.status == ImportOutcome::Status::AlreadyThere);
    CHECK(f.ws.drafts().size() == 1);

    written.app.plan.place = "另一个地点";
    ImportOutcome changed = f.ws.import_file("站-改.json", other.ws.encode(written), "d-new3", "2018-05-03T00:00:00Z");
    CHECK(changed.status == ImportOutcome::Status::AddedAsCopy);
    CHECK(changed.draft_id == "d-new3");
    CHECK(f.ws.drafts().size() == 2);
    CHECK(f.ws.find("d-elsewhere")->app.plan.place != "另一个地点");  // the draft here is untouched
    CHECK(f.ws.find("d-new3")->app.plan.place == "另一个地点");

    ImportOutcome broken = f.ws.import_file("坏.json", "{\"schema\": \"shenbao.appl", "d-new4", "t");
    CHECK(broken.status == ImportOutcome::Status::Unreadable);
    CHECK_FALSE(broken.message.empty());
    CHECK(f.ws.drafts().size() == 2);
    CHECK(f.ws.save_dirty("2018-05-10T00:00:00Z"));
}

TEST_CASE("revisions: one per 10 minutes of editing, one before delete, restore and import") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T08:00:00Z");
    a.app.cover.project_name = "第一版";
    f.ws.changed(a, "2018-05-01T08:00:00Z", true);
    REQUIRE(f.ws.save_dirty("2018-05-01T08:00:00Z"));
    CHECK(f.ws.revisions("d1").size() == 1);  // the first save of a draft starts its history
    a.app.cover.project_name = "第二版";
    f.ws.changed(a, "2018-05-01T08:05:00Z", true);
    REQUIRE(f.ws.save_dirty("2018-05-01T08:05:00Z"));
    CHECK(f.ws.revisions("d1").size() == 1);  // 5 minutes later: not yet
    a.app.cover.project_name = "第三版";
    f.ws.changed(a, "2018-05-01T08:10:00Z", true);
    REQUIRE(f.ws.save_dirty("2018-05-01T08:10:00Z"));
    std::vector<Revision> revs = f.ws.revisions("d1");
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].at == "2018-05-01T08:10:00Z");
    CHECK(revs[0].reason == "auto");
    CHECK(f.ws.read_revision("d1", revs[1].file)->app.cover.project_name == "第一版");

    // Restoring an earlier version keeps the one it replaces.
    REQUIRE(f.ws.restore_revision("d1", revs[1].file, "2018-05-01T09:00:00Z"));
    CHECK(a.app.cover.project_name == "第一版");
    revs = f.ws.revisions("d1");
    CHECK(revs[0].reason == "restore");
    CHECK(f.ws.read_revision("d1", revs[0].file)->app.cover.project_name == "第三版");
    CHECK(f.ws.undo(a, "2018-05-01T09:00:01Z"));  // and the restore is one undo step
    CHECK(a.app.cover.project_name == "第三版");

    REQUIRE(f.ws.remove("d1", "2018-05-02T00:00:00Z"));
    CHECK(f.ws.revisions("d1").front().reason == "delete");
}

TEST_CASE("a hand-in is recorded on the draft, kept across a reload, and an edit after it shows") {
    Fixture f;
    WorkDraft& d = f.ws.create(KindId::AcademicExchange, "d1", "2018-05-20T08:00:00Z");
    d.app.cover.project_name = "学术论坛";
    CHECK(f.ws.hand_in_state(d) == Workspace<WorkDraft>::HandIn::Never);
    REQUIRE(f.ws.save_dirty("2018-05-20T08:00:00Z"));
    f.ws.record_hand_in(d, "export", "2018-05-20T09:30:00Z");
    CHECK(d.dirty());                                    // the record is saved like an edit
    CHECK(d.meta.updated_at == "2018-05-20T08:00:00Z");  // but it is not an edit
    REQUIRE(f.ws.save_dirty("2018-05-20T09:30:00Z"));

    Fixture g;
    g.fs = f.fs;
    g.ws.load("2018-05-21T00:00:00Z");
    WorkDraft* back = g.ws.find("d1");
    REQUIRE(back);
    CHECK(back->meta.handed_in_at == "2018-05-20T09:30:00Z");
    CHECK(back->meta.handed_in_how == "export");
    CHECK(back->meta.handed_in_fingerprint == fingerprint_of(back->app, "yancheng-2018"));
    CHECK(g.ws.hand_in_state(*back) == Workspace<WorkDraft>::HandIn::Current);
    back->app.cover.project_name = "学术论坛（修改）";
    g.ws.changed(*back, "2018-05-21T00:01:00Z", true);
    CHECK(g.ws.hand_in_state(*back) == Workspace<WorkDraft>::HandIn::ChangedSince);
}

TEST_CASE("the trash keeps deleted drafts for 30 days") {
    Fixture f;
    f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    REQUIRE(f.ws.remove("d1", "2018-05-01T00:00:00Z"));
    REQUIRE(f.ws.trash().size() == 1);
    CHECK(f.ws.trash()[0].meta.deleted_at == "2018-05-01T00:00:00Z");
    f.ws.load("2018-05-30T00:00:00Z");
    CHECK(f.ws.trash().size() == 1);
    f.ws.load("2018-06-01T00:00:01Z");
    CHECK(f.ws.trash().empty());
}

TEST_CASE("backup and merge: everything back with the same fingerprints, a newer draft never replaced by an older") {
    Fixture f;
    for (const char* kind : testing::kAcceptedKinds) {
        WorkDraft& d = f.ws.create(*kind_from_key(kind), std::string("d-") + kind, "2018-05-01T00:00:00Z");
        d.app = testing::complete(kind);
        f.ws.changed(d, "2018-05-01T00:00:00Z", true);
    }
    REQUIRE(f.ws.save_dirty("2018-05-01T00:00:00Z"));
    const std::string backup = f.ws.backup("2018-05-01T01:00:00Z");

    Fixture wiped;  // a new profile
    int ids = 0;
    MergeReport r = wiped.ws.merge_backup(
        backup, [&] { return "new" + std::to_string(++ids); }, "2018-05-02T00:00:00Z");
    CHECK(r.error.empty());
    CHECK(r.added == 4);
    REQUIRE(wiped.ws.drafts().size() == 4);
    for (WorkDraft& d : wiped.ws.drafts()) {
        CAPTURE(d.id);
        REQUIRE(f.ws.find(d.id));
        CHECK(fingerprint_of(d.app, "yancheng-2018") == fingerprint_of(f.ws.find(d.id)->app, "yancheng-2018"));
        CHECK(wiped.ws.revisions(d.id).size() == f.ws.revisions(d.id).size());
    }
    REQUIRE(wiped.ws.save_dirty("2018-05-02T00:00:00Z"));

    // Edited here after the backup: the backup's older version does not replace it.
    WorkDraft& station = *wiped.ws.find("d-service_station");
    station.app.plan.place = "新地点";
    wiped.ws.changed(station, "2018-05-03T00:00:00Z", true);
    MergeReport again = wiped.ws.merge_backup(
        backup, [&] { return "x"; }, "2018-05-04T00:00:00Z");
    CHECK(again.kept == 1);
    CHECK(again.same == 3);
    CHECK(wiped.ws.find("d-service_station")->app.plan.place == "新地点");      // (merging re-sorts the list)
    CHECK(wiped.ws.revisions("d-service_station").front().reason == "backup");  // the backup's version kept too

    // A newer draft in the backup replaces an older one here, which is kept as a revision.
    WorkDraft& org = *f.ws.find("d-organisation_building");
    org.app.plan.place = "更新的地点";
    f.ws.changed(org, "2018-05-05T00:00:00Z", true);
    REQUIRE(f.ws.save_dirty("2018-05-05T00:00:00Z"));
    MergeReport newer = wiped.ws.merge_backup(
        f.ws.backup("2018-05-05T00:00:00Z"), [&] { return "y"; }, "2018-05-06T00:00:00Z");
    CHECK(newer.updated == 1);
    CHECK(wiped.ws.find("d-organisation_building")->app.plan.place == "更新的地点");

    CHECK_FALSE(wiped.ws
                    .merge_backup(
                        "{\"schema\": \"other\"}", [] { return "z"; }, "t")
                    .error.empty());
    CHECK_FALSE(wiped.ws
                    .merge_backup(
                        "not json", [] { return "z"; }, "t")
                    .error.empty());
}

TEST_CASE("on a full disk, importing, restoring a revision and merging a backup lose nothing of either version") {
    Fixture f;
    WorkDraft& a = f.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
    a.app = testing::complete("service_station");
    a.app.cover.project_name = "本机的版本";
    f.ws.changed(a, "2018-05-01T00:00:00Z", true);
    REQUIRE(f.ws.save_dirty("2018-05-01T00:00:00Z"));
    const auto stored = f.fs.files;

    SUBCASE("an import waits in the list, unsaved, until the disk has room") {
        Application other = testing::complete("academic_exchange");
        f.fs.disk_full = true;
        const ImportOutcome out =
            f.ws.import_file("x.json", encode_application(other, "yancheng-2018", {}), "n1", "2018-05-02T00:00:00Z");
        CHECK(out.status == ImportOutcome::Status::Added);
        CHECK_FALSE(f.ws.save_dirty("2018-05-02T00:00:00Z"));
        CHECK(f.fs.files.size() >= stored.size());
        REQUIRE(f.ws.find(out.draft_id));
        CHECK(f.ws.find(out.draft_id)->dirty());
        f.fs.disk_full = false;
        CHECK(f.ws.save_dirty("2018-05-02T00:01:00Z"));
        CHECK(Store(f.fs, "/d", "yancheng-2018").load_all().drafts.size() == 2);
    }
    SUBCASE("restoring a revision is refused when the version replaced cannot be kept") {
        a.app.cover.project_name = "改过的版本";
        f.ws.changed(a, "2018-05-01T00:20:00Z", true);
        REQUIRE(f.ws.save_dirty("2018-05-01T00:20:00Z"));  // the first version is now a revision
        const std::vector<Revision> revisions = f.ws.revisions("d1");
        REQUIRE(!revisions.empty());
        f.fs.disk_full = true;
        CHECK_FALSE(f.ws.restore_revision("d1", revisions.back().file, "2018-05-01T00:30:00Z"));
        CHECK(f.ws.find("d1")->app.cover.project_name == "改过的版本");
        CHECK(f.ws.revisions("d1").size() == revisions.size());
    }
    SUBCASE("a newer version in a backup does not replace the one here unless the one here is kept") {
        Fixture other;
        WorkDraft& b = other.ws.create(KindId::ServiceStation, "d1", "2018-05-01T00:00:00Z");
        b.app = testing::complete("service_station");
        b.app.cover.project_name = "备份里较新的版本";
        other.ws.changed(b, "2018-05-03T00:00:00Z", true);
        REQUIRE(other.ws.save_dirty("2018-05-03T00:00:00Z"));
        const std::string newer = other.ws.backup("2018-05-03T00:00:00Z");
        f.fs.disk_full = true;
        const MergeReport r = f.ws.merge_backup(
            newer, [] { return "n2"; }, "2018-05-04T00:00:00Z");
        CHECK(r.not_merged == 1);
        CHECK(r.updated == 0);
        CHECK(f.ws.find("d1")->app.cover.project_name == "本机的版本");
        CHECK_FALSE(f.ws.find("d1")->dirty());
        f.fs.disk_full = false;
        CHECK(f.fs.files == stored);
        // With room again, the merge goes through and the version here is a revision.
        const MergeReport again = f.ws.merge_backup(
            newer, [] { return "n2"; }, "2018-05-04T00:00:00Z");
        CHECK(again.updated == 1);
        CHECK(f.ws.find("d1")->app.cover.project_name == "备份里较新的版本");
        CHECK(f.ws.revisions("d1").front().reason == "backup");
    }
    SUBCASE("an older version in a backup is not counted as kept when it could not be written") {
        Fixture other;
        WorkDraft& b = other.ws.create(KindId::ServiceStation, "d1", "2018-04-01T00:00:00Z");
        b.app = testing::complete("service_station");
        b.app.cover.project_name = "备份里较旧的版本";
        other.ws.changed(b, "2018-04-01T00:00:00Z", true);
        REQUIRE(other.ws.save_dirty("2018-04-01T00:00:00Z"));
        f.fs.disk_full = true;
        const MergeReport r = f.ws.merge_backup(
            other.ws.backup("2018-04-02T00:00:00Z"), [] { return "n2"; }, "2018-05-04T00:00:00Z");
        CHECK(r.not_merged == 1);
        CHECK(r.kept == 0);
        CHECK(f.ws.find("d1")->app.cover.project_name == "本机的版本");
    }
}
