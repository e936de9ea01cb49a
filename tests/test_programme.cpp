// The programme file: every part of the seed is there, typed, and adds up.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "builtin_programme.h"
#include "checks.h"
#include "helpers.h"

using namespace shenbao;
using testing::programme;

TEST_CASE("the call: issuer, document number, dates and contact") {
    const Programme& p = programme();
    CHECK(p.id == "yancheng-2018");
    CHECK(p.document_number == "盐科协﹝2018﹞20号");
    CHECK(p.issued_on == Date{2018, 4, 19});
    CHECK(p.deadline == Date{2018, 5, 31});
    CHECK(p.contact.email == "yckxxhb@126.com");
    CHECK(p.contact.phone == "88192426");
    CHECK(p.contact.person == "倪宝林");
    CHECK(p.contact.address == "盐城市世纪大道21号2426室");
    CHECK(p.form_title == "盐城市科协提升学会服务科技创新能力计划重点项目申报书");
    CHECK(p.instructions.size() == 9);
    CHECK(p.eligibility.size() >= 3);
}

TEST_CASE("附件2: six kinds under three categories with their stable ids and standards") {
    const Programme& p = programme();
    REQUIRE(p.kinds.size() == 6);
    std::set<std::string> categories;
    for (KindId k : kAllKinds) {
        const KindRule* rule = p.kind(k);
        REQUIRE(rule != nullptr);
        CHECK(p.category(rule->category) != nullptr);
        categories.insert(rule->category);
        CHECK_FALSE(rule->funding.clause.empty());
        CHECK(kind_from_key(kind_key(k)) == k);
    }
    CHECK(categories.size() == 3);
    const KindRule& academic = *p.kind(KindId::AcademicExchange);
    CHECK(academic.funding.type == Funding::Type::Range);
    CHECK(academic.funding.min == Money::yuan(1000));
    CHECK(academic.funding.max == Money::yuan(5000));
    REQUIRE(academic.activity_window.has_value());
    CHECK(academic.activity_window->from == Date{2017, 11, 1});
    CHECK(academic.activity_window->to == Date{2018, 11, 30});
    CHECK(academic.report_days == 10);
    CHECK(academic.excludes_training_clause.has_value());
    const KindRule& station = *p.kind(KindId::ServiceStation);
    CHECK(station.funding.type == Funding::Type::Fixed);
    CHECK(station.funding.amount == Money::yuan(3000));
    CHECK(station.expert_team_min > 0);
    const KindRule& info = *p.kind(KindId::EnterpriseInfoService);
    CHECK(info.funding.type == Funding::Type::PerUnit);
    REQUIRE(info.funding.rates.size() == 2);
    CHECK(info.funding.rates[0].amount == Money::yuan(200));
    CHECK(info.funding.rates[1].amount == Money::yuan(400));
    CHECK(info.route.type == Route::Type::Assessed);
    CHECK(p.kind(KindId::InnovationContest)->route.type == Route::Type::Assessed);
    CHECK(p.kind(KindId::EnterpriseCooperation)->route.type == Route::Type::SeparateCall);
    CHECK(p.kind(KindId::OrganisationBuilding)->funding.max == Money::yuan(5000));
    CHECK(p.kind(KindId::OrganisationBuilding)->options.at("organisation_items").size() == 5);
}

TEST_CASE("附件3 说明6: the eight allowed expense kinds") {
    const Programme& p = programme();
    std::vector<std::string> labels;
    for (const ExpenseKind& e : p.expense_kinds) labels.push_back(e.label);
    CHECK(labels == std::vector<std::string>{"专家讲座费", "宣传展览费", "策划设计费", "场租费", "食宿费", "公杂费",
                                             "出版印刷费", "图书资料费"});
}

TEST_CASE("附件1: every column of every table adds up to its printed total") {
    const Programme& p = programme();
    REQUIRE(p.targets.size() == 3);
    for (const TargetTable& t : p.targets) {
        CAPTURE(t.title);
        for (size_t c = 0; c < t.columns.size(); ++c) {
            CAPTURE(t.columns[c].label);
            int sum = 0;
            for (const TargetRow& r : t.rows) sum += r.values[c].value_or(0);
            REQUIRE(t.totals[c].has_value());
            CHECK(sum == *t.totals[c]);
        }
    }
    CHECK(p.targets[0].rows.size() == 11);  // counties
    CHECK(p.targets[1].rows.size() == 40);  // city societies
    CHECK(p.targets[2].rows.size() == 25);  // universities, hospitals, firms
}

