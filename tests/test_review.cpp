// The association's side: duplicates, resubmissions, totals, review fields, CSV.
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.h"
#include "review.h"
#include "text.h"

using namespace shenbao;
using testing::complete;
using testing::programme;

namespace {

std::string file_of(Application a, const std::string& draft_id = "",
                    const std::string& updated = "2018-05-20T00:00:00Z") {
    return encode_application(a, "yancheng-2018", {draft_id, "2018-05-01T00:00:00Z", updated, "test"});
}

Application academic(const std::string& unit, const std::string& name, const std::string& scale,
                     const char* requested) {
    Application a = complete("academic_exchange");
    a.cover.applicant_unit = unit;
    a.cover.project_name = name;
    a.academic.scale = scale;
    a.budget.requested.text = requested;
    return a;
}

}  // namespace

TEST_CASE("submissions are checked; the same file twice is recognised; broken files stop nothing") {
    ReviewSet set;
    const Date today{2018, 5, 30};
    CHECK(review_add(set, programme(), "a.json", file_of(complete("service_station")), today) == ReviewAdd::Added);
    CHECK(review_add(set, programme(), "a-copy.json", file_of(complete("service_station")), today) ==
          ReviewAdd::Duplicate);
    CHECK(review_add(set, programme(), "bad.json", "{ nope", today) == ReviewAdd::Rejected);
    CHECK(review_add(set, programme(), "b.json", file_of(complete("organisation_building")), today) ==
          ReviewAdd::Added);
    REQUIRE(set.items.size() == 2);
    REQUIRE(set.rejected.size() == 1);
    CHECK(set.rejected[0].file_name == "bad.json");
    CHECK(set.items[0].errors == 0);
    Application broken = complete("service_station");
    broken.cover.project_name = "另一个站";
    broken.team.clear();
    CHECK(review_add(set, programme(), "c.json", file_of(broken), today) == ReviewAdd::Added);
    CHECK(set.items[2].errors > 0);
}

TEST_CASE("a changed resubmission of the same unit and project is offered; the newer can be kept with the review") {
    ReviewSet set;
    const Date today{2018, 5, 30};
    Application first = complete("service_station");
    review_add(set, programme(), "v1.json", file_of(first, "", "2018-05-20T00:00:00Z"), today);
    set.items[0].proposed.text = "3000";
    set.items[0].comment = "同意";
    Application second = first;
    second.plan.place = "新的服务地点";
    CHECK(review_add(set, programme(), "v2.json", file_of(second, "", "2018-05-25T00:00:00Z"), today) ==
          ReviewAdd::Resubmitted);
    REQUIRE(set.resubmissions.size() == 1);
    CHECK(set.resubmissions[0].incoming_is_newer);
    CHECK(set.items.size() == 1);
    review_resolve(set, 0, true);
    REQUIRE(set.items.size() == 1);
    CHECK(set.items[0].app.plan.place == "新的服务地点");
    CHECK(set.items[0].proposed.text == "3000");
    CHECK(set.items[0].comment == "同意");
    CHECK(set.resubmissions.empty());
}

