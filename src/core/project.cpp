#include "project.h"

#include <algorithm>

namespace shenbao {

namespace {

Date plus(const Date& d, int days) { return Date::from_serial(d.serial() + days); }

std::string month_day(const Date& d) { return std::to_string(d.month) + "月" + std::to_string(d.day) + "日"; }

}  // namespace

const char* duty_key(Duty duty) {
    switch (duty) {
        case Duty::Report: return "report";
        case Duty::Evidence: return "evidence";
        case Duty::MidTerm: return "mid_term";
        default: return "acceptance";
    }
}

std::optional<Duty> duty_from_key(std::string_view key) {
    for (Duty d : kDuties)
        if (key == duty_key(d)) return d;
    return std::nullopt;
}

const char* duty_label(Duty duty) {
    switch (duty) {
        case Duty::Report: return "报备";
        case Duty::Evidence: return "提交佐证材料";
        case Duty::MidTerm: return "中期评估";
        default: return "验收";
    }
}

std::string& done_at(ProjectRecord& p, Duty duty) {
    switch (duty) {
        case Duty::Report: return p.done_report;
        case Duty::Evidence: return p.done_evidence;
        case Duty::MidTerm: return p.done_mid_term;
        default: return p.done_acceptance;
    }
}

const std::string& done_at(const ProjectRecord& p, Duty duty) { return done_at(const_cast<ProjectRecord&>(p), duty); }

std::vector<Milestone> project_timeline(const Programme& programme, const Application& app,
                                        const ProjectRecord& project) {
    std::vector<Milestone> out;
    const std::optional<Date> start = app.plan.start.value(), end = app.plan.end.value();
    if (!project.approved || !start || !end || *end < *start) return out;
    const KindRule* kind = programme.kind(app.cover.kind);
    if (kind && kind->report_days > 0)
        out.push_back({Duty::Report, duty_label(Duty::Report), plus(*start, -kind->report_days),
                       plus(*end, kind->report_days), kind->report_clause, done_at(project, Duty::Report)});
    out.push_back({Duty::Evidence, duty_label(Duty::Evidence), *end, plus(*end, programme.evidence_days),
                   programme.evidence_clause, done_at(project, Duty::Evidence)});
    if (kind && kind->mid_term_review_clause) {
        const Date middle = plus(*start, (end->serial() - start->serial()) / 2);
        out.push_back({Duty::MidTerm, duty_label(Duty::MidTerm), *start, middle, *kind->mid_term_review_clause,
                       done_at(project, Duty::MidTerm)});
        out.push_back({Duty::Acceptance, duty_label(Duty::Acceptance), middle, *end, *kind->mid_term_review_clause,
                       done_at(project, Duty::Acceptance)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Milestone& a, const Milestone& b) { return a.due < b.due; });
    return out;
}

DueState due_state(const Milestone& m, const Date& today) {
    DueState s;
    if (!m.done_at.empty()) {
        s.state = DueState::State::Done;
        s.text = "已完成";
        return s;
    }
    if (today < m.opens) {
        s.state = DueState::State::NotYet;
        s.days = m.opens.serial() - today.serial();
        s.text = month_day(m.opens) + "起";
        return s;
    }
    if (today == m.due) {
        s.state = DueState::State::DueToday;
        s.urgent = true;
        s.text = "今天截止";
        return s;
    }
    if (today > m.due) {
        s.state = DueState::State::Overdue;
        s.days = today.serial() - m.due.serial();
        s.urgent = true;
        s.text = "已逾期 " + std::to_string(s.days) + " 天";
        return s;
    }
    s.state = DueState::State::Open;
    s.days = m.due.serial() - today.serial();
    s.urgent = s.days <= 3;
    s.text = std::to_string(s.days) + " 天后截止";
    return s;
}

}  // namespace shenbao
