// What the association reads in 审阅 beside the table: the parts reviewers judge on.
#include <doctest/doctest.h>

#include "helpers.h"
#include "summary.h"

using namespace shenbao;
using testing::complete;
using testing::programme;

namespace {

const SummarySection* section(const std::vector<SummarySection>& all, const std::string& title) {
    for (const SummarySection& s : all)
        if (s.title == title) return &s;
    return nullptr;
}

std::string value_of(const SummarySection& s, const std::string& label) {
    for (const SummaryRow& r : s.rows)
        if (r.label == label) return r.value;
    return "(missing)";
}

}  // namespace

TEST_CASE("an academic event shows its form, scale and level, the invited experts and the budget lines") {
    const Application a = complete("academic_exchange");
    const auto all = summarise(programme(), a);
    const SummarySection* details = section(all, "活动信息");  // the kind's section of the form
    REQUIRE(details);
    CHECK(value_of(*details, "活动形式") == a.academic.format);
    CHECK(value_of(*details, "活动规模") == a.academic.scale);
    CHECK(value_of(*details, "主办活动级别") == a.academic.level);
    const SummarySection* experts = section(all, "拟邀请专家");
    REQUIRE(experts);
    REQUIRE(experts->rows.size() == a.academic.experts.size());
    CHECK(experts->rows[0].label == a.academic.experts[0].name);
    CHECK(experts->rows[0].value.find(a.academic.experts[0].title) != std::string::npos);
    const SummarySection* budget = section(all, "项目经费预算（元）");
    REQUIRE(budget);
    CHECK(value_of(*budget, "合计") == a.budget.total().display());
    CHECK(value_of(*budget, "申请市科协资助") == a.budget.requested.value()->display());
    const SummarySection* indicators = section(all, "考核指标（可量化）");
    REQUIRE(indicators);
    CHECK(indicators->rows.size() >= 1);
}

TEST_CASE("a service station shows its host and its expert team; blanks read as a dash") {
    Application a = complete("service_station");
    a.station.host_address = "  ";
    const auto all = summarise(programme(), a);
    const SummarySection* details = section(all, "服务站信息");
    REQUIRE(details);
    CHECK(value_of(*details, "依托单位名称") == a.station.host_name);
    CHECK(value_of(*details, "服务站地址") == "—");
    const SummarySection* team = section(all, "专家服务团队");
    REQUIRE(team);
    CHECK(team->rows.size() == a.team.size());
    CHECK(section(all, "拟邀请专家") == nullptr);
}