TEST_CASE("totals per kind and per unit, against a hand computation and 附件1") {
    ReviewSet set;
    const Date today{2018, 5, 30};
    review_add(set, programme(), "1.json", file_of(academic("市物理学会", "论坛一", "小型学术活动", "2000")), today);
    review_add(set, programme(), "2.json", file_of(academic("市物理学会", "论坛二", "中型学术活动", "4000")), today);
    review_add(set, programme(), "3.json", file_of(academic("市物理学会", "论坛三", "中型学术活动", "6000")), today);
    review_add(set, programme(), "4.json", file_of(academic("盐城工学院科协", "年会", "大型综合学术活动", "5000")),
               today);
    review_add(set, programme(), "5.json", file_of(complete("service_station")), today);  // 市机械工程学会, 3000
    REQUIRE(set.items.size() == 5);
    set.items[0].proposed.text = "1500";
    set.items[1].proposed.text = "3000.50";
    set.items[4].proposed.text = "3000";

    ReviewTotals t = review_totals(programme(), set);
    CHECK(t.overall.count == 5);
    CHECK(t.overall.requested == Money::yuan(2000 + 4000 + 6000 + 5000 + 3000));
    CHECK(t.overall.proposed == Money{150000 + 300050 + 300000});
    const KindTotal& academic_total = t.kinds[0];
    CHECK(academic_total.kind == KindId::AcademicExchange);
    CHECK(academic_total.count == 4);
    CHECK(academic_total.requested == Money::yuan(17000));
    CHECK(academic_total.over_standard == 1);  // 6000 > 5000
    CHECK(t.kinds[1].count == 1);
    CHECK(t.kinds[1].proposed == Money::yuan(3000));

    auto unit = [&](const std::string& name) {
        for (const UnitTotal& u : t.units)
            if (u.unit == name) return u;
        FAIL("no unit " << name);
        return UnitTotal{};
    };
    UnitTotal physics = unit("市物理学会");
    CHECK(physics.listed);
    CHECK(physics.count == 3);
    REQUIRE(physics.academic.size() == 3);
    CHECK(physics.academic[0].label == "小型学术活动");
    CHECK(physics.academic[0].applied == 1);
    CHECK(physics.academic[0].target == 1);
    CHECK(physics.academic[1].applied == 2);  // 中型: applied 2, target 1
    CHECK(physics.academic[1].target == 1);
    CHECK_FALSE(physics.academic[2].target.has_value());
    UnitTotal college = unit("盐城工学院科协");
    REQUIRE(college.academic.size() == 1);
    CHECK(college.academic[0].applied == 1);
    CHECK(college.academic[0].target == 5);
}

TEST_CASE("the proposed amount is checked against the standard and the request") {
    ReviewSet set;
    review_add(set, programme(), "s.json", file_of(complete("service_station")), Date{2018, 5, 30});
    Submission& s = set.items[0];
    CHECK(check_review(programme(), s).empty());
    s.proposed.text = "3000";
    CHECK(check_review(programme(), s).empty());
    s.proposed.text = "3000.01";
    CHECK(count_severity(check_review(programme(), s), Severity::Error) == 1);
    s.proposed.text = "许多";
    CHECK(count_severity(check_review(programme(), s), Severity::Error) == 1);
    ReviewSet a;
    review_add(a, programme(), "a.json", file_of(academic("市物理学会", "论坛", "小型学术活动", "2000")),
               Date{2018, 5, 30});
    a.items[0].proposed.text = "2500";
    CHECK(count_severity(check_review(programme(), a.items[0]), Severity::Warning) == 1);  // above the request
    a.items[0].proposed.text = "999";
    CHECK(count_severity(check_review(programme(), a.items[0]), Severity::Warning) == 1);  // below the standard
}

TEST_CASE("CSV: BOM, quoting, and formula injection neutralised") {
    CHECK(csv_field("普通") == "\"普通\"");
    CHECK(csv_field("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"");
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+1") == "\"'+1\"");
    CHECK(csv_field("-2+3") == "\"'-2+3\"");
    CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_field("\tx") == "\"'\tx\"");
    ReviewSet set;
    Application a = complete("service_station");
    a.cover.applicant_unit = "=cmd|' /C calc'!A0";
    review_add(set, programme(), "x.json", file_of(a), Date{2018, 5, 30});
    set.items[0].comment = "-1 同意, \"可以\"";
    const std::string csv = review_csv(programme(), set);
    CHECK(csv.rfind("\xEF\xBB\xBF\"申报单位\",", 0) == 0);
    CHECK(csv.find("\"'=cmd|' /C calc'!A0\"") != std::string::npos);
    CHECK(csv.find("\"'-1 同意, \"\"可以\"\"\"") != std::string::npos);
    CHECK(csv.find("\r\n") != std::string::npos);
    size_t lines = 0;
    for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++lines;
    CHECK(lines == 2);
}

