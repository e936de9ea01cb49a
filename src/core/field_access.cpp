#include "field_access.h"

#include <algorithm>
#include <utility>

#include "text.h"

namespace shenbao {

namespace {

using TextMember = std::string& (*)(Application&);
using FlagMember = bool& (*)(Application&);
using ListMember = std::vector<std::string>& (*)(Application&);

// The built-in scalar fields: path and member. Date and money fields are their text.
const std::pair<const char*, TextMember> kTexts[] = {
    {"cover.project_number", [](Application& a) -> std::string& { return a.cover.project_number; }},
    {"cover.project_name", [](Application& a) -> std::string& { return a.cover.project_name; }},
    {"cover.applicant_unit", [](Application& a) -> std::string& { return a.cover.applicant_unit; }},
    {"cover.project_leader", [](Application& a) -> std::string& { return a.cover.project_leader; }},
    {"cover.phone", [](Application& a) -> std::string& { return a.cover.phone; }},
    {"cover.applied_on", [](Application& a) -> std::string& { return a.cover.applied_on.text; }},
    {"plan.aims", [](Application& a) -> std::string& { return a.plan.aims; }},
    {"plan.content", [](Application& a) -> std::string& { return a.plan.content; }},
    {"plan.start", [](Application& a) -> std::string& { return a.plan.start.text; }},
    {"plan.end", [](Application& a) -> std::string& { return a.plan.end.text; }},
    {"plan.place", [](Application& a) -> std::string& { return a.plan.place; }},
    {"plan.expected_results", [](Application& a) -> std::string& { return a.plan.expected_results; }},
    {"budget.requested", [](Application& a) -> std::string& { return a.budget.requested.text; }},
    {"budget.self_raised", [](Application& a) -> std::string& { return a.budget.self_raised.text; }},
    {"opinion.opinion", [](Application& a) -> std::string& { return a.opinion.opinion; }},
    {"opinion.signatory", [](Application& a) -> std::string& { return a.opinion.signatory; }},
    {"opinion.signed_on", [](Application& a) -> std::string& { return a.opinion.signed_on.text; }},
    {"details.format", [](Application& a) -> std::string& { return a.academic.format; }},
    {"details.scale", [](Application& a) -> std::string& { return a.academic.scale; }},
    {"details.level", [](Application& a) -> std::string& { return a.academic.level; }},
    {"details.organisers", [](Application& a) -> std::string& { return a.academic.organisers; }},
    {"details.participants", [](Application& a) -> std::string& { return a.academic.participants; }},
    {"details.host_type", [](Application& a) -> std::string& { return a.station.host_type; }},
    {"details.host_name", [](Application& a) -> std::string& { return a.station.host_name; }},
    {"details.host_address", [](Application& a) -> std::string& { return a.station.host_address; }},
    {"details.services", [](Application& a) -> std::string& { return a.station.services; }},
    {"details.upstream", [](Application& a) -> std::string& { return a.station.upstream; }},
    {"details.partner", [](Application& a) -> std::string& { return a.cooperation.partner; }},
    {"details.topic", [](Application& a) -> std::string& { return a.cooperation.topic; }},
    {"details.new_enterprises", [](Application& a) -> std::string& { return a.info_service.new_enterprises; }},
    {"details.cases", [](Application& a) -> std::string& { return a.info_service.cases; }},
    {"details.contest_name", [](Application& a) -> std::string& { return a.contest.contest_name; }},
    {"details.entries", [](Application& a) -> std::string& { return a.contest.entries; }},
    {"details.incubated", [](Application& a) -> std::string& { return a.contest.incubated; }},
    {"details.evidence", [](Application& a) -> std::string& { return a.organisation.evidence; }},
};

const std::pair<const char*, FlagMember> kFlags[] = {
    {"details.is_training", [](Application& a) -> bool& { return a.academic.is_training; }},
};

const std::pair<const char*, ListMember> kLists[] = {
    {"details.items", [](Application& a) -> std::vector<std::string>& { return a.organisation.items; }},
    {"eligibility_confirmed", [](Application& a) -> std::vector<std::string>& { return a.eligibility_confirmed; }},
    {"evidence_planned", [](Application& a) -> std::vector<std::string>& { return a.evidence_planned; }},
};

template <class Table>
auto find_in(const Table& table, const std::string& path) -> decltype(&table[0]) {
    for (const auto& entry : table)
        if (path == entry.first) return &entry;
    return nullptr;
}

// A table over std::vector<Row>, its columns given as (key, member accessor) pairs.
template <class Row>
class VectorRows : public Rows {
public:
    using Cell = std::string& (*)(Row&);
    VectorRows(std::vector<Row>& rows, const std::vector<std::pair<const char*, Cell>>& columns)
        : rows_(rows), columns_(columns) {}
    size_t size() const override { return rows_.size(); }
    std::string* cell(size_t row, std::string_view column) override {
        if (row >= rows_.size()) return nullptr;
        for (const auto& c : columns_)
            if (column == c.first) return &c.second(rows_[row]);
        return nullptr;
    }
    void insert(size_t at) override {
        rows_.insert(rows_.begin() + static_cast<long>(std::min(at, rows_.size())), Row{});
    }
    void erase(size_t row) override {
        if (row < rows_.size()) rows_.erase(rows_.begin() + static_cast<long>(row));
    }
    void swap(size_t a, size_t b) override {
        if (a < rows_.size() && b < rows_.size()) std::swap(rows_[a], rows_[b]);
    }

private:
    std::vector<Row>& rows_;
    const std::vector<std::pair<const char*, Cell>>& columns_;
};

const std::vector<std::pair<const char*, VectorRows<Indicator>::Cell>> kIndicatorColumns = {
    {"name", [](Indicator& r) -> std::string& { return r.name; }},
    {"target", [](Indicator& r) -> std::string& { return r.target; }},
    {"unit", [](Indicator& r) -> std::string& { return r.unit; }},
};
const std::vector<std::pair<const char*, VectorRows<TeamMember>::Cell>> kTeamColumns = {
    {"name", [](TeamMember& r) -> std::string& { return r.name; }},
    {"unit", [](TeamMember& r) -> std::string& { return r.unit; }},
    {"title", [](TeamMember& r) -> std::string& { return r.title; }},
    {"speciality", [](TeamMember& r) -> std::string& { return r.speciality; }},
    {"phone", [](TeamMember& r) -> std::string& { return r.phone; }},
};
const std::vector<std::pair<const char*, VectorRows<BudgetLine>::Cell>> kBudgetColumns = {
    {"expense_kind", [](BudgetLine& r) -> std::string& { return r.expense_kind; }},
    {"description", [](BudgetLine& r) -> std::string& { return r.description; }},
    {"amount", [](BudgetLine& r) -> std::string& { return r.amount.text; }},
};
const std::vector<std::pair<const char*, VectorRows<InvitedExpert>::Cell>> kExpertColumns = {
    {"name", [](InvitedExpert& r) -> std::string& { return r.name; }},
    {"title", [](InvitedExpert& r) -> std::string& { return r.title; }},
    {"unit", [](InvitedExpert& r) -> std::string& { return r.unit; }},
};

template <class Columns>
std::vector<std::string> keys_of(const Columns& columns) {
    std::vector<std::string> out;
    for (const auto& c : columns) out.push_back(c.first);
    return out;
}

}  // namespace

Slot builtin_slot(const std::string& path) {
    if (path == "cover.kind") return Slot::Kind;
    if (find_in(kTexts, path)) return Slot::Text;
    if (find_in(kFlags, path)) return Slot::Flag;
    if (find_in(kLists, path)) return Slot::List;
    if (!builtin_columns(path).empty()) return Slot::Table;
    return Slot::None;
}

std::vector<std::string> builtin_columns(const std::string& path) {
    if (path == "plan.indicators") return keys_of(kIndicatorColumns);
    if (path == "team") return keys_of(kTeamColumns);
    if (path == "budget.lines") return keys_of(kBudgetColumns);
    if (path == "details.experts") return keys_of(kExpertColumns);
    return {};
}

std::vector<std::string> builtin_paths() {
    std::vector<std::string> out{"cover.kind"};
    for (const auto& e : kTexts) out.push_back(e.first);
    for (const auto& e : kFlags) out.push_back(e.first);
    for (const auto& e : kLists) out.push_back(e.first);
    for (const char* t : {"plan.indicators", "team", "budget.lines", "details.experts"}) out.push_back(t);
    return out;
}

std::string& text_of(Application& app, const std::string& path) {
    if (const auto* e = find_in(kTexts, path)) return e->second(app);
    return app.extra[path];
}

std::string text_at(const Application& app, const std::string& path) {
    if (const auto* e = find_in(kTexts, path)) return e->second(const_cast<Application&>(app));
    auto it = app.extra.find(path);
    return it == app.extra.end() ? std::string() : it->second;
}

bool* flag_of(Application& app, const std::string& path) {
    const auto* e = find_in(kFlags, path);
    return e ? &e->second(app) : nullptr;
}

bool flag_at(const Application& app, const std::string& path) {
    if (const auto* e = find_in(kFlags, path)) return e->second(const_cast<Application&>(app));
    return text_at(app, path) == "true";
}

std::vector<std::string>* list_of(Application& app, const std::string& path) {
    const auto* e = find_in(kLists, path);
    return e ? &e->second(app) : nullptr;
}

const std::vector<std::string>* list_at(const Application& app, const std::string& path) {
    return list_of(const_cast<Application&>(app), path);  // read only: the list is not changed
}

std::unique_ptr<Rows> rows_of(Application& app, const std::string& path) {
    if (path == "plan.indicators")
        return std::make_unique<VectorRows<Indicator>>(app.plan.indicators, kIndicatorColumns);
    if (path == "team") return std::make_unique<VectorRows<TeamMember>>(app.team, kTeamColumns);
    if (path == "budget.lines") return std::make_unique<VectorRows<BudgetLine>>(app.budget.lines, kBudgetColumns);
    if (path == "details.experts")
        return std::make_unique<VectorRows<InvitedExpert>>(app.academic.experts, kExpertColumns);
    return nullptr;
}

std::string cell_at(const Application& app, const std::string& path, size_t row, std::string_view column) {
    auto rows = rows_of(const_cast<Application&>(app), path);
    const std::string* cell = rows ? rows->cell(row, column) : nullptr;
    return cell ? *cell : std::string();
}

size_t rows_at(const Application& app, const std::string& path) {
    auto rows = rows_of(const_cast<Application&>(app), path);
    return rows ? rows->size() : 0;
}

bool has_value(const Application& app, const FieldSpec& field) {
    switch (field.input) {
        case InputKind::Kind: return true;
        case InputKind::Check: return flag_at(app, field.path);
        case InputKind::Choices:
        case InputKind::Confirmations: {
            const auto* list = list_at(app, field.path);
            return list ? !list->empty() : !trim(text_at(app, field.path)).empty();
        }
        case InputKind::Table: return rows_at(app, field.path) > 0;
        default: return !trim(text_at(app, field.path)).empty();
    }
}

std::string cell_path(const std::string& table, size_t row, std::string_view column) {
    return table + "[" + std::to_string(row) + "]." + std::string(column);
}

std::optional<CellPath> parse_cell_path(std::string_view path) {
    const size_t open = path.find('['), close = path.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close <= open + 1) return std::nullopt;
    CellPath out{path.substr(0, open), 0, {}};
    for (size_t i = open + 1; i < close; ++i) {
        if (path[i] < '0' || path[i] > '9' || out.row > 100000) return std::nullopt;
        out.row = out.row * 10 + static_cast<size_t>(path[i] - '0');
    }
    if (close + 1 < path.size()) {
        if (path[close + 1] != '.') return std::nullopt;
        out.column = path.substr(close + 2);
    }
    return out;
}

