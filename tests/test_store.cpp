// Drafts on disk: atomic writes, the trash, and quarantine of unreadable files.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "helpers.h"
#include "memory_fs.h"
#include "posix_fs.h"
#include "store.h"

using namespace shenbao;
using testing::complete;
using testing::MemoryFileSystem;

namespace {
StoredDraft sample(const std::string& id, const std::string& name) {
    StoredDraft d{id, complete("service_station"), {id, "2018-05-01T00:00:00Z", "2018-05-02T00:00:00Z", "test"}};
    d.app.cover.project_name = name;
    return d;
}
}  // namespace

TEST_CASE("saved drafts load back identical") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    REQUIRE(store.save(sample("a1", "甲")));
    REQUIRE(store.save(sample("b2", "乙")));
    LoadReport r = store.load_all();
    CHECK(r.problems.empty());
    REQUIRE(r.drafts.size() == 2);
    for (const StoredDraft& d : r.drafts) {
        CHECK(d.meta.draft_id == d.id);
        CHECK(d.app == sample(d.id, d.id == "a1" ? "甲" : "乙").app);
    }
    CHECK(fs.files.count("/d/a1.json"));
    CHECK_FALSE(fs.files.count("/d/a1.json.tmp"));
}

TEST_CASE("a failed write (full disk) leaves the last good version untouched") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    REQUIRE(store.save(sample("a1", "第一版")));
    fs.disk_full = true;
    CHECK_FALSE(store.save(sample("a1", "第二版")));
    fs.disk_full = false;
    LoadReport r = store.load_all();
    REQUIRE(r.drafts.size() == 1);
    CHECK(r.drafts[0].app.cover.project_name == "第一版");
    CHECK(r.problems.empty());
}

TEST_CASE("a write torn before its rename is cleaned up and the old file wins") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    REQUIRE(store.save(sample("a1", "旧")));
    fs.files["/d/a1.json.tmp"] = "{\"schema\": \"shenbao.appl";  // the machine died mid-write
    LoadReport r = store.load_all();
    REQUIRE(r.drafts.size() == 1);
    CHECK(r.drafts[0].app.cover.project_name == "旧");
    CHECK_FALSE(fs.files.count("/d/a1.json.tmp"));
}

TEST_CASE("an unreadable draft is quarantined and reported; the others load") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    REQUIRE(store.save(sample("good", "好的")));
    fs.files["/d/bad.json"] = "{ this is not json";
    fs.files["/d/evil name.json"] = store.encode(sample("x", "x"));
    LoadReport r = store.load_all();
    REQUIRE(r.drafts.size() == 1);
    CHECK(r.drafts[0].id == "good");
    REQUIRE(r.problems.size() == 2);
    CHECK(fs.files.count("/d/quarantine/bad.json"));
    CHECK(fs.files.at("/d/quarantine/bad.json") == "{ this is not json");  // kept, never deleted
    CHECK_FALSE(fs.files.count("/d/bad.json"));
    CHECK(r.problems[0].message.find("隔离") != std::string::npos);
}

TEST_CASE("trash: delete, list, restore, purge") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    REQUIRE(store.save(sample("a1", "甲")));
    REQUIRE(store.move_to_trash("a1", "2018-05-05T00:00:00Z"));
    CHECK(store.load_all().drafts.empty());
    REQUIRE(store.trash().size() == 1);
    CHECK(store.trash()[0].app.cover.project_name == "甲");
    REQUIRE(store.restore_from_trash("a1"));
    CHECK(store.load_all().drafts.size() == 1);
    CHECK(store.trash().empty());
    REQUIRE(store.move_to_trash("a1", "2018-05-05T00:00:00Z"));
    CHECK(store.purge_from_trash("a1"));
    CHECK(store.trash().empty());
}

TEST_CASE("draft ids cannot walk out of the store") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    CHECK_FALSE(store.save(sample("../etc/passwd", "x")));
    CHECK_FALSE(store.move_to_trash("../x", "t"));
    CHECK(is_safe_draft_id("d20181122-ab12"));
    CHECK_FALSE(is_safe_draft_id(""));
    CHECK_FALSE(is_safe_draft_id("a/b"));
}

TEST_CASE("the store over the real file system") {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("shenbao-store-" + std::to_string(std::rand()));
    platform::PosixFileSystem fs;
    {
        Store store(fs, dir.string(), "yancheng-2018");
        REQUIRE(store.save(sample("a1", "磁盘上的草稿")));
        REQUIRE(store.save(sample("a1", "改过的草稿")));
        LoadReport r = store.load_all();
        REQUIRE(r.drafts.size() == 1);
        CHECK(r.drafts[0].app.cover.project_name == "改过的草稿");
        REQUIRE(store.move_to_trash("a1", "2018-05-05T00:00:00Z"));
        CHECK(store.trash().size() == 1);
    }
    std::filesystem::remove_all(dir);
}