TEST_CASE("CSV: always valid UTF-8; 申报时间 as typed when it is not a date; 项目类别 as 附件2 lists it") {
    ReviewSet set;
    Application a = complete("academic_exchange");
    a.cover.applied_on.text = "五月底前";  // not a date
    // A hostile or foreign file: its last-edit time is text that a byte cut would split.
    review_add(set, programme(), "a.json", file_of(a, "", "二〇一八年五月二十日"), Date{2018, 5, 30});
    Application b = complete("service_station");
    b.cover.applied_on.text = "";
    review_add(set, programme(), "b.json", file_of(b, "", "中文时间字段"), Date{2018, 5, 30});
    REQUIRE(set.items.size() == 2);
    const std::string csv = review_csv(programme(), set);
    CHECK(is_valid_utf8(csv));
    CHECK(csv.find("\"五月底前\"") != std::string::npos);
    CHECK(csv.find("\"学术交流（精品学术交流活动）\"") != std::string::npos);
    CHECK(csv.find("\"学会服务（学会科技服务站）\"") != std::string::npos);
    CHECK(set.items[0].submitted_on() == "五月底前");
    CHECK(set.items[1].submitted_on().empty());
    set.items[1].meta.updated_at = "2018-05-21T03:00:00Z";
    CHECK(set.items[1].submitted_on() == "2018-05-21");
}

TEST_CASE("totals per unit count 附件1's short name and the full name as one unit") {
    ReviewSet set;
    review_add(set, programme(), "1.json", file_of(academic("市物理学会", "论坛一", "小型学术活动", "2000")),
               Date{2018, 5, 30});
    review_add(set, programme(), "2.json", file_of(academic("盐城市物理学会", "论坛二", "中型学术活动", "3000")),
               Date{2018, 5, 30});
    const ReviewTotals t = review_totals(programme(), set);
    REQUIRE(t.units.size() == 1);
    CHECK(t.units[0].unit == "市物理学会");
    CHECK(t.units[0].listed);
    CHECK(t.units[0].count == 2);
    CHECK(t.units[0].requested == Money::yuan(5000));
    size_t applied = 0;
    for (const UnitTotal::Scale& s : t.units[0].academic) applied += s.applied;
    CHECK(applied == 2);
}

TEST_CASE("review fields round trip, and the publication list lists those 党组研究 approved, escaped") {
    ReviewSet set;
    Application a = complete("service_station");
    a.cover.project_name = "<script>alert(1)</script>站";
    review_add(set, programme(), "s.json", file_of(a), Date{2018, 5, 30});
    review_add(set, programme(), "o.json", file_of(complete("organisation_building")), Date{2018, 5, 30});
    set.items[0].proposed.text = "3000";
    set.items[0].comment = "同意资助";
    set.items[0].decision = {Verdict::Approved, {"3000"}, "党组会议通过"};
    set.items[1].proposed.text = "2000";  // proposed, but not approved: not listed
    set.items[1].decision.verdict = Verdict::NotApproved;
    const std::string fields = encode_review_fields(set);
    // The app stores the received files under their ids: the names they came with are
    // in the fields.
    ReviewSet again;
    review_add(again, programme(), set.items[0].id + ".json", file_of(a), Date{2018, 5, 30});
    review_add(again, programme(), set.items[1].id + ".json", file_of(complete("organisation_building")),
               Date{2018, 5, 30});
    apply_review_fields(again, fields);
    CHECK(again.items[0].file_name == "s.json");
    CHECK(again.items[1].file_name == "o.json");
    CHECK(again.items[0].proposed.text == "3000");
    CHECK(again.items[0].comment == "同意资助");
    CHECK(again.items[0].decision.verdict == Verdict::Approved);
    CHECK(again.items[0].decision.amount.text == "3000");
    CHECK(again.items[0].decision.note == "党组会议通过");
    CHECK(again.items[1].proposed.text == "2000");
    CHECK(again.items[1].decision.verdict == Verdict::NotApproved);
    const std::string html = review_publication_html(programme(), again);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("3,000.00") != std::string::npos);
    CHECK(html.find("党支部建设") == std::string::npos);  // not funded, not listed
    apply_review_fields(again, "garbage");                // ignored
    CHECK(again.items[0].proposed.text == "3000");
}

