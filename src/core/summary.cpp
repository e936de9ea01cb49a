#include "summary.h"

#include "field_access.h"
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
    // The kind's own sections of the form (those shown for some kinds only), their
    // one-value fields as rows: labels and order from the programme's field table.
    auto title_of = [&](const std::string& id) {
        for (const SectionSpec& s : programme.form.sections)
            if (s.id == id) return s.title_of(a.cover.kind);
        return id;
    };
    SummarySection details{"", {}};
    for (const SectionSpec& section : programme.form.sections) {
        if (section.kinds.empty() || !section.shown_for(a.cover.kind)) continue;
        if (details.title.empty()) details.title = section.title_of(a.cover.kind);
        for (const FieldSpec& f : section.fields) {
            if (!f.shown_for(a.cover.kind)) continue;
            switch (f.input) {
                case InputKind::Table: break;  // the experts: a section of their own below
                case InputKind::Check:
                    details.rows.push_back({f.printed_label(), flag_at(a, f.path) ? "是" : "否"});
                    break;
                case InputKind::Choices: {
                    std::string items;
                    if (const auto* list = list_at(a, f.path))
                        for (const std::string& i : *list) items += (items.empty() ? "" : "；") + i;
                    details.rows.push_back({f.label, or_dash(items)});
                    break;
                }
                default: details.rows.push_back({f.label, or_dash(text_at(a, f.path))});
            }
        }
    }
    add(out, std::move(details));

    if (a.cover.kind == KindId::AcademicExchange) {
        SummarySection experts{programme.form.label_of("details.experts"), {}};
        for (const InvitedExpert& e : a.academic.experts)
            experts.rows.push_back({or_dash(e.name), joined({e.title, e.unit})});
        add(out, std::move(experts));
    }
    SummarySection team{title_of("team"), {}};
    for (const TeamMember& m : a.team)
        team.rows.push_back({or_dash(m.name), joined({m.title, m.speciality, m.unit, m.phone})});
    add(out, std::move(team));

    SummarySection indicators{programme.form.label_of("plan.indicators"), {}};
    for (const Indicator& i : a.plan.indicators)
        if (!trim(i.name).empty() || !trim(i.target).empty())
            indicators.rows.push_back({or_dash(i.name), joined({i.target + trim(i.unit)})});
    add(out, std::move(indicators));

    SummarySection budget{title_of("budget") + "（元）", {}};
    for (const BudgetLine& l : a.budget.lines) {
        if (trim(l.description).empty() && l.amount.empty()) continue;
        const ExpenseKind* k = programme.expense_kind(l.expense_kind);
        const auto amount = l.amount.value();
        budget.rows.push_back({k ? k->label : or_dash(l.expense_kind),
                               joined({l.description, amount ? amount->display() : l.amount.text})});
    }
    if (!budget.rows.empty()) {
        budget.rows.push_back({"合计", a.budget.total().display()});
        const auto requested = a.budget.requested.value(), self = a.budget.self_raised.value();
        budget.rows.push_back({programme.form.label_of("budget.requested"),
                               requested ? requested->display() : or_dash(a.budget.requested.text)});
        budget.rows.push_back({programme.form.label_of("budget.self_raised"),
                               self ? self->display() : or_dash(a.budget.self_raised.text)});
    }
    add(out, std::move(budget));
    return out;
}

}  // namespace shenbao