TEST_CASE("附件1: a unit's targets are found by its exact name, blanks stay blank") {
    const Programme& p = programme();
    auto physics = p.unit_targets(" 市物理学会 ");
    REQUIRE(physics.has_value());
    CHECK(physics->table->id == "society");
    CHECK(physics->row->values[4] == 1);               // 小型学术活动
    CHECK_FALSE(physics->row->values[1].has_value());  // 推荐企业创新服务专家: blank
    CHECK(p.unit_targets("阜宁县科协")->row->values[0] == 120);
    CHECK(p.unit_targets("江苏森德邦公司科协")->table->id == "grassroots");
    CHECK_FALSE(p.unit_targets("市物理").has_value());
    CHECK(p.all_units().size() == 76);
}

TEST_CASE("项目类别 is written as the 重点项目表 lists it: category and name") {
    const Programme& p = programme();
    CHECK(p.project_category_text(KindId::AcademicExchange) == "学术交流（精品学术交流活动）");
    CHECK(p.project_category_text(KindId::ServiceStation) == "学会服务（学会科技服务站）");
    CHECK(p.project_category_text(KindId::OrganisationBuilding) == "学会管理（组织建设）");
}

TEST_CASE("unit suggestions offer the full name a society stamps and 附件1's short form") {
    const Programme& p = programme();
    const std::vector<std::string> physics = p.unit_suggestions("物理", 8);
    REQUIRE(physics.size() == 2);
    CHECK(physics[0] == "盐城市物理学会");
    CHECK(physics[1] == "市物理学会");
    // Units 附件1 already names in full get no prefix.
    const std::vector<std::string> institute = p.unit_suggestions("工学院", 8);
    REQUIRE(institute.size() == 1);
    CHECK(institute[0] == "盐城工学院科协");
    CHECK(p.unit_suggestions("学会", 5).size() == 5);
    CHECK(p.unit_suggestions("  ", 5).empty());
    for (const std::string& name : p.unit_suggestions("盐城市", 200)) CHECK(p.unit_targets(name).has_value());
}

