// The programme: one year's call of the 学会能力提升计划, loaded from
// assets/programmes/<id>.json (format documented in assets/programmes/README.md).
// Every number, date, list and clause the checks use comes from here, so next year's call
// is a new data file, not new code.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"
#include "form.h"
#include "kind.h"
#include "money.h"

namespace shenbao {

struct FundingRate {
    std::string id, item, unit;
    Money amount;
};

struct Funding {
    enum class Type { Range, Fixed, PerUnit } type = Type::Range;
    Money min, max;                  // Range
    Money amount;                    // Fixed
    std::vector<FundingRate> rates;  // PerUnit
    std::string text;                // as printed, e.g. 1000-5000元/项
    std::string clause;
};

// How a kind is applied for.
struct Route {
    enum class Type {
        ThisCall,      // applied for with this form by the deadline
        SeparateCall,  // applied for, but in a call announced separately (另行通知)
        Assessed,      // not applied for: assessed from indicators (不单独申报)
    } type = Type::ThisCall;
    std::string text, clause;
};

struct DateWindow {
    Date from, to;
    std::string text, clause;
};

struct KindRule {
    KindId id{};
    std::string category;  // category id
    std::string name, content;
    Funding funding;
    Route route;
    std::optional<DateWindow> activity_window;
    std::optional<std::string> excludes_training_clause;
    int report_days = 0;  // 0: no reporting duty
    std::string report_clause;
    int expert_team_min = 0;  // 0: no expert team required
    std::string expert_team_clause, expert_team_interpretation;
    std::optional<std::string> mid_term_review_clause;
    std::vector<std::string> remarks;
    // The choice lists of kind-specific fields (`options`: formats, scales, levels,
    // host_types, organisation_items …), by name. Fields name them (FieldSpec::options).
    std::map<std::string, std::vector<std::string>> options;
};

// What experts score a submission on (专家评审): whole numbers from 0 to max_score, weighed
// by weight in the total. Read from the programme's `review_criteria`; a default set when
// the file has none (default_review_criteria).
struct ReviewCriterion {
    std::string id, label, hint;
    int max_score = 10;
    double weight = 1;
    std::vector<KindId> kinds;  // the kinds it applies to; empty: every kind
    std::string clause;
    bool applies_to(KindId kind) const;
};
// The default set, named by the form's fields they look at: for 精品学术交流活动 活动规模 and
// 主办活动级别 (附件2), for every kind the content and the expected results.
std::vector<ReviewCriterion> default_review_criteria(const FormSpec& form);
// The criteria as a JSON array in the programme file's format (a batch carries them so),
// and back: an error (zh-CN) names the first problem; ids are unique, the list not empty.
std::string review_criteria_json(const std::vector<ReviewCriterion>& criteria);
std::vector<ReviewCriterion> read_review_criteria(std::string_view json_array, std::string& error);

struct Category {
    std::string id, label;
};

struct ExpenseKind {
    std::string id, label;
};

struct EligibilityItem {
    std::string id, text, clause;
};

struct TargetColumn {
    std::string id, label, group;
    std::string academic_scale;  // for the academic-event columns: the scale they count
};

struct TargetRow {
    std::string unit;
    std::vector<std::optional<int>> values;  // blank in the seed = nothing
};

// One table of 附件1.
struct TargetTable {
    std::string id, title, unit_type, total_label, note;
    std::vector<TargetColumn> columns;
    std::vector<TargetRow> rows;
    std::vector<std::optional<int>> totals;
};

// The form of one of a funded project's reports (the duties of project.h): the programme's
// `project_forms`. Its values are kept with the project as text (one per path).
struct ReportForm {
    std::string duty;    // report, evidence, mid_term or acceptance: project.h's duty_key
    std::string title;   // the form's heading on screen and paper, e.g. 活动报备表
    std::string clause;  // the call's clause that asks for it
    FormSpec form;
    int min_attachments = 0;       // files (photos, scans, PDFs) it needs at least
    std::string attachments_hint;  // what to attach, said where files are added
};

struct Contact {
    std::string address, person, phone, email, website, clause;
};

struct Programme {
    std::string id, name, form_title;
    int year = 0;
    int version = 1;    // raised when the call is reissued with changes; drafts record it
    std::string about;  // what the file is, when that needs saying (shown where a call is chosen)
    FormSpec form;      // the 申报书's fields
    std::string issuer, document_number, call_title, form_maker, form_date;
    Date issued_on, deadline;
    std::string deadline_clause;
    int copies = 2;
    Contact contact;
    std::vector<EligibilityItem> eligibility;
    std::vector<std::string> instructions;  // the nine 申报说明 items, unnumbered
    std::vector<ExpenseKind> expense_kinds;
    std::string expense_clause;
    int evidence_days = 0;
    std::string evidence_clause;
    std::vector<std::string> evidence_items;
    std::vector<std::string> training_keywords;
    std::vector<Category> categories;
    std::vector<KindRule> kinds;
    std::vector<TargetTable> targets;
    std::vector<ReviewCriterion> review_criteria;
    std::vector<ReportForm> report_forms;                      // by duty; a duty without one is only marked done
    std::vector<std::pair<std::string, std::string>> clauses;  // rule key -> clause text

private:
    // 附件1's unit names, width-folded, each with its table and row (by index, so that a
    // copied programme stays right): unit_targets() runs for every check and total.
    std::vector<std::pair<std::string, std::pair<size_t, size_t>>> unit_index_;

public:
    // How a society may write its unit's name besides 附件1's short form: a prefix of the
    // city ("盐城" + 市物理学会 = 盐城市物理学会) and full words for abbreviations (科学技术协会
    // for 科协). Both are read from the programme file.
    std::vector<std::string> unit_name_prefixes;
    std::vector<std::pair<std::string, std::string>> unit_name_abbreviations;  // {full, short}

