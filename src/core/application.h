// The 申报书 (附件3) as typed data: one struct per section of the printed form, in the
// form's order. No JSON here: the codec maps it to and from files.
//
// Dates a person types are kept as typed text next to the parsed date, so that a
// half-typed or wrong date is never lost and the checks can say what is wrong with it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "date.h"
#include "money.h"
#include "programme.h"

namespace shenbao {

// A date field: the text as typed and, when it parses, the date.
struct DateField {
    std::string text;
    std::optional<Date> value() const { return Date::parse(text); }
    bool empty() const;
};

// A money field: the text as typed and, when it parses, the amount.
struct MoneyField {
    std::string text;
    std::optional<Money> value() const { return Money::parse(text); }
    bool empty() const;
};

// 封面: the six cover fields of 附件3 plus 项目编号, which the association fills in.
struct Cover {
    std::string project_number;              // 项目编号, left blank by applicants
    std::string project_name;                // 项目名称
    KindId kind = KindId::AcademicExchange;  // 项目类别
    std::string applicant_unit;              // 申报单位
    std::string project_leader;              // 项目负责人
    std::string phone;                       // 联系电话
    DateField applied_on;                    // 申报时间
};

struct Indicator {       // a measurable expected result
    std::string name;    // e.g. 参会人数
    std::string target;  // e.g. 200 (a number)
    std::string unit;    // e.g. 人
};

// 项目内容: aims, content and plan, dates, place, expected results.
struct Plan {
    std::string aims;              // 项目目标
    std::string content;           // 项目内容与实施计划
    DateField start, end;          // 实施时间
    std::string place;             // 实施地点
    std::string expected_results;  // 预期成果
    std::vector<Indicator> indicators;
};

struct TeamMember {
    std::string name, unit, title, speciality, phone;
};

struct BudgetLine {
    std::string expense_kind;  // an expense kind id of the programme (说明6)
    std::string description;
    MoneyField amount;
};

// 项目经费预算. The total is derived from the lines, never typed.
struct Budget {
    std::vector<BudgetLine> lines;
    MoneyField requested;    // 申请市科协资助
    MoneyField self_raised;  // 自筹经费
    Money total() const;     // sum of the lines that parse
};

// 申报单位意见: the text; the signature, the stamp and the date are written on paper.
struct UnitOpinion {
    std::string opinion;
    std::string signatory;  // 负责人 who signs
    DateField signed_on;
};

struct InvitedExpert {
    std::string name, title, unit;
};

// Kind-specific sections. Only the one of the application's kind is used and saved.
struct AcademicDetails {
    std::string format;        // one of the programme's formats (学术会议 …)
    std::string scale;         // 小型/中型/大型综合学术活动 (附件1's columns)
    std::string level;         // 主办活动级别
    std::string organisers;    // 主办、承办、协办单位
    std::string participants;  // expected number of participants (a number)
    std::vector<InvitedExpert> experts;
    bool is_training = false;  // 继续教育/培训: excluded from funding
};

struct StationDetails {
    std::string host_type;  // one of the programme's host types
    std::string host_name;  // 依托单位
    std::string host_address;
    std::string services;  // 服务内容与方式
    std::string upstream;  // 与上级学会资源对接
};

struct CooperationDetails {
    std::string partner;  // 协作企业/基地
    std::string topic;    // 协作内容
};

struct InfoServiceDetails {
    std::string new_enterprises;  // 新注册企业数
    std::string cases;            // 征集案例数
};

struct ContestDetails {
    std::string contest_name;
    std::string entries;    // 参赛项目数
    std::string incubated;  // 孵化落地项目数
};

struct OrganisationDetails {
    std::vector<std::string> items;  // chosen among the programme's organisation items
    std::string evidence;            // 组织建设和评估情况材料
};

struct Application {
    Cover cover;
    Plan plan;
    std::vector<TeamMember> team;  // 项目团队; for a 科技服务站 the fixed expert team
    Budget budget;
    UnitOpinion opinion;
    std::vector<std::string> eligibility_confirmed;  // eligibility item ids ticked
    std::vector<std::string> evidence_planned;       // evidence items to hand in afterwards
    AcademicDetails academic;
    StationDetails station;
    CooperationDetails cooperation;
    InfoServiceDetails info_service;
    ContestDetails contest;
    OrganisationDetails organisation;
    // Fields the programme's form adds beyond this model, by path (field_access.h), and
    // values of a file that the model does not know: kept, written back, never lost.
    std::map<std::string, std::string> extra;

    // An empty application of the kind, with the programme's defaults (the evidence
    // checklist pre-ticked, one empty budget line and indicator to start from).
    static Application blank(const Programme& programme, KindId kind);
};

bool operator==(const Application& a, const Application& b);  // compares the encoded form

}  // namespace shenbao
