// The programme's rules, each on both sides of its bound.
#include <doctest/doctest.h>

#include "checks.h"
#include "helpers.h"

using namespace shenbao;
using testing::before_deadline;
using testing::complete;
using testing::programme;

namespace {

Findings run(const Application& a, Date today = before_deadline()) { return check_application(programme(), a, today); }

const Finding* find(const Findings& fs, const std::string& field, Severity s) {
    for (const Finding& f : fs)
        if (f.field == field && f.severity == s) return &f;
    return nullptr;
}
bool has(const Findings& fs, const std::string& field, Severity s) { return find(fs, field, s) != nullptr; }
size_t errors(const Findings& fs) { return count_severity(fs, Severity::Error); }

}  // namespace

TEST_CASE("each accepted kind's complete sample has no error before the deadline") {
    for (const char* kind : testing::kAcceptedKinds) {
        CAPTURE(kind);
        Findings fs = run(complete(kind));
        for (const Finding& f : fs)
            if (f.severity == Severity::Error) MESSAGE(f.field << " " << f.message);
        CHECK(errors(fs) == 0);
    }
}

TEST_CASE("every finding carries a zh-CN message and the checks cite clauses from the programme") {
    Application empty = Application::blank(programme(), KindId::ServiceStation);
    Findings fs = run(empty);
    CHECK(errors(fs) > 10);
    for (const Finding& f : fs) {
        CAPTURE(f.message);
        CHECK_FALSE(f.message.empty());
        CHECK_FALSE(f.clause.empty());
        CHECK((f.clause.rfind("附件", 0) == 0));
    }
    // Errors come first.
    bool seen_non_error = false;
    for (const Finding& f : fs) {
        if (f.severity != Severity::Error)
            seen_non_error = true;
        else
            CHECK_FALSE(seen_non_error);
    }
}

TEST_CASE("each kind's blank template is checked with its own rules") {
    for (KindId k : kAllKinds) {
        CAPTURE(kind_key(k));
        Findings fs = run(Application::blank(programme(), k));
        CHECK(has(fs, "cover.project_name", Severity::Error));
        CHECK(has(fs, "budget.lines", Severity::Error));
        CHECK(has(fs, "team", Severity::Error) == (k == KindId::ServiceStation));
        CHECK(has(fs, "details.scale", Severity::Error) == (k == KindId::AcademicExchange));
        CHECK(has(fs, "details.host_name", Severity::Error) == (k == KindId::ServiceStation));
        CHECK(has(fs, "details.items", Severity::Error) == (k == KindId::OrganisationBuilding));
        CHECK(has(fs, "details.partner", Severity::Error) == (k == KindId::EnterpriseCooperation));
    }
}

TEST_CASE("required cover fields") {
    for (auto [field, clear] : std::vector<std::pair<std::string, void (*)(Application&)>>{
             {"cover.project_name", [](Application& a) { a.cover.project_name = "  "; }},
             {"cover.applicant_unit", [](Application& a) { a.cover.applicant_unit = ""; }},
             {"cover.project_leader", [](Application& a) { a.cover.project_leader = ""; }},
             {"cover.phone", [](Application& a) { a.cover.phone = ""; }},
             {"cover.applied_on", [](Application& a) { a.cover.applied_on.text = ""; }},
             {"plan.aims", [](Application& a) { a.plan.aims = ""; }},
             {"plan.content", [](Application& a) { a.plan.content = ""; }},
             {"plan.start", [](Application& a) { a.plan.start.text = ""; }},
             {"plan.place", [](Application& a) { a.plan.place = ""; }},
             {"plan.expected_results", [](Application& a) { a.plan.expected_results = ""; }},
         }) {
        CAPTURE(field);
        Application a = complete("service_station");
        CHECK_FALSE(has(run(a), field, Severity::Error));
        clear(a);
        CHECK(has(run(a), field, Severity::Error));
    }
}

