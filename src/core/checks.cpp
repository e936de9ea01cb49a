#include "checks.h"

#include <algorithm>
#include <cctype>

#include "text.h"

namespace shenbao {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_one_phone(std::string s) {
    // Drop the separators people put inside numbers.
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '(' || c == ')'; }), s.end());
    if (s.rfind("+86", 0) == 0) s = s.substr(3);
    else if (s.size() == 13 && s.rfind("86", 0) == 0) s = s.substr(2);
    // Extension: -123 after a full fixed number, or 转123.
    size_t ext = s.find("转");
    if (ext != std::string::npos) {
        if (!all_digits(s.substr(ext + 3)) || s.size() - ext - 3 > 6) return false;
        s = s.substr(0, ext);
    }
    if (s.size() == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits(s)) return true;  // mobile
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t dash; (dash = s.find('-', start)) != std::string::npos; start = dash + 1) parts.push_back(s.substr(start, dash - start));
    parts.push_back(s.substr(start));
    for (const std::string& p : parts)
        if (!all_digits(p)) return false;
    auto local = [](const std::string& p) { return (p.size() == 7 || p.size() == 8) && p[0] != '0' && p[0] != '1'; };
    auto area = [](const std::string& p) { return (p.size() == 3 || p.size() == 4) && p[0] == '0'; };
    auto extension = [](const std::string& p) { return !p.empty() && p.size() <= 6; };
    if (parts.size() == 1) {
        const std::string& p = parts[0];
        if (local(p)) return true;
        // Area code written without a dash: 0515 88192426 became 051588192426.
        for (size_t a : {3u, 4u})
            if (p.size() > a && area(p.substr(0, a)) && local(p.substr(a))) return true;
        return false;
    }
    if (parts.size() == 2) return (area(parts[0]) && local(parts[1])) || (local(parts[0]) && extension(parts[1]));
    if (parts.size() == 3) return area(parts[0]) && local(parts[1]) && extension(parts[2]);
    return false;
}

// Builds the findings of one application. Each add_* call is one rule.
class Checker {
public:
    Checker(const Programme& p, const Application& a, const Date& today)
        : p_(p), a_(a), today_(today), rule_(p.kind(a.cover.kind)) {}

    Completeness completeness;

    Findings run() {
        check_kind();
        check_cover();
        check_plan();
        check_details();
        check_team();
        check_budget();
        check_opinion();
        check_eligibility();
        check_duties();
        std::stable_sort(out_.begin(), out_.end(), [](const Finding& x, const Finding& y) {
            return static_cast<int>(x.severity) < static_cast<int>(y.severity);
        });
        return std::move(out_);
    }

private:
    void add(Severity s, std::string field, std::string message, std::string clause) {
        out_.push_back({s, std::move(field), std::move(message), std::move(clause)});
    }
    // A required item: counted for completeness; reported as missing when empty.
    void missing(Severity s, const std::string& field, std::string message, const std::string& clause) {
        out_.push_back({s, field, std::move(message), clause, true});
    }
    void count(const std::string& field, bool filled) {
        const std::string section = section_of(field);
        auto it = std::find_if(completeness.sections.begin(), completeness.sections.end(),
                               [&](const Completeness::Part& p) { return p.section == section; });
        if (it == completeness.sections.end()) it = completeness.sections.insert(completeness.sections.end(), {section});
        ++it->required;
        if (filled) ++it->filled;
    }
    void required(const std::string& value, const std::string& field, const std::string& label,
                  const std::string& clause, Severity s = Severity::Error) {
        const bool filled = !trim(value).empty();
        if (s == Severity::Error) count(field, filled);
        if (!filled) missing(s, field, "请填写" + label, clause);
    }
    std::string kind_clause(const std::string& part) const {
        return "附件2·" + (rule_ ? rule_->name : std::string("项目类别")) + "·" + part;
    }
    bool applied_here() const { return rule_ && rule_->route.type == Route::Type::ThisCall; }

    // A date field: required, must parse. Returns the date when it does.
    std::optional<Date> date_field(const DateField& f, const std::string& field, const std::string& label,
                                   const std::string& clause) {
        count(field, !f.empty());
        if (f.empty()) {
            missing(Severity::Error, field, "请填写" + label, clause);
            return std::nullopt;
        }
        auto d = f.value();
        if (!d) add(Severity::Error, field, label + "“" + f.text + "”不是有效日期，请写成 2018-05-31 或 2018年5月31日", clause);
        return d;
    }

