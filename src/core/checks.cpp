#include "checks.h"

#include <algorithm>
#include <cctype>

#include "field_access.h"
#include "text.h"

namespace shenbao {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_one_phone(std::string s) {
    // Drop the separators people put inside numbers.
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '(' || c == ')'; }), s.end());
    if (s.rfind("+86", 0) == 0)
        s = s.substr(3);
    else if (s.size() == 13 && s.rfind("86", 0) == 0)
        s = s.substr(2);
    // Extension: -123 after a full fixed number, or 转123.
    size_t ext = s.find("转");
    if (ext != std::string::npos) {
        if (!all_digits(s.substr(ext + 3)) || s.size() - ext - 3 > 6) return false;
        s = s.substr(0, ext);
    }
    if (s.size() == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits(s)) return true;  // mobile
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t dash; (dash = s.find('-', start)) != std::string::npos; start = dash + 1)
        parts.push_back(s.substr(start, dash - start));
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
    // `form`: the table whose fields are checked; the programme's 申报书 unless another is given.
    Checker(const Programme& p, const Application& a, const Date& today, const FormSpec* form = nullptr)
        : p_(p), a_(a), today_(today), rule_(p.kind(a.cover.kind)), form_(form ? *form : p.form) {}

    Completeness completeness;

    Findings run() {
        check_kind();
        check_fields();
        check_deadline();
        check_activity_window();
        check_indicators();
        check_academic();
        check_team();
        check_budget();
        check_opinion();
        check_duties();
        std::stable_sort(out_.begin(), out_.end(), [](const Finding& x, const Finding& y) {
            return static_cast<int>(x.severity) < static_cast<int>(y.severity);
        });
        return std::move(out_);
    }

    // Only the rules the form's table states (a report's form: no rule of the 申报书 applies).
    Findings run_fields() {
        check_fields();
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
        if (it == completeness.sections.end())
            it = completeness.sections.insert(completeness.sections.end(), {section});
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
        return "附件2·" + (rule_ ? rule_->name : p_.form.label_of("cover.kind")) + "·" + part;
    }
    bool applied_here() const { return rule_ && rule_->route.type == Route::Type::ThisCall; }

    void check_kind() {
        if (!rule_) {
            add(Severity::Error, "cover.kind",
                std::string("项目类别“") + kind_key(a_.cover.kind) + "”不在本年度重点项目表中", p_.clause("kind"));
            return;
        }
        if (rule_->route.type == Route::Type::Assessed)
            add(Severity::Error, "cover.kind",
                "“" + rule_->name + "”不单独申报：" + rule_->route.text + "。请改选其他项目类别", rule_->route.clause);
        else if (rule_->route.type == Route::Type::SeparateCall)
            add(Severity::Warning, "cover.kind",
                "“" + rule_->name + "”" + rule_->route.text + "，本申报书可先行准备，正式申报请按市科协另行通知办理",
                rule_->route.clause);
    }

    // The rules of one field that its row of the form table states: needed or not, its
    // input kind's form, its limits, its options, a date it may not precede.
    void check_fields() {
        const KindId kind = a_.cover.kind;
        for (const FieldSpec* f : form_.fields_for(kind)) {
            const std::string clause = p_.field_clause(*f, kind);
            const Need need = f->need_for(kind);
            switch (f->input) {
                case InputKind::Kind:
                case InputKind::Check: continue;
                case InputKind::Table:
                    if (need == Need::Required) {
                        const bool filled = rows_at(a_, f->path) > 0;
                        count(f->path, filled);
                        if (!filled) missing(Severity::Error, f->path, "请填写" + f->named(), clause);
                    }
                    continue;
                case InputKind::Confirmations:
                    for (const EligibilityItem& e : p_.eligibility) {
                        const std::string field = "eligibility." + e.id;
                        const bool confirmed = contains_item(a_.eligibility_confirmed, e.id);
                        count(field, confirmed);
                        if (!confirmed) missing(Severity::Error, field, "请确认：" + e.text, e.clause);
                    }
                    continue;
                case InputKind::Choices: {
                    const std::vector<std::string>* list = list_at(a_, f->path);
                    if (!list) continue;
                    if (need == Need::Required) count(f->path, !list->empty());
                    if (list->empty() && need != Need::Optional)
                        missing(severity_of(need), f->path, "请至少选择一项" + f->named(), clause);
                    const std::vector<std::string>& options = p_.options_for(kind, f->options);
                    if (!f->others_allowed)
                        for (const std::string& item : *list)
                            if (!options.empty() && !contains_item(options, item))
                                add(Severity::Error, f->path, "“" + item + "”不是" + f->named() + "的可选项", clause);
                    continue;
                }
                default: break;
            }
            const std::string value = text_at(a_, f->path);
            const bool filled = !trim(value).empty();
            if (need == Need::Required) count(f->path, filled);
            if (!filled) {
                if (need != Need::Optional)
                    missing(severity_of(need), f->path,
                            (f->input == InputKind::Choice ? "请选择" : "请填写") + f->named(), clause);
                continue;
            }
            check_value(*f, value, need, clause);
        }
        for (const auto& [path, value] : a_.extra)
            if (!trim(value).empty() && !shown(path))
                add(Severity::Warning, path,
                    "“" + path + "”不在本申报计划的申报书中，其内容已保留：" +
                        elide_middle(value, 40, [](std::string_view t) { return static_cast<float>(char_count(t)); }),
                    p_.clause("complete"));
    }

    void check_value(const FieldSpec& f, const std::string& value, Need need, const std::string& clause) {
        const std::string& label = f.named();
        switch (f.input) {
            case InputKind::Assigned:
                add(Severity::Info, f.path, f.label + "由市科协填写，申报单位可留空", clause);
                return;
            case InputKind::Date: {
                auto d = Date::parse(value);
                if (!d) {
                    add(Severity::Error, f.path,
                        label + "“" + value + "”不是有效日期，请写成 2018-05-31 或 2018年5月31日", clause);
                    return;
                }
                if (!f.after.empty())
                    if (auto before = Date::parse(text_at(a_, f.after)); before && *d < *before) {
                        const FieldSpec* other = form_.field(f.after);
                        add(Severity::Error, f.path, label + "早于" + (other ? other->label : f.after), clause);
                    }
                break;
            }
            case InputKind::Phone:
                if (!is_valid_phone(value))
                    add(Severity::Error, f.path,
                        label + "“" + value + "”格式不正确：请填写手机号（11位）或固定电话（如 0515-88192426）",
                        clause);
                break;
            case InputKind::Money:
                if (!Money::parse(value))
                    add(Severity::Error, f.path, label + "“" + value + "”不是有效的数字（单位：元，最多两位小数）",
                        clause);
                break;
            case InputKind::Number:
                if (!is_number_text(value))
                    add(need == Need::Required ? Severity::Error : Severity::Warning, f.path, label + "应为数字",
                        clause);
                break;
            case InputKind::Choice: {
                const std::vector<std::string>& options = p_.options_for(a_.cover.kind, f.options);
                if (!options.empty() && !contains_item(options, value))
                    add(Severity::Warning, f.path, label + "“" + value + "”不在可选范围内", clause);
                break;
            }
            case InputKind::Unit:
                if (!p_.unit_targets(value))
                    add(Severity::Warning, f.path,
                        "“" + trim(value) +
                            "”不在任务分解表（附件1）的单位名单中；如为新成立或更名的单位，请在项目内容中说明，并核对单"
                            "位全称",
                        p_.clause("targets"));
                break;
            default: break;
        }
        const size_t chars = char_count(trim(value));
        if (f.max_chars && chars > f.max_chars)
            add(Severity::Error, f.path,
                label + "不能超过" + std::to_string(f.max_chars) + "字（现为" + std::to_string(chars) + "字）", clause);
        if (f.min_chars && chars < f.min_chars)
            add(Severity::Warning, f.path,
                f.min_chars_message.empty() ? label + "不足" + std::to_string(f.min_chars) + "字" : f.min_chars_message,
                clause);
    }

    bool shown(const std::string& path) const {
        const FieldSpec* f = form_.field(path);
        return f && f->shown_for(a_.cover.kind);
    }

    static Severity severity_of(Need need) { return need == Need::Required ? Severity::Error : Severity::Warning; }
    static bool contains_item(const std::vector<std::string>& list, const std::string& item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    }

    // 申报时间 against the call's dates (申报说明7).
    void check_deadline() {
        auto applied = a_.cover.applied_on.value();
        if (applied && applied_here()) {
            if (*applied > p_.deadline)
                add(Severity::Error, "cover.applied_on",
                    p_.form.label_of("cover.applied_on") + applied->chinese() + "晚于申报截止日期" +
                        p_.deadline.chinese(),
                    p_.deadline_clause);
            if (*applied < p_.issued_on)
                add(Severity::Warning, "cover.applied_on",
                    p_.form.label_of("cover.applied_on") + applied->chinese() + "早于通知印发日期" +
                        p_.issued_on.chinese() + "，请核对",
                    p_.deadline_clause);
        }
        if (applied_here() && today_ > p_.deadline)
            add(Severity::Warning, "", "本年度申报已于" + p_.deadline.chinese() + "截止，逾期申报请先与市科协联系",
                p_.deadline_clause);
    }

    // The activity's dates inside the kind's window (附件2's 备注).
    void check_activity_window() {
        if (!rule_ || !rule_->activity_window) return;
        const DateWindow& w = *rule_->activity_window;
        auto within = [&](const std::optional<Date>& d, const char* field) {
            const FieldSpec* f = p_.form.field(field);
            if (d && (*d < w.from || *d > w.to))
                add(Severity::Error, field,
                    (f ? f->label : std::string(field)) + d->chinese() + "不在规定的时间范围内（" + w.text + "）",
                    w.clause);
        };
        within(a_.plan.start.value(), "plan.start");
        within(a_.plan.end.value(), "plan.end");
    }

    void check_indicators() {
        const std::string complete = p_.clause("complete");
        const Plan& pl = a_.plan;
        bool measurable = false;
        for (size_t i = 0; i < pl.indicators.size(); ++i) {
            const Indicator& ind = pl.indicators[i];
            const std::string field = "plan.indicators[" + std::to_string(i) + "]";
            if (trim(ind.name).empty() && trim(ind.target).empty()) continue;
            if (trim(ind.name).empty()) add(Severity::Warning, field + ".name", "请填写指标名称", complete);
            if (!is_number_text(ind.target))
                add(Severity::Warning, field + ".target", "指标“" + ind.name + "”的目标值应为数字，以便考核", complete);
            else if (!trim(ind.name).empty())
                measurable = true;
        }
        if (!measurable && shown("plan.indicators"))
            add(Severity::Warning, "plan.indicators", "请至少填写一项可量化的考核指标（如参会人数、服务企业数）",
                complete);
    }

    // The academic exchange's invited experts and the exclusion of training (附件2 备注2).
    void check_academic() {
        if (!rule_ || a_.cover.kind != KindId::AcademicExchange) return;
        const AcademicDetails& d = a_.academic;
        const std::string remark2 = kind_clause("备注2");
        if (shown("details.experts")) {
            if (d.experts.empty())
                add(Severity::Warning, "details.experts",
                    "请列出拟邀请的主讲专家（姓名、职称、单位），评审将按活动规模和级别综合考量", remark2);
            for (size_t i = 0; i < d.experts.size(); ++i)
                required(d.experts[i].name, "details.experts[" + std::to_string(i) + "].name", "专家姓名",
                         p_.clause("complete"));
        }
        if (rule_->excludes_training_clause) {
            if (d.is_training)
                add(Severity::Error, "details.is_training", "继续教育、培训类活动不在资助范围",
                    *rule_->excludes_training_clause);
            else
                for (const std::string& word : p_.training_keywords)
                    if (contains(a_.cover.project_name, word) || contains(a_.plan.content, word)) {
                        add(Severity::Warning, "cover.project_name",
                            "项目名称或内容含“" + word + "”：各类继续教育培训活动不在资助范围，请确认本活动不是培训",
                            *rule_->excludes_training_clause);
                        break;
                    }
        }
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
            if (trim(l.description).empty())
                add(Severity::Warning, field + ".description", "请说明该项经费的用途和测算依据", clause);
            if (l.amount.empty())
                missing(Severity::Error, field + ".amount", "请填写金额", clause);
            else if (!l.amount.value())
                add(Severity::Error, field + ".amount",
                    "金额“" + l.amount.text + "”不是有效的数字（单位：元，最多两位小数）", clause);
            else if (l.amount.value()->fen == 0)
                add(Severity::Warning, field + ".amount", "金额为 0", clause);
            else {
                ++priced;
                if (kind) listed_total = listed_total + *l.amount.value();
            }
        }
        count("budget.lines", priced > 0);
        if (priced == 0) missing(Severity::Error, "budget.lines", "请填写项目经费预算（至少一项）", clause);
        const Money total = b.total();

        // Whether each is there and a number is the field table's rule (check_fields).
        const std::optional<Money> requested = b.requested.value();
        const std::optional<Money> self_raised =
            b.self_raised.empty() ? std::optional<Money>(Money{}) : b.self_raised.value();

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
                        "申请资助金额 " + requested.display() + " 元超过“" + rule_->name + "”的资助标准（" + f.text +
                            "）",
                        f.clause);
                else if (requested < f.min)
                    add(Severity::Error, "budget.requested",
                        "申请资助金额 " + requested.display() + " 元低于“" + rule_->name + "”的资助标准（" + f.text +
                            "）",
                        f.clause);
                break;
            case Funding::Type::Fixed:
                if (requested > f.amount)
                    add(Severity::Error, "budget.requested",
                        "申请资助金额 " + requested.display() + " 元超过“" + rule_->name + "”的资助标准（" + f.text +
                            "）",
                        f.clause);
                else if (requested < f.amount)
                    add(Severity::Info, "budget.requested", "“" + rule_->name + "”的资助标准为 " + f.text, f.clause);
                break;
            case Funding::Type::PerUnit: {
                Money expected;
                bool counted = true;
                for (const FundingRate& r : f.rates) {
                    const std::string& count =
                        r.id == "new_enterprises" ? a_.info_service.new_enterprises : a_.info_service.cases;
                    if (!all_digits(fold_width(trim(count)))) {
                        counted = false;
                        break;
                    }
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
        const auto signed_on = a_.opinion.signed_on.value(), applied_on = a_.cover.applied_on.value();
        if (signed_on && applied_on && *signed_on > *applied_on)
            add(Severity::Warning, "opinion.signed_on",
                "单位意见的日期" + signed_on->chinese() + "晚于申报时间" + applied_on->chinese() +
                    "：单位应在申报前签署意见，请核对",
                p_.clause("submission"));
    }

    void check_duties() {
        if (!rule_) return;
        if (rule_->report_days > 0)
            add(Severity::Info, "", "活动实施前后" + std::to_string(rule_->report_days) + "天内需向市科协报备",
                rule_->report_clause);
        if (p_.evidence_days > 0) {
            add(Severity::Info, "evidence", "活动结束后" + std::to_string(p_.evidence_days) + "日内需提交有效佐证材料",
                p_.evidence_clause);
            if (a_.evidence_planned.empty())
                add(Severity::Warning, "evidence", "请勾选活动结束后将提交的佐证材料", p_.evidence_clause);
        }
        if (rule_->mid_term_review_clause)
            add(Severity::Info, "", "“" + rule_->name + "”实施期内需接受中期评估和验收",
                *rule_->mid_term_review_clause);
        add(Severity::Info, "",
            "纸质申报书双面打印一式" + std::to_string(p_.copies) +
                "份，负责人签字并加盖单位公章后递交，同时报送电子稿至 " + p_.contact.email,
            p_.clause("submission"));
    }

    const Programme& p_;
    const Application& a_;
    Date today_;
    const KindRule* rule_;
    const FormSpec& form_;
    Findings out_;
};

}  // namespace

