#include "summary.h"

#include "text.h"

namespace shenbao {

namespace {

std::string or_dash(const std::string& value) {
    const std::string t = trim(value);
    return t.empty() ? "—" : t;
}

// "a · b · c" of the parts that are filled in.
std::string joined(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& p : parts) {
        const std::string t = trim(p);
        if (t.empty()) continue;
        if (!out.empty()) out += " · ";
        out += t;
    }
    return out.empty() ? "—" : out;
}

void add(std::vector<SummarySection>& out, SummarySection section) {
    if (!section.rows.empty()) out.push_back(std::move(section));
}

}  // namespace

std::vector<SummarySection> summarise(const Programme& programme, const Application& a) {
    std::vector<SummarySection> out;
    SummarySection details{"类别信息", {}};
    switch (a.cover.kind) {
        case KindId::AcademicExchange:
            details.rows = {{"活动形式", or_dash(a.academic.format)},
                            {"活动规模", or_dash(a.academic.scale)},
                            {"主办活动级别", or_dash(a.academic.level)},
                            {"主办、承办单位", or_dash(a.academic.organisers)},
                            {"预计参加人数", or_dash(a.academic.participants)},
                            {"继续教育或培训", a.academic.is_training ? "是" : "否"}};
            break;
        case KindId::ServiceStation:
            details.rows = {{"依托单位类型", or_dash(a.station.host_type)},
                            {"依托单位名称", or_dash(a.station.host_name)},
                            {"服务站地址", or_dash(a.station.host_address)},
                            {"服务内容与方式", or_dash(a.station.services)},
                            {"上级学会资源对接", or_dash(a.station.upstream)}};
            break;
        case KindId::EnterpriseCooperation:
            details.rows = {{"协作基地或企业", or_dash(a.cooperation.partner)}, {"专项协作内容", or_dash(a.cooperation.topic)}};
            break;
        case KindId::EnterpriseInfoService:
            details.rows = {{"新注册企业数", or_dash(a.info_service.new_enterprises)}, {"征集案例数", or_dash(a.info_service.cases)}};
            break;
        case KindId::InnovationContest:
            details.rows = {{"竞赛名称", or_dash(a.contest.contest_name)},
                            {"参赛项目数", or_dash(a.contest.entries)},
                            {"孵化落地项目数", or_dash(a.contest.incubated)}};
            break;
        case KindId::OrganisationBuilding: {
            std::string items;
            for (const std::string& i : a.organisation.items) items += (items.empty() ? "" : "；") + i;
            details.rows = {{"组织建设内容", or_dash(items)}, {"评估情况材料", or_dash(a.organisation.evidence)}};
            break;
        }
    }
    add(out, std::move(details));

    if (a.cover.kind == KindId::AcademicExchange) {
        SummarySection experts{"拟邀请专家", {}};
        for (const InvitedExpert& e : a.academic.experts)
            experts.rows.push_back({or_dash(e.name), joined({e.title, e.unit})});
        add(out, std::move(experts));
    }
    const KindRule* rule = programme.kind(a.cover.kind);
    SummarySection team{rule && rule->expert_team_min > 0 ? "专家服务团队" : "项目团队", {}};
    for (const TeamMember& m : a.team) team.rows.push_back({or_dash(m.name), joined({m.title, m.speciality, m.unit, m.phone})});
    add(out, std::move(team));

    SummarySection indicators{"考核指标", {}};
    for (const Indicator& i : a.plan.indicators)
        if (!trim(i.name).empty() || !trim(i.target).empty())
            indicators.rows.push_back({or_dash(i.name), joined({i.target + trim(i.unit)})});
    add(out, std::move(indicators));

    SummarySection budget{"经费预算（元）", {}};
    for (const BudgetLine& l : a.budget.lines) {
        if (trim(l.description).empty() && l.amount.empty()) continue;
        const ExpenseKind* k = programme.expense_kind(l.expense_kind);
        const auto amount = l.amount.value();
        budget.rows.push_back({k ? k->label : or_dash(l.expense_kind), joined({l.description, amount ? amount->display() : l.amount.text})});
    }
    if (!budget.rows.empty()) {
        budget.rows.push_back({"合计", a.budget.total().display()});
        const auto requested = a.budget.requested.value(), self = a.budget.self_raised.value();
        budget.rows.push_back({"申请市科协资助", requested ? requested->display() : or_dash(a.budget.requested.text)});
        budget.rows.push_back({"自筹经费", self ? self->display() : or_dash(a.budget.self_raised.text)});
    }
    add(out, std::move(budget));
    return out;
}

}  // namespace shenbao
