// Values, text, times and the store at their edges: each case here kills a plausible bug
// that the other tests let through (scripts/mutate found them).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "date.h"
#include "helpers.h"
#include "memory_fs.h"
#include "money.h"
#include "store.h"
#include "summary.h"
#include "text.h"

using namespace shenbao;
using testing::complete;
using testing::MemoryFileSystem;

TEST_CASE("a date outside 1900-2200, month 1-12, or a day beyond its month is not a date") {
    CHECK(is_valid_date(1900, 1, 1));
    CHECK(is_valid_date(2200, 12, 31));
    CHECK_FALSE(is_valid_date(1899, 12, 31));
    CHECK_FALSE(is_valid_date(2201, 1, 1));
    CHECK_FALSE(is_valid_date(2018, 0, 1));
    CHECK_FALSE(is_valid_date(2018, 13, 1));
    CHECK_FALSE(is_valid_date(2018, 5, 0));
    // Each month's last day, and the day after it.
    const int last[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; ++m) {
        CAPTURE(m);
        CHECK(is_valid_date(2018, m, last[m - 1]));
        CHECK_FALSE(is_valid_date(2018, m, last[m - 1] + 1));
    }
    CHECK(is_valid_date(2016, 2, 29));
    CHECK(is_valid_date(2000, 2, 29));  // divisible by 400
    CHECK_FALSE(is_valid_date(2100, 2, 29));
}

TEST_CASE("day numbers are days since 1970-01-01 and come back to the same date") {
    CHECK(Date{1970, 1, 1}.serial() == 0);
    CHECK(Date{2018, 5, 31}.serial() == 17682);
    CHECK(Date{2000, 3, 1}.serial() == 11017);
    for (const Date d :
         {Date{1900, 1, 1}, Date{1999, 12, 31}, Date{2000, 2, 29}, Date{2018, 5, 31}, Date{2200, 12, 31}}) {
        CAPTURE(d.iso());
        CHECK(Date::from_serial(d.serial()) == d);
    }
    CHECK(Date{2018, 5, 1}.iso() == "2018-05-01");
}