TEST_CASE("a resubmission is matched by its draft even when renamed; two projects without a name are two") {
    const Date today{2018, 5, 30};
    ReviewSet set;
    Application first = complete("service_station");
    REQUIRE(review_add(set, programme(), "a.json", file_of(first, "d1"), today) == ReviewAdd::Added);
    CHECK(set.items[0].id == "s-" + set.items[0].fingerprint.substr(0, 16));
    CHECK(set.find(set.items[0].id) == &set.items[0]);
    CHECK(set.find("s-none") == nullptr);
    Application renamed = first;
    renamed.cover.project_name = "改了名的服务站";
    CHECK(review_add(set, programme(), "b.json", file_of(renamed, "d1", "2018-05-21T00:00:00Z"), today) ==
          ReviewAdd::Resubmitted);
    // Kept the existing one: the incoming goes; kept the incoming: it replaces, review kept.
    ReviewSet keep_old = set;
    review_resolve(keep_old, 0, false);
    CHECK(keep_old.items.size() == 1);
    CHECK(keep_old.items[0].app.cover.project_name == first.cover.project_name);
    set.items[0].comment = "已初审";
    review_resolve(set, 0, true);
    REQUIRE(set.items.size() == 1);
    CHECK(set.items[0].app.cover.project_name == "改了名的服务站");
    CHECK(set.items[0].comment == "已初审");
    CHECK(set.resubmissions.empty());

    ReviewSet unnamed;
    Application x = complete("service_station"), y = complete("academic_exchange");
    x.cover.project_name = "";
    y.cover.project_name = "";
    y.cover.applicant_unit = x.cover.applicant_unit;
    CHECK(review_add(unnamed, programme(), "x.json", file_of(x, "dx"), today) == ReviewAdd::Added);
    CHECK(review_add(unnamed, programme(), "y.json", file_of(y, "dy"), today) == ReviewAdd::Added);
    // A file of another call says so; one of this call does not.
    for (const Finding& f : unnamed.items[0].findings) CHECK(f.field != "programme");
    const std::string other = encode_application(complete("service_station"), "other-call", {"d9", "", "", "t"});
    CHECK(review_add(unnamed, programme(), "z.json", other, today) == ReviewAdd::Added);
    bool said = false;
    for (const Finding& f : unnamed.items.back().findings) said = said || f.field == "programme";
    CHECK(said);
}

TEST_CASE("the proposed amount: not a number, above the cap, and a single fen under the lower bound") {
    const Date today{2018, 5, 30};
    ReviewSet set;
    REQUIRE(review_add(set, programme(), "a.json", file_of(academic("盐城市农学会", "论坛", "large", "20000")),
                       today) == ReviewAdd::Added);
    Submission& s = set.items[0];
    auto has = [&](Severity sev) {
        for (const Finding& f : check_review(programme(), s))
            if (f.field == "review.proposed" && f.severity == sev) return true;
        return false;
    };
    s.proposed.text = "两万";
    CHECK(has(Severity::Error));
    s.proposed.text = "0.01";
    CHECK(has(Severity::Warning));
    s.proposed.text = "0";
    CHECK_FALSE(has(Severity::Warning));  // nothing proposed: not under the bound
    s.proposed.text = "";
    CHECK(check_review(programme(), s).empty());
}

TEST_CASE("review fields read back only into the submissions they name, and only when well formed") {
    const Date today{2018, 5, 30};
    ReviewSet set;
    REQUIRE(review_add(set, programme(), "a.json", file_of(complete("service_station")), today) == ReviewAdd::Added);
    set.items[0].proposed.text = "3000";
    set.items[0].comment = "同意";
    const std::string saved = encode_review_fields(set);
    ReviewSet back = set;
    back.items[0].proposed.text.clear();
    back.items[0].comment.clear();
    apply_review_fields(back, "not json");
    apply_review_fields(back, R"({"fields": {"s-unknown": {"comment": "x"}}})");
    apply_review_fields(back, "{\"fields\": {\"" + set.items[0].id + "\": \"not an object\"}}");
    CHECK(back.items[0].comment.empty());
    apply_review_fields(back, saved);
    CHECK(back.items[0].proposed.text == "3000");
    CHECK(back.items[0].comment == "同意");
}