    void check_kind() {
        if (!rule_) {
            add(Severity::Error, "cover.kind", std::string("项目类别“") + kind_key(a_.cover.kind) + "”不在本年度重点项目表中",
                p_.clause("kind"));
            return;
        }
        if (rule_->route.type == Route::Type::Assessed)
            add(Severity::Error, "cover.kind", "“" + rule_->name + "”不单独申报：" + rule_->route.text + "。请改选其他项目类别",
                rule_->route.clause);
        else if (rule_->route.type == Route::Type::SeparateCall)
            add(Severity::Warning, "cover.kind",
                "“" + rule_->name + "”" + rule_->route.text + "，本申报书可先行准备，正式申报请按市科协另行通知办理",
                rule_->route.clause);
    }

    void check_cover() {
        const Cover& c = a_.cover;
        const std::string complete = p_.clause("complete");
        if (!trim(c.project_number).empty())
            add(Severity::Info, "cover.project_number", "项目编号由市科协填写，申报单位可留空", p_.clause("project_number"));
        required(c.project_name, "cover.project_name", "项目名称", p_.clause("project_name"));
        count("cover.applicant_unit", !trim(c.applicant_unit).empty());
        if (trim(c.applicant_unit).empty()) {
            missing(Severity::Error, "cover.applicant_unit", "请填写申报单位", p_.clause("applicant"));
        } else if (!p_.unit_targets(c.applicant_unit)) {
            add(Severity::Warning, "cover.applicant_unit",
                "“" + trim(c.applicant_unit) + "”不在任务分解表（附件1）的单位名单中；如为新成立或更名的单位，请在项目内容中说明，并核对单位全称",
                p_.clause("targets"));
        }
        required(c.project_leader, "cover.project_leader", "项目负责人", complete);
        count("cover.phone", !trim(c.phone).empty());
        if (trim(c.phone).empty()) missing(Severity::Error, "cover.phone", "请填写联系电话", complete);
        else if (!is_valid_phone(c.phone))
            add(Severity::Error, "cover.phone", "联系电话“" + c.phone + "”格式不正确：请填写手机号（11位）或固定电话（如 0515-88192426）", complete);
        auto applied = date_field(c.applied_on, "cover.applied_on", "申报时间", complete);
        if (applied && applied_here()) {
            if (*applied > p_.deadline)
                add(Severity::Error, "cover.applied_on",
                    "申报时间" + applied->chinese() + "晚于申报截止日期" + p_.deadline.chinese(), p_.deadline_clause);
            if (*applied < p_.issued_on)
                add(Severity::Warning, "cover.applied_on",
                    "申报时间" + applied->chinese() + "早于通知印发日期" + p_.issued_on.chinese() + "，请核对", p_.deadline_clause);
        }
        if (applied_here() && today_ > p_.deadline)
            add(Severity::Warning, "", "本年度申报已于" + p_.deadline.chinese() + "截止，逾期申报请先与市科协联系", p_.deadline_clause);
    }

    void check_plan() {
        const Plan& pl = a_.plan;
        const std::string complete = p_.clause("complete");
        required(pl.aims, "plan.aims", "项目目标", complete);
        count("plan.content", !trim(pl.content).empty());
        if (trim(pl.content).empty()) missing(Severity::Error, "plan.content", "请填写项目内容与实施计划", complete);
        else if (char_count(trim(pl.content)) < 50)
            add(Severity::Warning, "plan.content", "项目内容与实施计划不足50字，请写明具体安排，便于专家评审", complete);
        auto start = date_field(pl.start, "plan.start", "开始日期", complete);
        auto end = date_field(pl.end, "plan.end", "结束日期", complete);
        if (start && end && *end < *start) add(Severity::Error, "plan.end", "结束日期早于开始日期", complete);
        if (rule_ && rule_->activity_window) {
            const DateWindow& w = *rule_->activity_window;
            auto within = [&](const std::optional<Date>& d, const char* field, const char* label) {
                if (d && (*d < w.from || *d > w.to))
                    add(Severity::Error, field, std::string(label) + d->chinese() + "不在规定的时间范围内（" + w.text + "）", w.clause);
            };
            within(start, "plan.start", "开始日期");
            within(end, "plan.end", "结束日期");
        }
        if (a_.cover.kind != KindId::OrganisationBuilding) required(pl.place, "plan.place", "实施地点", complete);
        required(pl.expected_results, "plan.expected_results", "预期成果", complete);
        bool measurable = false;
        for (size_t i = 0; i < pl.indicators.size(); ++i) {
            const Indicator& ind = pl.indicators[i];
            const std::string field = "plan.indicators[" + std::to_string(i) + "]";
            if (trim(ind.name).empty() && trim(ind.target).empty()) continue;
            if (trim(ind.name).empty()) add(Severity::Warning, field + ".name", "请填写指标名称", complete);
            if (!is_number_text(ind.target))
                add(Severity::Warning, field + ".target", "指标“" + ind.name + "”的目标值应为数字，以便考核", complete);
            else if (!trim(ind.name).empty()) measurable = true;
        }
        if (!measurable)
            add(Severity::Warning, "plan.indicators", "请至少填写一项可量化的考核指标（如参会人数、服务企业数）", complete);
    }