TEST_CASE("a stored time is exactly YYYY-MM-DDTHH:MM:SSZ; anything else is not taken for one") {
    CHECK(iso_utc_seconds("2018-05-20T08:30:00Z") == 17671LL * 86400 + 8 * 3600 + 30 * 60);
    for (const char* bad :
         {"2018-05-20 08:30:00Z", "2018-05-20T08:30:00", "2018/05/20T08:30:00Z", "2018-05-20T08-30:00Z",
          "2018-05-2aT08:30:00Z", "2018-05-20T08:30:0xZ", "2018-05-20T24:00:00Z", "2018-05-20T08:60:00Z",
          "2018-05-20T08:30:61Z", "2018-02-30T08:30:00Z", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(iso_utc_seconds(bad));
    }
    CHECK(iso_utc_seconds("2018-05-20T23:59:60Z"));        // a leap second
    CHECK_FALSE(iso_utc_seconds("2018-05-1:T08:30:00Z"));  // ':' follows '9': read as a digit it would make day 20
}

TEST_CASE("amounts: full-width digits and point, impossible floats, and capitals with zeros inside") {
    CHECK(Money::parse("１２．５")->fen == 1250);
    CHECK(Money::parse("１２．５元")->fen == 1250);
    CHECK_FALSE(Money::from_yuan(-1));
    CHECK_FALSE(Money::from_yuan(std::nan("")));
    CHECK_FALSE(Money::from_yuan(std::numeric_limits<double>::infinity()));
    CHECK_FALSE(Money::from_yuan(1e12));
    CHECK(Money::from_yuan(0.1 + 0.2)->fen == 30);  // a float a hair off a whole fen
    CHECK(Money::from_yuan(12345678.91)->fen == 1234567891);
    CHECK_FALSE(Money::from_yuan(0.125));  // half a fen
    CHECK_FALSE(Money::from_yuan(1000000.005));
    CHECK(Money{10000100000}.capital() == "壹亿零壹仟元整");  // a group of four zeros between
    CHECK(Money{1}.capital() == "壹分");
    CHECK(Money{101}.capital() == "壹元零壹分");
    CHECK(Money{110}.capital() == "壹元壹角");
}

TEST_CASE("UTF-8: two- and four-byte characters are read and written whole; broken ones are not") {
    size_t i = 0;
    CHECK(next_code_point("\xC3\xA9", i) == U'é');
    CHECK(i == 2);
    i = 0;
    CHECK(next_code_point("\xF0\x9F\x98\x80", i) == U'\U0001F600');
    CHECK(i == 4);
    i = 0;
    CHECK(next_code_point("\xF0\x9F\x98", i) == 0xFFFD);  // cut short
    CHECK(i == 1);
    i = 0;
    CHECK(next_code_point("\xF4\x90\x80\x80", i) == 0xFFFD);  // beyond U+10FFFF
    CHECK(char_count("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80") == 4);
    std::string out;
    append_utf8(out, U'\U0001F600');
    append_utf8(out, U'é');
    append_utf8(out, U'\U0010FFFF');
    CHECK(out == "\xF0\x9F\x98\x80\xC3\xA9\xF4\x8F\xBF\xBF");
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));  // U+FFFD itself, written out
    CHECK_FALSE(is_valid_utf8("\xEF\xBF"));
    CHECK_FALSE(is_valid_utf8("\xC3"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a surrogate
}

TEST_CASE("the summary joins what is filled in with a dot, and leaves out what is not") {
    Application a = complete("service_station");
    a.team.resize(1);
    a.team[0] = {"王明", "", "研究员", "农业", "13805151234"};
    const std::vector<SummarySection> sections = summarise(testing::programme(), a);
    bool found = false;
    for (const SummarySection& s : sections)
        for (const SummaryRow& r : s.rows)
            if (r.label == "王明") {
                found = true;
                CHECK(r.value == "研究员 · 农业 · 13805151234");
            }
    CHECK(found);
}

TEST_CASE("draft ids: at most 64 letters, digits, - and _") {
    CHECK(is_safe_draft_id(std::string(64, 'a')));
    CHECK_FALSE(is_safe_draft_id(std::string(65, 'a')));
    CHECK_FALSE(is_safe_draft_id(""));
    CHECK_FALSE(is_safe_draft_id("a.b"));
}

TEST_CASE("the store refuses unsafe ids and unreadable files on every path, and names revisions by time and reason") {
    MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    StoredDraft d{"a1", complete("service_station"), {"other-id", "2018-05-01T00:00:00Z", "2018-05-02T00:00:00Z", "t"}};
    REQUIRE(store.save(d));
    // The file says the id it is stored under, whatever the meta said.
    CHECK(decode_application(fs.files.at("/d/a1.json")).meta.draft_id == "a1");

    fs.files["/d/../x.json"] = fs.files.at("/d/a1.json");
    CHECK_FALSE(store.move_to_trash("../x", "2018-05-03T00:00:00Z"));
    CHECK(fs.files.count("/d/../x.json"));
    CHECK_FALSE(store.move_to_trash("missing", "2018-05-03T00:00:00Z"));
    fs.files["/d/broken.json"] = "{not json";
    CHECK_FALSE(store.move_to_trash("broken", "2018-05-03T00:00:00Z"));
    CHECK(fs.files.count("/d/broken.json"));
    CHECK_FALSE(store.restore_from_trash("missing"));
    fs.files["/d/trash/bad.json"] = "{not json";
    CHECK_FALSE(store.restore_from_trash("bad"));
    CHECK_FALSE(fs.files.count("/d/bad.json"));
    CHECK(fs.files.count("/d/trash/bad.json"));

    CHECK_FALSE(store.save_revision({"../x", d.app, d.meta}, "2018-05-03T00:00:00Z", "auto"));
    CHECK_FALSE(store.save_revision(d, "2018-05-03T00:00:00Z", "../auto"));
    REQUIRE(store.save_revision(d, "2018-05-03T00:00:00Z", "auto"));
    REQUIRE(store.save_revision(d, "2018-05-03T00:00:00Z", "auto"));  // the same second
    REQUIRE(store.save_revision(d, "2018-05-03T00:00:00Z", "auto"));
    REQUIRE(store.save_revision(d, "2018-05-04T00:00:00Z", "import"));
    fs.files["/d/history/a1/notes.txt"] = "x";
    fs.files["/d/history/a1/x.json"] = "x";  // too short a name to be a revision
    const std::vector<Revision> all = store.revisions("a1");
    REQUIRE(all.size() == 4);
    CHECK(all[0].file == "20180504T000000Z-import.json");
    CHECK(all[0].at == "2018-05-04T00:00:00Z");
    CHECK(all[0].reason == "import");
    CHECK(all[1].file == "20180503T000000Z-auto-3.json");
    CHECK(all[1].reason == "auto");
    CHECK(all[3].file == "20180503T000000Z-auto.json");
    CHECK(store.read_revision("a1", all[0].file));
    fs.files["/d/history/a1/../a1.json"] = fs.files.at("/d/a1.json");  // a way out, were it followed
    CHECK_FALSE(store.read_revision("a1", "../a1.json"));
    CHECK_FALSE(store.read_revision("a1", "sub/x.json"));
    CHECK_FALSE(store.read_revision("../d", all[0].file));
}

TEST_CASE("the summary lists an indicator with only its name, and leaves out a row with nothing") {
    Application a = complete("service_station");
    a.plan.indicators = {{"服务企业数", "", ""}, {"", "", ""}};
    size_t rows = 0;
    bool named = false;
    for (const SummarySection& s : summarise(testing::programme(), a))
        if (s.title == testing::programme().form.label_of("plan.indicators")) {
            rows = s.rows.size();
            for (const SummaryRow& r : s.rows) named = named || r.label == "服务企业数";
        }
    CHECK(rows == 1);
    CHECK(named);
}