TEST_CASE("phone numbers: mobile and fixed line, with or without area code") {
    for (const char* ok :
         {"13805151234", "+86 138 0515 1234", "8613805151234", "88192426", "0515-88192426", "(0515)88192426",
          "051588192426", "0515 8819 2426", "0515-88192426-806", "0515-68881234转806", "025-52345678", "010-62345678",
          "０５１５－８８１９２４２６", "13805151234、0515-88192426", "8819242"}) {
        CAPTURE(ok);
        CHECK(is_valid_phone(ok));
    }
    for (const char* bad : {"", "12345", "1380515123", "138051512345", "12805151234", "0515-881924", "0515-881924261",
                            "5515-88192426", "0515--88192426", "电话88192426", "13805151234、", "01234567", "abc"}) {
        CAPTURE(bad);
        CHECK_FALSE(is_valid_phone(bad));
    }
    Application a = complete("service_station");
    a.cover.phone = "0515-881924";
    CHECK(has(run(a), "cover.phone", Severity::Error));
    a.team[1].phone = "12345";
    CHECK(has(run(a), "team[1].phone", Severity::Error));
}

TEST_CASE("the deadline: applied on or before 2018-05-31, and today after it is a warning") {
    Application a = complete("service_station");
    a.cover.applied_on.text = "2018-05-31";
    CHECK_FALSE(has(run(a), "cover.applied_on", Severity::Error));
    a.cover.applied_on.text = "2018年6月1日";
    const Findings late_all = run(a);
    const Finding* late = find(late_all, "cover.applied_on", Severity::Error);
    REQUIRE(late);
    CHECK(late->clause == "附件3·申报说明7");
    a.cover.applied_on.text = "2018-04-18";
    CHECK(has(run(a), "cover.applied_on", Severity::Warning));
    a.cover.applied_on.text = "2018-02-30";
    CHECK(has(run(a), "cover.applied_on", Severity::Error));
    a.cover.applied_on.text = "2018-05-20";
    CHECK_FALSE(has(run(a, Date{2018, 5, 31}), "", Severity::Warning));
    CHECK(has(run(a, Date{2018, 6, 1}), "", Severity::Warning));
}

TEST_CASE("the academic time window 2017-11 to 2018-11, on both sides") {
    Application a = complete("academic_exchange");
    a.plan.start.text = "2017-11-01";
    a.plan.end.text = "2018-11-30";
    Findings fs = run(a);
    CHECK_FALSE(has(fs, "plan.start", Severity::Error));
    CHECK_FALSE(has(fs, "plan.end", Severity::Error));
    a.plan.start.text = "2017-10-31";
    a.plan.end.text = "2018-12-01";
    fs = run(a);
    REQUIRE(find(fs, "plan.start", Severity::Error));
    CHECK(find(fs, "plan.start", Severity::Error)->clause == "附件2·精品学术交流活动·备注1");
    CHECK(has(fs, "plan.end", Severity::Error));
}

TEST_CASE("the enterprise cooperation window 2017 to 2018, and an end before the start") {
    Application a = complete("enterprise_cooperation");
    a.plan.end.text = "2018-12-31";
    CHECK_FALSE(has(run(a), "plan.end", Severity::Error));
    a.plan.end.text = "2019-01-01";
    CHECK(has(run(a), "plan.end", Severity::Error));
    Application b = complete("service_station");  // no window for stations
    b.plan.end.text = "2019-06-30";
    CHECK_FALSE(has(run(b), "plan.end", Severity::Error));
    b.plan.end.text = "2018-05-01";
    CHECK(has(run(b), "plan.end", Severity::Error));
}

TEST_CASE("requested amount against each kind's standard") {
    struct Case {
        const char* kind;
        const char* requested;
        const char* total_line;
        Severity expected;
        bool any;
    };
    for (Case c : {Case{"academic_exchange", "5000", "6500.50", Severity::Error, false},
                   Case{"academic_exchange", "5000.01", "6500.50", Severity::Error, true},
                   // A range bounds the request at both ends alike (资助标准 1000-5000元/项).
                   Case{"academic_exchange", "1000", "6500.50", Severity::Error, false},
                   Case{"academic_exchange", "999.99", "6500.50", Severity::Error, true},
                   Case{"service_station", "3000", "3500", Severity::Error, false},
                   Case{"service_station", "3000.01", "3500", Severity::Error, true},
                   Case{"service_station", "2999", "3500", Severity::Info, true},
                   Case{"enterprise_cooperation", "2000", "2000", Severity::Error, false},
                   Case{"enterprise_cooperation", "2001", "2001", Severity::Error, true},
                   Case{"organisation_building", "5000", "5000", Severity::Error, false},
                   Case{"organisation_building", "5001", "5001", Severity::Error, true},
                   Case{"organisation_building", "2000", "4000", Severity::Error, false},
                   Case{"organisation_building", "1999", "4000", Severity::Error, true},
                   Case{"enterprise_cooperation", "999", "2000", Severity::Error, true}}) {
        CAPTURE(c.kind);
        CAPTURE(c.requested);
        Application a = complete(c.kind);
        a.budget.lines = {{"expert_lecture", "专家讲座", {c.total_line}}};
        a.budget.requested.text = c.requested;
        a.budget.self_raised.text = "";
        Money total = *Money::parse(c.total_line), req = *Money::parse(c.requested);
        a.budget.self_raised.text = Money{total.fen - req.fen}.plain();
        bool found = false;
        for (const Finding& f : run(a))
            if (f.field == "budget.requested" && f.severity == c.expected &&
                f.clause.find("资助标准") != std::string::npos)
                found = true;
        CHECK(found == c.any);
    }
}