    void check_details() {
        if (!rule_) return;
        const std::string content = kind_clause("项目内容");
        switch (a_.cover.kind) {
            case KindId::AcademicExchange: {
                const AcademicDetails& d = a_.academic;
                const std::string remark2 = kind_clause("备注2");
                choice(d.format, rule_->formats, "details.format", "活动形式", content);
                choice(d.scale, rule_->scales, "details.scale", "活动规模", remark2);
                choice(d.level, rule_->levels, "details.level", "主办活动级别", remark2);
                required(d.organisers, "details.organisers", "主办、承办单位", p_.clause("complete"));
                if (!trim(d.participants).empty() && !is_number_text(d.participants))
                    add(Severity::Warning, "details.participants", "预计参加人数应为数字", p_.clause("complete"));
                if (d.experts.empty())
                    add(Severity::Warning, "details.experts", "请列出拟邀请的主讲专家（姓名、职称、单位），评审将按活动规模和级别综合考量", remark2);
                for (size_t i = 0; i < d.experts.size(); ++i)
                    required(d.experts[i].name, "details.experts[" + std::to_string(i) + "].name", "专家姓名", p_.clause("complete"));
                if (rule_->excludes_training_clause) {
                    if (d.is_training)
                        add(Severity::Error, "details.is_training", "继续教育、培训类活动不在资助范围", *rule_->excludes_training_clause);
                    else
                        for (const std::string& word : p_.training_keywords)
                            if (contains(a_.cover.project_name, word) || contains(a_.plan.content, word)) {
                                add(Severity::Warning, "cover.project_name",
                                    "项目名称或内容含“" + word + "”：各类继续教育培训活动不在资助范围，请确认本活动不是培训",
                                    *rule_->excludes_training_clause);
                                break;
                            }
                }
                break;
            }
            case KindId::ServiceStation: {
                const StationDetails& d = a_.station;
                choice(d.host_type, rule_->host_types, "details.host_type", "服务站依托单位类型", content);
                required(d.host_name, "details.host_name", "服务站依托单位名称", content);
                required(d.host_address, "details.host_address", "服务站地址", content, Severity::Warning);
                required(d.services, "details.services", "长期科技服务的内容与方式", content);
                required(d.upstream, "details.upstream", "与上级学会资源对接交流的安排", content, Severity::Warning);
                break;
            }
            case KindId::EnterpriseCooperation:
                required(a_.cooperation.partner, "details.partner", "协作的基层基地或企业", content);
                required(a_.cooperation.topic, "details.topic", "专项协作内容", content);
                break;
            case KindId::EnterpriseInfoService:
                number_field(a_.info_service.new_enterprises, "details.new_enterprises", "新注册企业数", rule_->funding.clause);
                number_field(a_.info_service.cases, "details.cases", "征集案例数", rule_->funding.clause);
                break;
            case KindId::InnovationContest:
                required(a_.contest.contest_name, "details.contest_name", "竞赛名称", content);
                number_field(a_.contest.entries, "details.entries", "参赛项目数", content);
                break;
            case KindId::OrganisationBuilding: {
                const OrganisationDetails& d = a_.organisation;
                count("details.items", !d.items.empty());
                if (d.items.empty()) missing(Severity::Error, "details.items", "请至少选择一项组织建设内容", content);
                for (const std::string& item : d.items)
                    if (std::find(rule_->organisation_items.begin(), rule_->organisation_items.end(), item) ==
                        rule_->organisation_items.end())
                        add(Severity::Error, "details.items", "“" + item + "”不是组织建设的项目内容", content);
                required(d.evidence, "details.evidence", "组织建设和评估情况材料说明", kind_clause("备注"), Severity::Warning);
                break;
            }
        }
    }

