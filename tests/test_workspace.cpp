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
    UndoHistory h(3);
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
    CHECK(f.ws.save_dirty());
    CHECK_FALSE(f.ws.any_dirty());

    Workspace<WorkDraft> again(f.store, programme(), "test");
    LoadReport r = again.load();
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
    REQUIRE(f.ws.remove("d1"));
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
    CHECK_FALSE(f.ws.remove("d1"));
    CHECK(f.ws.drafts().size() == 1);
    CHECK_FALSE(f.ws.save_dirty());
    CHECK(a.dirty());
    f.fs.disk_full = false;
    CHECK(f.ws.save_dirty());
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
    CHECK(f.ws.save_dirty());
}