TEST_CASE("kinds that are not applied for here, and kinds organised separately") {
    Application info = Application::blank(programme(), KindId::EnterpriseInfoService);
    const Findings f_all = run(info);
    const Finding* f = find(f_all, "cover.kind", Severity::Error);
    REQUIRE(f);
    CHECK(f->clause == "附件2·企业科技信息服务·备注");
    CHECK(f->message.find("不单独申报") != std::string::npos);
    CHECK(has(run(Application::blank(programme(), KindId::InnovationContest)), "cover.kind", Severity::Error));
    Application coop = complete("enterprise_cooperation");
    CHECK(has(run(coop), "cover.kind", Severity::Warning));
    CHECK_FALSE(has(run(coop), "cover.kind", Severity::Error));
    CHECK_FALSE(has(run(complete("service_station")), "cover.kind", Severity::Warning));
    // Kinds of a separate call are not held to this call's deadline.
    coop.cover.applied_on.text = "2018-08-01";
    CHECK_FALSE(has(run(coop), "cover.applied_on", Severity::Error));
}

TEST_CASE("per-unit funding of the information service is computed from the counts") {
    Application a = Application::blank(programme(), KindId::EnterpriseInfoService);
    a.info_service.new_enterprises = "5";
    a.info_service.cases = "2";
    a.budget.requested.text = "1800";  // 5*200 + 2*400
    CHECK_FALSE(has(run(a), "budget.requested", Severity::Warning));
    a.budget.requested.text = "1900";
    CHECK(has(run(a), "budget.requested", Severity::Warning));
}

TEST_CASE("continuing education and training are excluded from academic funding") {
    Application a = complete("academic_exchange");
    CHECK_FALSE(has(run(a), "details.is_training", Severity::Error));
    CHECK_FALSE(has(run(a), "cover.project_name", Severity::Warning));
    a.academic.is_training = true;
    const Findings f_all = run(a);
    const Finding* f = find(f_all, "details.is_training", Severity::Error);
    REQUIRE(f);
    CHECK(f->clause == "附件2·精品学术交流活动·备注2");
    a.academic.is_training = false;
    a.cover.project_name = "2018年新能源汽车技术继续教育班";
    CHECK(has(run(a), "cover.project_name", Severity::Warning));
}

TEST_CASE("the service station's fixed expert team, at the minimum and below it") {
    Application a = complete("service_station");
    const int min = programme().kind(KindId::ServiceStation)->expert_team_min;
    a.team.resize(static_cast<size_t>(min));
    CHECK_FALSE(has(run(a), "team", Severity::Error));
    a.team.pop_back();
    const Findings f_all = run(a);
    const Finding* f = find(f_all, "team", Severity::Error);
    REQUIRE(f);
    CHECK(f->clause == "附件2·学会科技服务站·备注");
    a = complete("service_station");
    a.team[0].speciality = "";
    CHECK(has(run(a), "team[0].speciality", Severity::Error));
    Application academic = complete("academic_exchange");
    academic.team.clear();
    CHECK_FALSE(has(run(academic), "team", Severity::Error));
}