    void choice(const std::string& value, const std::vector<std::string>& options, const std::string& field,
                const std::string& label, const std::string& clause) {
        count(field, !trim(value).empty());
        if (trim(value).empty()) missing(Severity::Error, field, "请选择" + label, clause);
        else if (!options.empty() && std::find(options.begin(), options.end(), value) == options.end())
            add(Severity::Warning, field, label + "“" + value + "”不在可选范围内", clause);
    }

    void number_field(const std::string& value, const std::string& field, const std::string& label, const std::string& clause) {
        count(field, !trim(value).empty());
        if (trim(value).empty()) missing(Severity::Error, field, "请填写" + label, clause);
        else if (!is_number_text(value)) add(Severity::Error, field, label + "应为数字", clause);
    }

    void check_team() {
        const bool station = rule_ && rule_->expert_team_min > 0;
        size_t named = 0;
        for (size_t i = 0; i < a_.team.size(); ++i) {
            const TeamMember& m = a_.team[i];
            const std::string field = "team[" + std::to_string(i) + "]";
            if (!trim(m.name).empty()) ++named;
            if (station) {
                const std::string clause = rule_->expert_team_clause;
                required(m.name, field + ".name", "专家姓名", clause);
                required(m.unit, field + ".unit", "专家工作单位", clause);
                required(m.title, field + ".title", "专家职称", clause);
                required(m.speciality, field + ".speciality", "专家专业特长", clause);
                count(field + ".phone", !trim(m.phone).empty());
                if (trim(m.phone).empty()) missing(Severity::Error, field + ".phone", "请填写专家联系电话", clause);
            }
            if (!trim(m.phone).empty() && !is_valid_phone(m.phone))
                add(station ? Severity::Error : Severity::Warning, field + ".phone",
                    "“" + m.name + "”的联系电话“" + m.phone + "”格式不正确", p_.clause("complete"));
        }
        if (station) count("team", named >= static_cast<size_t>(rule_->expert_team_min));
        if (station && named < static_cast<size_t>(rule_->expert_team_min))
            add(Severity::Error, "team",
                "学会科技服务站需有一支相对固定的专家服务团队：目前 " + std::to_string(named) + " 人，至少需要 " +
                    std::to_string(rule_->expert_team_min) + " 人" +
                    (rule_->expert_team_interpretation.empty() ? "" : "（" + rule_->expert_team_interpretation + "）"),
                rule_->expert_team_clause);
    }

