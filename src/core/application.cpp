#include "application.h"

#include "codec.h"
#include "text.h"

namespace shenbao {

bool DateField::empty() const { return trim(text).empty(); }
bool MoneyField::empty() const { return trim(text).empty(); }

Money Budget::total() const {
    Money sum;
    for (const BudgetLine& line : lines)
        if (auto m = line.amount.value()) sum = sum + *m;
    return sum;
}

Application Application::blank(const Programme& programme, KindId kind) {
    Application a;
    a.cover.kind = kind;
    a.evidence_planned = programme.evidence_items;
    a.plan.indicators.push_back({});
    if (!programme.expense_kinds.empty()) a.budget.lines.push_back({programme.expense_kinds.front().id, "", {}});
    return a;
}

bool operator==(const Application& a, const Application& b) { return canonical_content(a) == canonical_content(b); }

}  // namespace shenbao