TEST_CASE("budget lines only of allowed kinds, amounts that parse, totals that add up") {
    Application a = complete("service_station");  // 2000 + 800 + 700 = 3500 = 3000 + 500
    CHECK(a.budget.total() == Money::yuan(3500));
    Findings fs = run(a);
    CHECK_FALSE(has(fs, "budget.self_raised", Severity::Error));
    CHECK_FALSE(has(fs, "budget.requested", Severity::Error));

    a = complete("service_station");
    a.budget.lines = {{"expert_lecture", "讲座", {"2500"}}, {"books_materials", "资料", {"1000"}}};
    a.budget.self_raised.text = "500";
    CHECK_FALSE(has(run(a), "budget.requested", Severity::Error));  // 3000 <= 3500

    a = complete("service_station");
    a.budget.lines[2].amount.text = "七百";
    CHECK(has(run(a), "budget.lines[2].amount", Severity::Error));

    a = complete("service_station");
    a.budget.self_raised.text = "499.99";
    CHECK(has(run(a), "budget.self_raised", Severity::Error));

    a = complete("service_station");
    a.budget.lines = {{"expert_lecture", "讲座", {"2500"}}};
    a.budget.self_raised.text = "";
    CHECK(has(run(a), "budget.requested", Severity::Error));  // 3000 > 2500

    a.budget.lines.clear();
    CHECK(has(run(a), "budget.lines", Severity::Error));
}

TEST_CASE("说明6 ends in 等: a line of another kind is a warning, an error only when the grant would pay for it") {
    Application a = complete("service_station");  // 2000 + 800 + 700 = 3500; requested 3000, self-raised 500
    const std::string listed_kind = a.budget.lines[1].expense_kind;
    a.budget.lines[1].expense_kind = "交通费";  // 800 of another kind: 2700 of listed kinds
    Findings fs = run(a);
    const Finding* line = find(fs, "budget.lines[1].expense_kind", Severity::Warning);
    REQUIRE(line);
    CHECK(line->clause == "附件3·申报说明6");
    CHECK(line->message.find("交通费") != std::string::npos);
    CHECK_FALSE(has(fs, "budget.lines[1].expense_kind", Severity::Error));
    const Finding* over = find(fs, "budget.requested", Severity::Error);
    REQUIRE(over);  // 3000 requested, only 2700 of listed kinds
    CHECK(over->message.find("2,700.00") != std::string::npos);
    CHECK(over->clause == "附件3·申报说明6");

    a.budget.requested.text = "2700";  // at the bound: the grant pays only listed kinds
    a.budget.self_raised.text = "800";
    fs = run(a);
    CHECK_FALSE(has(fs, "budget.requested", Severity::Error));
    CHECK(has(fs, "budget.lines[1].expense_kind", Severity::Warning));

    a.budget.lines[1].expense_kind = "";  // another kind, not named yet
    CHECK(has(run(a), "budget.lines[1].expense_kind", Severity::Warning));
    a.budget.lines[1].expense_kind = listed_kind;
    CHECK_FALSE(has(run(a), "budget.lines[1].expense_kind", Severity::Warning));
}

TEST_CASE("the unit's opinion dated after 申报时间 is a warning; on the day or before is fine") {
    Application a = complete("academic_exchange");
    a.cover.applied_on.text = "2018-05-20";
    a.opinion.signed_on.text = "2018-05-20";
    CHECK_FALSE(has(run(a), "opinion.signed_on", Severity::Warning));
    a.opinion.signed_on.text = "2018-05-19";
    CHECK_FALSE(has(run(a), "opinion.signed_on", Severity::Warning));
    a.opinion.signed_on.text = "2018-05-21";
    const Findings fs = run(a);
    const Finding* f = find(fs, "opinion.signed_on", Severity::Warning);
    REQUIRE(f);
    CHECK(f->message.find("2018年5月20日") != std::string::npos);
    CHECK_FALSE(has(fs, "opinion.signed_on", Severity::Error));
}

TEST_CASE("the unit's full name is the unit of 附件1: no warning, and both spellings are one unit") {
    Application a = complete("academic_exchange");
    for (const char* name :
         {"市物理学会", "盐城市物理学会", " 盐城市物理学会 ", "盐城市响水县科协", "响水县科学技术协会"}) {
        CAPTURE(name);
        a.cover.applicant_unit = name;
        CHECK_FALSE(has(run(a), "cover.applicant_unit", Severity::Warning));
    }
    a.cover.applicant_unit = "盐城市物理";  // a part of a name is not the unit
    CHECK(has(run(a), "cover.applicant_unit", Severity::Warning));
    CHECK(programme().listed_unit_name("盐城市物理学会") == "市物理学会");
    CHECK(programme().listed_unit_name("盐城市某某新学会") == "盐城市某某新学会");
}