    // 说明6 lists what the grant pays for and ends in 等: a line of another kind is allowed
    // when the society's own money pays for it, so it is a warning; the request is an
    // error only when it exceeds what the lines of listed kinds add up to.
    void check_budget() {
        const Budget& b = a_.budget;
        const std::string clause = p_.expense_clause;
        size_t priced = 0;
        Money listed_total;
        bool unlisted = false;
        for (size_t i = 0; i < b.lines.size(); ++i) {
            const BudgetLine& l = b.lines[i];
            const std::string field = "budget.lines[" + std::to_string(i) + "]";
            if (trim(l.description).empty() && l.amount.empty()) continue;  // an empty row
            const ExpenseKind* kind = p_.expense_kind(l.expense_kind);
            if (!kind && trim(l.expense_kind).empty()) {
                add(Severity::Warning, field + ".expense_kind", "请填写经费科目", clause);
                unlisted = true;
            } else if (!kind) {
                add(Severity::Warning, field + ".expense_kind",
                    "经费科目“" + trim(l.expense_kind) + "”不在说明6列举的资助经费用途中（" + listed_expense_kinds() +
                        "等）：请说明其必要性；资助经费不足以支付时由自筹经费支付",
                    clause);
                unlisted = true;
            }
            if (trim(l.description).empty()) add(Severity::Warning, field + ".description", "请说明该项经费的用途和测算依据", clause);
            if (l.amount.empty()) missing(Severity::Error, field + ".amount", "请填写金额", clause);
            else if (!l.amount.value())
                add(Severity::Error, field + ".amount", "金额“" + l.amount.text + "”不是有效的数字（单位：元，最多两位小数）", clause);
            else if (l.amount.value()->fen == 0) add(Severity::Warning, field + ".amount", "金额为 0", clause);
            else {
                ++priced;
                if (kind) listed_total = listed_total + *l.amount.value();
            }
        }
        count("budget.lines", priced > 0);
        if (priced == 0) missing(Severity::Error, "budget.lines", "请填写项目经费预算（至少一项）", clause);
        const Money total = b.total();

        std::optional<Money> requested;
        count("budget.requested", !b.requested.empty());
        if (b.requested.empty()) missing(Severity::Error, "budget.requested", "请填写申请市科协资助金额", clause);
        else if (!(requested = b.requested.value()))
            add(Severity::Error, "budget.requested", "申请资助金额“" + b.requested.text + "”不是有效的数字", clause);
        std::optional<Money> self_raised = Money{};
        if (!b.self_raised.empty() && !(self_raised = b.self_raised.value()))
            add(Severity::Error, "budget.self_raised", "自筹经费“" + b.self_raised.text + "”不是有效的数字", clause);

        if (requested && rule_) funding_standard(*requested);
        if (requested && priced > 0 && *requested > total)
            add(Severity::Error, "budget.requested",
                "申请资助金额 " + requested->display() + " 元超过预算合计 " + total.display() + " 元", clause);
        else if (requested && priced > 0 && unlisted && *requested > listed_total)
            add(Severity::Error, "budget.requested",
                "申请资助金额 " + requested->display() + " 元超过说明6所列用途的经费合计 " + listed_total.display() +
                    " 元：资助经费只能用于" + listed_expense_kinds() + "等，其他科目请由自筹经费支付",
                clause);
        if (requested && self_raised && priced > 0 && *requested + *self_raised != total)
            add(Severity::Error, "budget.self_raised",
                "申请资助（" + requested->display() + " 元）与自筹经费（" + self_raised->display() +
                    " 元）之和应等于预算合计 " + total.display() + " 元",
                clause);
    }

    std::string listed_expense_kinds() const {
        std::string out;
        for (const ExpenseKind& k : p_.expense_kinds) out += (out.empty() ? "" : "、") + k.label;
        return out;
    }

    void funding_standard(Money requested) {
        const Funding& f = rule_->funding;
        switch (f.type) {
            case Funding::Type::Range:
                if (requested > f.max)
                    add(Severity::Error, "budget.requested",
                        "申请资助金额 " + requested.display() + " 元超过“" + rule_->name + "”的资助标准（" + f.text + "）", f.clause);
                else if (requested < f.min)
                    add(Severity::Error, "budget.requested",
                        "申请资助金额 " + requested.display() + " 元低于“" + rule_->name + "”的资助标准（" + f.text + "）", f.clause);
                break;
            case Funding::Type::Fixed:
                if (requested > f.amount)
                    add(Severity::Error, "budget.requested",
                        "申请资助金额 " + requested.display() + " 元超过“" + rule_->name + "”的资助标准（" + f.text + "）", f.clause);
                else if (requested < f.amount)
                    add(Severity::Info, "budget.requested", "“" + rule_->name + "”的资助标准为 " + f.text, f.clause);
                break;
            case Funding::Type::PerUnit: {
                Money expected;
                bool counted = true;
                for (const FundingRate& r : f.rates) {
                    const std::string& count = r.id == "new_enterprises" ? a_.info_service.new_enterprises : a_.info_service.cases;
                    if (!all_digits(fold_width(trim(count)))) { counted = false; break; }
                    expected = expected + Money{r.amount.fen * std::stoll(fold_width(trim(count)))};
                }
                if (counted && requested != expected)
                    add(Severity::Warning, "budget.requested",
                        "按资助标准（" + f.text + "）测算应为 " + expected.display() + " 元", f.clause);
                break;
            }
        }
    }