FormChanges form_changes(const Programme& programme, const Application& app, int saved_with_version) {
    FormChanges out;
    if (saved_with_version <= 0 || saved_with_version >= programme.version) return out;
    const KindId kind = app.cover.kind;
    for (const FieldSpec* f : programme.form.fields_for(kind))
        if (f->since > saved_with_version) out.added.push_back(f->label);
    for (const auto& [path, value] : app.extra) {
        const FieldSpec* f = programme.form.field(path);
        if (!trim(value).empty() && !(f && f->shown_for(kind))) out.dropped.emplace_back(path, value);
    }
    return out;
}

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
    for (size_t bar; (bar = s.find('|', start)) != std::string::npos; start = bar + 1)
        numbers.push_back(s.substr(start, bar - start));
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

std::vector<FormPart> form_parts(const Programme& programme, KindId kind) { return form_parts(programme.form, kind); }

std::vector<FormPart> form_parts(const FormSpec& form, KindId kind) {
    std::vector<FormPart> parts;
    for (const SectionSpec& s : form.sections) {
        if (!s.shown_for(kind)) continue;
        for (const FieldSpec& f : s.fields) {
            if (!f.shown_for(kind)) continue;
            const std::string key = section_of(f.path);
            const bool known = std::any_of(parts.begin(), parts.end(), [&](const FormPart& p) { return p.key == key; });
            if (!known) parts.push_back({key, s.title_of(kind)});
        }
    }
    parts.push_back({"", "整体"});
    return parts;
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

CheckResult check_form_fields(const Programme& programme, const FormSpec& form, const Application& values,
                              const Date& today) {
    Checker checker(programme, values, today, &form);
    CheckResult result;
    result.findings = checker.run_fields();
    result.completeness = std::move(checker.completeness);
    return result;
}

int Completeness::percent() const {
    int required = 0, filled = 0;
    for (const Part& p : sections) {
        required += p.required;
        filled += p.filled;
    }
    return required == 0 ? 100 : filled * 100 / required;
}

const Completeness::Part* Completeness::section(const std::string& name) const {
    for (const Part& p : sections)
        if (p.section == name) return &p;
    return nullptr;
}

}  // namespace shenbao