TEST_CASE(
    "review edges: a lookup through a const set, a resubmission whose original went, a proposal that is no "
    "number, the 公示 list by kind, review files of the wrong shape") {
    const Date today{2018, 5, 30};
    ReviewSet set;
    REQUIRE(review_add(set, programme(), "a.json", file_of(complete("service_station"), "d1"), today) ==
            ReviewAdd::Added);
    REQUIRE(review_add(set, programme(), "b.json", file_of(academic("盐城市物理学会", "论坛", "large", "20000"), "d2"),
                       today) == ReviewAdd::Added);
    const ReviewSet& seen = set;
    REQUIRE(seen.find(set.items[1].id));
    CHECK(seen.find(set.items[1].id)->app.cover.project_name == "论坛");
    CHECK(seen.find("s-none") == nullptr);

    Application changed = complete("service_station");
    changed.cover.project_name = "新名称";
    REQUIRE(review_add(set, programme(), "c.json", file_of(changed, "d1", "2018-05-22T00:00:00Z"), today) ==
            ReviewAdd::Resubmitted);
    ReviewSet gone = set;
    gone.items.erase(gone.items.begin());  // the original was taken out meanwhile
    review_resolve(gone, 0, true);
    REQUIRE(gone.items.size() == 2);
    CHECK(gone.items.back().app.cover.project_name == "新名称");

    Submission& s = set.items[0];
    s.proposed.text = "两万";
    const Findings fs = check_review(programme(), s);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].message.find("不是有效的数字") != std::string::npos);

    // 公示: grouped by kind in the programme's order, whatever the order received.
    set.items[0].decision = {Verdict::Approved, {"3000"}, ""};
    set.items[1].decision = {Verdict::Approved, {"2000"}, ""};
    const std::string html = review_publication_html(programme(), set);
    const size_t academic_at = html.find("论坛"), station_at = html.find(set.items[0].app.cover.project_name);
    REQUIRE(academic_at != std::string::npos);
    REQUIRE(station_at != std::string::npos);
    CHECK((KindId::AcademicExchange < KindId::ServiceStation) == (academic_at < station_at));

    const std::string before = encode_review_fields(set);
    apply_review_fields(set, "[1, 2]");
    apply_review_fields(set, R"({"fields": [1]})");
    apply_review_fields(set, R"({"other": {}})");
    CHECK(encode_review_fields(set) == before);
}

TEST_CASE("academic events are counted against 附件1 whichever column of a unit's table they are in") {
    const Date today{2018, 5, 30};
    ReviewSet set;
    REQUIRE(review_add(set, programme(), "a.json",
                       file_of(academic("市物理学会", "论坛一", "小型学术活动", "5000"), "d1"),
                       today) == ReviewAdd::Added);
    REQUIRE(review_add(set, programme(), "b.json",
                       file_of(academic("市物理学会", "论坛二", "中型学术活动", "8000"), "d2"),
                       today) == ReviewAdd::Added);
    const ReviewTotals as_shipped = review_totals(programme(), set);
    // The same tables with their columns turned round, so that an academic column comes first.
    Programme turned = programme();
    for (TargetTable& t : turned.targets) {
        const auto first_academic = std::find_if(t.columns.begin(), t.columns.end(), [](const TargetColumn& c) {
            return !c.academic_scale.empty() || c.id == "academic_events";
        });
        if (first_academic == t.columns.end()) continue;
        const long by = first_academic - t.columns.begin();
        std::rotate(t.columns.begin(), first_academic, t.columns.end());
        for (auto& row : t.rows) std::rotate(row.values.begin(), row.values.begin() + by, row.values.end());
    }
    turned.index_units();
    const ReviewTotals after = review_totals(turned, set);
    auto physics = [](const ReviewTotals& t) {
        for (const UnitTotal& u : t.units)
            if (u.unit == "市物理学会") return u;
        return UnitTotal{};
    };
    const UnitTotal a = physics(as_shipped), b = physics(after);
    REQUIRE(a.academic.size() >= 2);
    CHECK(a.academic[0].applied == 1);  // 小型
    CHECK(a.academic[1].applied == 1);  // 中型
    REQUIRE(a.academic.size() == b.academic.size());
    for (size_t i = 0; i < a.academic.size(); ++i) {
        CAPTURE(a.academic[i].label);
        CHECK(a.academic[i].label == b.academic[i].label);
        CHECK(a.academic[i].applied == b.academic[i].applied);
        CHECK(a.academic[i].target == b.academic[i].target);
    }
}