    void check_opinion() {
        const std::string clause = p_.clause("submission");
        required(a_.opinion.opinion, "opinion.opinion", "申报单位意见（也可打印后手写）", clause, Severity::Warning);
        required(a_.opinion.signatory, "opinion.signatory", "签字负责人", clause, Severity::Warning);
        if (!a_.opinion.signed_on.empty() && !a_.opinion.signed_on.value())
            add(Severity::Error, "opinion.signed_on", "日期“" + a_.opinion.signed_on.text + "”不是有效日期", clause);
        const auto signed_on = a_.opinion.signed_on.value(), applied_on = a_.cover.applied_on.value();
        if (signed_on && applied_on && *signed_on > *applied_on)
            add(Severity::Warning, "opinion.signed_on",
                "单位意见的日期" + signed_on->chinese() + "晚于申报时间" + applied_on->chinese() + "：单位应在申报前签署意见，请核对",
                clause);
    }

    void check_eligibility() {
        for (const EligibilityItem& e : p_.eligibility) {
            const bool confirmed = std::find(a_.eligibility_confirmed.begin(), a_.eligibility_confirmed.end(), e.id) !=
                                   a_.eligibility_confirmed.end();
            count("eligibility." + e.id, confirmed);
            if (!confirmed) missing(Severity::Error, "eligibility." + e.id, "请确认：" + e.text, e.clause);
        }
    }

    void check_duties() {
        if (!rule_) return;
        if (rule_->report_days > 0)
            add(Severity::Info, "", "活动实施前后" + std::to_string(rule_->report_days) + "天内需向市科协报备", rule_->report_clause);
        if (p_.evidence_days > 0) {
            add(Severity::Info, "evidence", "活动结束后" + std::to_string(p_.evidence_days) + "日内需提交有效佐证材料", p_.evidence_clause);
            if (a_.evidence_planned.empty())
                add(Severity::Warning, "evidence", "请勾选活动结束后将提交的佐证材料", p_.evidence_clause);
        }
        if (rule_->mid_term_review_clause)
            add(Severity::Info, "", "“" + rule_->name + "”实施期内需接受中期评估和验收", *rule_->mid_term_review_clause);
        add(Severity::Info, "", "纸质申报书双面打印一式" + std::to_string(p_.copies) + "份，负责人签字并加盖单位公章后递交，同时报送电子稿至 " +
                                    p_.contact.email, p_.clause("submission"));
    }

    const Programme& p_;
    const Application& a_;
    Date today_;
    const KindRule* rule_;
    Findings out_;
};

}  // namespace

bool is_number_text(std::string_view text) {
    std::string s = fold_width(trim(text));
    if (s.empty()) return false;
    size_t dot = s.find('.');
    std::string whole = s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    return all_digits(whole) && (dot == std::string::npos || all_digits(frac));
}

bool is_valid_phone(std::string_view text) {
    std::string s = fold_width(trim(text));
    // Split on the separators people use between several numbers.
    for (const char* sep : {"、", "/", ",", ";", "；", "，"}) {
        for (size_t at; (at = s.find(sep)) != std::string::npos;) s.replace(at, std::string_view(sep).size(), "|");
    }
    std::vector<std::string> numbers;
    size_t start = 0;
    for (size_t bar; (bar = s.find('|', start)) != std::string::npos; start = bar + 1) numbers.push_back(s.substr(start, bar - start));
    numbers.push_back(s.substr(start));
    if (numbers.empty()) return false;
    for (const std::string& n : numbers)
        if (!is_one_phone(trim(n))) return false;
    return true;
}

std::string section_of(const std::string& field) {
    size_t end = field.find_first_of(".[");
    return field.substr(0, end);
}

Findings check_application(const Programme& programme, const Application& app, const Date& today) {
    return Checker(programme, app, today).run();
}

CheckResult check_full(const Programme& programme, const Application& app, const Date& today) {
    Checker checker(programme, app, today);
    CheckResult result;
    result.findings = checker.run();
    result.completeness = std::move(checker.completeness);
    return result;
}

int Completeness::percent() const {
    int required = 0, filled = 0;
    for (const Part& p : sections) { required += p.required; filled += p.filled; }
    return required == 0 ? 100 : filled * 100 / required;
}

const Completeness::Part* Completeness::section(const std::string& name) const {
    for (const Part& p : sections)
        if (p.section == name) return &p;
    return nullptr;
}

}  // namespace shenbao