namespace {
// What a person would call the state of the store: each draft, each draft in the trash and
// each revision, with its content (a torn or half-moved file would show here).
std::map<std::string, std::string> stored_state(MemoryFileSystem& fs) {
    std::map<std::string, std::string> out;
    for (const auto& [path, bytes] : fs.files)
        if (path.size() < 4 || path.compare(path.size() - 4, 4, ".tmp") != 0) out[path] = bytes;
    return out;
}
}  // namespace

TEST_CASE(
    "every write of the store, on a full disk or with a failing rename, fails and leaves drafts, trash and "
    "history as they were") {
    const char* kModes[] = {"full disk", "rename fails"};
    struct Operation {
        const char* name;
        std::function<bool(Store&)> run;
    };
    const std::vector<Operation> operations = {
        {"save over a draft", [](Store& s) { return s.save(sample("a1", "第二版")); }},
        {"save a new draft", [](Store& s) { return s.save(sample("c3", "新的")); }},
        {"move to the trash", [](Store& s) { return s.move_to_trash("a1", "2018-05-09T00:00:00Z"); }},
        {"restore from the trash", [](Store& s) { return s.restore_from_trash("b2"); }},
        {"keep a revision",
         [](Store& s) { return s.save_revision(sample("a1", "修订"), "2018-05-09T00:00:00Z", "auto"); }},
    };
    for (const Operation& op : operations) {
        for (const char* mode : kModes) {
            CAPTURE(op.name);
            CAPTURE(mode);
            MemoryFileSystem fs;
            Store store(fs, "/d", "yancheng-2018");
            REQUIRE(store.save(sample("a1", "第一版")));
            REQUIRE(store.save(sample("b2", "回收站里的")));
            REQUIRE(store.move_to_trash("b2", "2018-05-03T00:00:00Z"));
            REQUIRE(store.save_revision(sample("a1", "旧版"), "2018-05-02T00:00:00Z", "auto"));
            const auto before = stored_state(fs);

            (std::string(mode) == "full disk" ? fs.disk_full : fs.rename_fails) = true;
            CHECK_FALSE(op.run(store));
            fs.disk_full = fs.rename_fails = false;

            CHECK(stored_state(fs) == before);
            const LoadReport r = store.load_all();  // what the next visit finds
            CHECK(r.problems.empty());
            REQUIRE(r.drafts.size() == 1);
            CHECK(r.drafts[0].app.cover.project_name == "第一版");
            REQUIRE(store.trash().size() == 1);
            CHECK(store.trash()[0].app.cover.project_name == "回收站里的");
            REQUIRE(store.revisions("a1").size() == 1);
            CHECK(store.read_revision("a1", store.revisions("a1")[0].file)->app.cover.project_name == "旧版");
            // and the same operation works once the disk is well again
            CHECK(op.run(store));
        }
    }
}

TEST_CASE("any document can be kept with a history beside the drafts (an expert's score sheet)") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    CHECK(store.keep_version("sheet-b-0123456789abcdef", "{\"v\":1}", "2018-06-01T08:00:00Z", "sign"));
    CHECK(store.keep_version("sheet-b-0123456789abcdef", "{\"v\":2}", "2018-06-01T08:10:00Z", "auto"));
    const std::vector<Revision> kept = store.revisions("sheet-b-0123456789abcdef");
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].reason == "auto");
    CHECK(kept[0].at == "2018-06-01T08:10:00Z");
    CHECK(kept[1].reason == "sign");
    CHECK(*store.read_version("sheet-b-0123456789abcdef", kept[1].file) == "{\"v\":1}");
    // Not a draft: nothing of it is loaded as one, and names that leave the folder are refused.
    CHECK(store.load_all().drafts.empty());
    CHECK_FALSE(store.read_version("sheet-b-0123456789abcdef", "../x.json"));
    CHECK_FALSE(store.read_version("../sheet", kept[0].file));
    CHECK_FALSE(store.keep_version("a/b", "{}", "2018-06-01T08:00:00Z", "sign"));
    CHECK_FALSE(store.keep_version("sheet-x", "{}", "2018-06-01T08:00:00Z", "no/pe"));
    fs.disk_full = true;
    CHECK_FALSE(store.keep_version("sheet-x", "{}", "2018-06-01T08:00:00Z", "sign"));
    CHECK(store.revisions("sheet-x").empty());
}