TEST_CASE("the programmes compiled into the app are the files in assets/, the newest first") {
    const std::vector<const char*> files = builtin_programme_jsons();
    REQUIRE(files.size() == 2);
    CHECK(std::string(files[0]) == testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    CHECK(std::string(files[1]) == testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2019.json"));
    std::string error;
    ProgrammeSet set = load_programmes(files, error);
    CHECK(error.empty());
    REQUIRE(set.all.size() == 2);
    CHECK(set.newest().id == "yancheng-2019");
    CHECK(set.find("yancheng-2018") != nullptr);
    CHECK(set.find("yancheng-2017") == nullptr);
}

TEST_CASE("a broken programme file is refused with a reason, never thrown") {
    CHECK_FALSE(load_programme("").programme.has_value());
    CHECK_FALSE(load_programme("{\"format\": \"other\"}").programme.has_value());
    std::string text = testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json");
    std::string bad_kind = text;
    bad_kind.replace(bad_kind.find("\"service_station\""), 17, "\"space_station\"");
    auto loaded = load_programme(bad_kind);
    CHECK_FALSE(loaded.programme.has_value());
    CHECK(loaded.error.find("space_station") != std::string::npos);
    std::string bad_row = text;
    bad_row.replace(bad_row.find("[80, 8, 1, 10, 10, 2]"), 21, "[80, 8, 1, 10, 10]");
    CHECK(load_programme(bad_row).error.find("列数") != std::string::npos);
}

TEST_CASE("a broken programme file is refused with what is wrong and where, never loaded half") {
    const nlohmann::json good =
        nlohmann::json::parse(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    REQUIRE(load_programme(good.dump()).programme);
    struct Case {
        const char* what;
        std::function<void(nlohmann::json&)> mutate;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"another format version", [](nlohmann::json& j) { j["format_version"] = 2; }, "不支持的计划文件版本"},
        {"a year that is not a whole number", [](nlohmann::json& j) { j["year"] = "2018"; }, "字段 .year 应为整数"},
        {"a name that is not text", [](nlohmann::json& j) { j["name"] = 5; }, "字段 .name 应为文本"},
        {"no call", [](nlohmann::json& j) { j.erase("call"); }, "缺少字段 .call"},
        {"a call that is not an object", [](nlohmann::json& j) { j["call"] = "见通知"; }, "缺少字段 call.issuer"},
        {"a deadline that is no date", [](nlohmann::json& j) { j["call"]["deadline"] = "2018-02-30"; },
         "字段 call.deadline 不是有效日期"},
        {"copies that are not a number", [](nlohmann::json& j) { j["call"]["copies"] = "两份"; },
         "字段 call.copies 应为整数"},
        {"a standard that is not an amount",
         [](nlohmann::json& j) {
             for (auto& k : j["kinds"])
                 if (k["funding"].contains("max")) {
                     k["funding"]["max"] = "三万";
                     break;
                 }
         },
         "应为金额（元）"},
        {"kinds that are not a list",
         [](nlohmann::json& j) {
             j["kinds"] = {{"a", 1}};
         },
         "字段 .kinds 应为列表"},
        {"an abbreviation that is not a pair", [](nlohmann::json& j) { j["unit_name_abbreviations"] = {{"只有全称"}}; },
         "每一项应为 [全称, 简称]"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.what));
        nlohmann::json j = good;
        c.mutate(j);
        const ProgrammeLoad loaded = load_programme(j.dump());
        CHECK_FALSE(loaded.programme);
        CHECK(loaded.error.find(c.message) != std::string::npos);
    }
    std::string error;
    const ProgrammeSet set =
        load_programmes({"{}", testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json").c_str()}, error);
    CHECK(set.all.size() == 1);
    CHECK(error.find("申报计划文件有误") != std::string::npos);
}

TEST_CASE("a kind the call does not list: named by its key, no options, its clauses and checks say so") {
    Programme p = testing::programme();
    const KindId gone = KindId::ServiceStation;
    p.kinds.erase(std::remove_if(p.kinds.begin(), p.kinds.end(), [&](const KindRule& k) { return k.id == gone; }),
                  p.kinds.end());
    REQUIRE_FALSE(p.kind(gone));
    CHECK(p.project_category_text(gone) == kind_key(gone));
    CHECK(p.options_for(gone, "formats").empty());
    CHECK(p.options_for(gone, "evidence_items") == p.evidence_items);
    FieldSpec f;
    f.clause = "kind:备注1";
    CHECK(p.field_clause(f, gone) == "附件2·" + p.form.label_of("cover.kind") + "·备注1");
    Application a = testing::complete("service_station");
    bool said = false;
    for (const Finding& x : check_application(p, a, testing::before_deadline()))
        said = said || (x.field == "cover.kind" && x.severity == Severity::Error &&
                        x.message.find("不在本年度重点项目表中") != std::string::npos);
    CHECK(said);
}

TEST_CASE("what the file says is what is loaded: copies, remarks, totals' labels, a blank's first budget line") {
    nlohmann::json j = nlohmann::json::parse(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    j["call"]["copies"] = 3;
    const ProgrammeLoad loaded = load_programme(j.dump());
    REQUIRE(loaded.programme);
    CHECK(loaded.programme->copies == 3);
    const Programme& p = testing::programme();
    REQUIRE(p.kind(KindId::ServiceStation));
    CHECK(p.kind(KindId::ServiceStation)->remarks == std::vector<std::string>{"需有一支相对固定的专家服务团队"});
    for (const auto& t : p.targets) CHECK_FALSE(t.total_label.empty());
    const Application blank = Application::blank(p, KindId::AcademicExchange);
    REQUIRE(blank.budget.lines.size() == 1);
    CHECK(blank.budget.lines[0].expense_kind == p.expense_kinds.front().id);
}

TEST_CASE(
    "programme files: remarks and prefixes may be left out, an abbreviation pair must be two texts, a call "
    "listed twice is named") {
    nlohmann::json j = nlohmann::json::parse(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    nlohmann::json without = j;
    for (auto& k : without["kinds"]) k.erase("remarks");
    without.erase("unit_name_prefixes");
    const ProgrammeLoad loaded = load_programme(without.dump());
    REQUIRE(loaded.programme);
    for (const KindRule& k : loaded.programme->kinds) CHECK(k.remarks.empty());
    nlohmann::json numbers = j;
    numbers["unit_name_abbreviations"] = {{1, 2}};
    CHECK(load_programme(numbers.dump()).error.find("每一项应为 [全称, 简称]") != std::string::npos);
    nlohmann::json three = j;
    three["unit_name_abbreviations"] = {{"科学技术协会", "科协", "科协会"}};
    CHECK(load_programme(three.dump()).error.find("每一项应为 [全称, 简称]") != std::string::npos);
    nlohmann::json form_list = j;
    form_list["form"] = nlohmann::json::array();
    CHECK(load_programme(form_list.dump()).error.find("应为对象，含 sections 列表") != std::string::npos);
    nlohmann::json no_limit = j;
    for (auto& s : no_limit["form"]["sections"])
        for (auto& f : s["fields"])
            if (f["path"] == "plan.aims") f["max_chars"] = 0;  // 0: no limit
    CHECK(load_programme(no_limit.dump()).programme);
    std::string error;
    const std::string text = j.dump();
    const ProgrammeSet twice = load_programmes({text.c_str(), text.c_str()}, error);
    CHECK(twice.all.size() == 1);
    CHECK(error.find("重复") != std::string::npos);
}

TEST_CASE(
    "a unit's name with an abbreviation at its very start is still found; an empty abbreviation changes nothing") {
    Programme p = testing::programme();
    p.unit_name_abbreviations = {{"全称物理学会", "市物理学会"}, {"", "X"}};
    const auto found = p.unit_targets("全称物理学会");
    REQUIRE(found);
    CHECK(found->row->unit == "市物理学会");
    CHECK(p.unit_targets("市物理学会"));
}