std::string text_at_path(const Application& app, const std::string& path) {
    if (path.find('[') == std::string::npos) return text_at(app, path);
    const std::optional<CellPath> cell = parse_cell_path(path);
    if (!cell || cell->column.empty()) return "";
    return cell_at(app, std::string(cell->table), cell->row, cell->column);
}

std::vector<TypedText> typed_texts(const FormSpec& form, const Application& app) {
    std::vector<TypedText> out;
    auto add = [&](std::string path, std::string text) {
        if (!trim(text).empty()) out.push_back({std::move(path), std::move(text)});
    };
    for (const FieldSpec* f : form.fields_for(app.cover.kind)) {
        switch (f->input) {
            case InputKind::Kind:
            case InputKind::Check:
            case InputKind::Choices:
            case InputKind::Confirmations:
            case InputKind::Choice: break;
            case InputKind::Table:
                for (size_t row = 0, rows = rows_at(app, f->path); row < rows; ++row)
                    for (const ColumnSpec& c : f->columns)
                        if (c.input != InputKind::Choice && c.input != InputKind::ExpenseKind)
                            add(cell_path(f->path, row, c.key), cell_at(app, f->path, row, c.key));
                break;
            default: add(f->path, text_at(app, f->path));
        }
    }
    return out;
}

}  // namespace shenbao