TEST_CASE("eligibility must be confirmed item by item") {
    Application a = complete("service_station");
    CHECK_FALSE(has(run(a), "eligibility.bank_account", Severity::Error));
    a.eligibility_confirmed = {"legal_person", "sound_finance", "truthful"};
    const Findings f_all = run(a);
    const Finding* f = find(f_all, "eligibility.bank_account", Severity::Error);
    REQUIRE(f);
    CHECK(f->clause == "附件3·申报说明3");
}

TEST_CASE("a unit not listed in 附件1 is a warning, not a block") {
    Application a = complete("service_station");
    CHECK_FALSE(has(run(a), "cover.applicant_unit", Severity::Warning));
    a.cover.applicant_unit = "市新材料学会";
    Findings fs = run(a);
    CHECK(has(fs, "cover.applicant_unit", Severity::Warning));
    CHECK_FALSE(has(fs, "cover.applicant_unit", Severity::Error));
    CHECK(find(fs, "cover.applicant_unit", Severity::Warning)->clause == "附件1");
}

TEST_CASE("reporting and evidence duties are stated as information") {
    Findings academic = run(complete("academic_exchange"));
    bool report = false, evidence = false;
    for (const Finding& f : academic) {
        report |= f.severity == Severity::Info && f.clause == "附件2·精品学术交流活动·备注3";
        evidence |= f.severity == Severity::Info && f.clause == "附件3·申报说明8";
    }
    CHECK(report);
    CHECK(evidence);
    bool station_report = false;
    for (const Finding& f : run(complete("service_station")))
        station_report |= f.clause == "附件2·精品学术交流活动·备注3";
    CHECK_FALSE(station_report);
}

TEST_CASE("organisation building items must be among the programme's") {
    Application a = complete("organisation_building");
    CHECK_FALSE(has(run(a), "details.items", Severity::Error));
    a.organisation.items.push_back("购买办公设备");
    CHECK(has(run(a), "details.items", Severity::Error));
    a.organisation.items.clear();
    CHECK(has(run(a), "details.items", Severity::Error));
}

TEST_CASE("measurable indicators") {
    Application a = complete("service_station");
    CHECK_FALSE(has(run(a), "plan.indicators", Severity::Warning));
    a.plan.indicators = {{"服务企业数", "十五", "家"}};
    Findings fs = run(a);
    CHECK(has(fs, "plan.indicators[0].target", Severity::Warning));
    CHECK(has(fs, "plan.indicators", Severity::Warning));
}

TEST_CASE("sections of field paths") {
    CHECK(section_of("budget.lines[2].amount") == "budget");
    CHECK(section_of("team[0].name") == "team");
    CHECK(section_of("cover.phone") == "cover");
    CHECK(section_of("") == "");
}

TEST_CASE("completeness counts required items per section, and grows as they are filled") {
    Application blank = Application::blank(programme(), KindId::ServiceStation);
    CheckResult empty = check_full(programme(), blank, before_deadline());
    CHECK(empty.completeness.percent() < 10);
    const Completeness::Part* cover = empty.completeness.section("cover");
    REQUIRE(cover);
    CHECK(cover->required == 5);  // name, unit, leader, phone, date
    CHECK(cover->filled == 0);
    blank.cover.project_name = "服务站";
    blank.cover.phone = "abc";  // filled, even if wrong
    CHECK(check_full(programme(), blank, before_deadline()).completeness.section("cover")->filled == 2);
    CheckResult full = check_full(programme(), complete("service_station"), before_deadline());
    CHECK(full.completeness.percent() == 100);
    for (const auto& part : full.completeness.sections) {
        CAPTURE(part.section);
        CHECK(part.filled == part.required);
    }
}

TEST_CASE("empty required values are marked missing; wrong values are not") {
    Application a = Application::blank(programme(), KindId::ServiceStation);
    a.cover.phone = "123";
    Findings fs = run(a);
    const Finding* name = find(fs, "cover.project_name", Severity::Error);
    const Finding* phone = find(fs, "cover.phone", Severity::Error);
    REQUIRE(name);
    REQUIRE(phone);
    CHECK(name->missing);
    CHECK_FALSE(phone->missing);
}