    const KindRule* kind(KindId id) const;
    const ReportForm* report_form(const std::string& duty) const;
    // The choices a field offers: the kind's option list of that name, or the programme's
    // evidence_items. Empty when there is none.
    const std::vector<std::string>& options_for(KindId kind, const std::string& list) const;
    // 项目类别 as the 重点项目表 of 附件2 lists it: the category, then the kind's name in
    // brackets, e.g. 学术交流（精品学术交流活动）. 申报说明5 asks for this on the form.
    std::string project_category_text(KindId id) const;
    // The clause of a general rule (complete, applicant, project_name, kind, project_number,
    // submission, targets); the key itself when the file has none, so a gap shows.
    std::string clause(const std::string& key) const;
    // The clause a field's rules cite: its `clause` as a clause key, "kind:<part>" (附件2's
    // row of the kind), "funding" (the kind's standard), "expense" (说明6) or text as it is;
    // the `complete` clause when it names none.
    std::string field_clause(const FieldSpec& field, KindId kind) const;
    const Category* category(const std::string& id) const;
    const ExpenseKind* expense_kind(const std::string& id) const;
    // The 附件1 table and row of a unit, matched on its name after trimming: 附件1's short
    // form, or the same with a city prefix or abbreviations written out (盐城市物理学会 is
    // 市物理学会). Nothing for a name that is only a part of one.
    struct UnitTargets {
        const TargetTable* table;
        const TargetRow* row;
    };
    std::optional<UnitTargets> unit_targets(const std::string& unit) const;
    // The unit as 附件1 names it when it is listed there, else the name as written
    // (trimmed): totals per unit count both spellings as one unit.
    std::string listed_unit_name(const std::string& unit) const;
    std::vector<std::string> all_units() const;
    // Builds the look-up of unit names (called by load_programme; again after editing
    // `targets` or the unit-name rules by hand).
    void index_units();
    // Names to offer for what was typed (any part of a name): for each listed unit that
    // matches, its full name with the city prefix where 附件1 writes it from 市, and its
    // short form. At most `limit` names.
    std::vector<std::string> unit_suggestions(const std::string& typed, size_t limit) const;
};

struct ProgrammeLoad {
    std::optional<Programme> programme;
    std::string error;                  // zh-CN, when programme is empty: the first problem
    std::vector<std::string> problems;  // every problem found, each "where：what"
};

// The calls the app knows, newest first (by year, then version).
struct ProgrammeSet {
    std::vector<Programme> all;
    const Programme* find(const std::string& id) const;
    const Programme& newest() const { return all.front(); }
};
// Loads every file; an error names the first that is not a valid programme (or a
// duplicate id). Empty `all` only with an error.
ProgrammeSet load_programmes(const std::vector<const char*>& files, std::string& error);

// Parses a programme file. Never throws; a file that is not a valid programme gives an
// error naming the first problem found.
ProgrammeLoad load_programme(const std::string& json_text);

}  // namespace shenbao
