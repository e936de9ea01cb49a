// The 申报书's fields as data: the `form` of a programme file. For each field its path
// (where its value lives in the application file), label, input kind, which kinds show it
// and require it, hints and limits, and (by its place in the table) its place in the
// editor and the printed form. The codec, the simple per-field checks, the print and the
// editor loop over this table; tables and cross-field rules stay named code.
//
// A path names a value of the application file: "cover.project_name", "details.format",
// "budget.lines" (a table). Paths the built-in model knows (see field_access.h) keep their
// typed home; any other path is a field the programme adds, kept as text in
// Application::extra, so a field can be added to a kind by editing the programme alone.
#pragma once
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kind.h"

namespace shenbao {

enum class InputKind {
    Text,           // one line
    LongText,       // several lines
    Date,           // a date as typed (2018-05-31, 2018年5月31日)
    Money,          // an amount in 元
    Phone,          // one or more telephone numbers
    Number,         // a count, digits only
    Unit,           // the applicant unit: one line, with 附件1's names offered
    Choice,         // one of `options`
    Check,          // a yes/no box
    Choices,        // any of `options` (a checklist)
    Confirmations,  // the programme's eligibility items, each confirmed by id
    Table,          // rows of `columns`
    Kind,           // 项目类别: one of the programme's kinds
    Assigned,       // filled in by the association, shown but not typed (项目编号)
    ExpenseKind,    // a budget line's expense kind (说明6), or another named by the person
};
const char* input_key(InputKind input);
std::optional<InputKind> input_from_key(const std::string& key);

// How firmly a field is asked for.
enum class Need { Optional, Wanted /* a warning when blank */, Required /* an error when blank */ };

struct ColumnSpec {
    std::string key, label, hint;
    InputKind input = InputKind::Text;
    float width = 1.0f;  // relative width in the editor
};

struct FieldSpec {
    std::string path, label;
    std::string print_label;    // the label on paper when it differs (a check box's question)
    std::string message_label;  // the label in messages when it differs ("请填写<message_label>")
    std::string short_label;    // a column heading where room is short (审阅's table)
    InputKind input = InputKind::Text;
    std::vector<KindId> kinds;  // the kinds that show the field; empty: every kind
    Need need = Need::Optional;
    std::vector<KindId> need_only_for;  // when set, `need` applies to these kinds only
    std::string hint, unit;             // placeholder text; the unit shown after a number (人)
    std::string clause;                 // clause key (programme `clauses`), "kind:<part>", or text
    int lines = 3;                      // rows of a long text
    size_t max_chars = 0;               // 0: no limit
    size_t min_chars = 0;               // fewer characters than this: a warning
    std::string min_chars_message;
    std::string after;                // path of a date this one may not be before
    std::string options;              // name of a kind's option list, or evidence_items
    bool others_allowed = false;      // Choices: entries besides the options are welcome (not an error)
    std::vector<ColumnSpec> columns;  // Table
    std::string add_label;            // Table: the button that adds a row
    std::string total_column;         // Table: a money column added up under the table
    int since = 1;                    // programme version that added the field

    bool shown_for(KindId kind) const;
    Need need_for(KindId kind) const;
    const std::string& printed_label() const { return print_label.empty() ? label : print_label; }
    const std::string& named() const { return message_label.empty() ? label : message_label; }
    const std::string& headed() const { return short_label.empty() ? label : short_label; }
};

struct SectionSpec {
    std::string id, title, subtitle;
    std::string print_title;                                // the heading on paper when it differs from the title
    std::map<KindId, std::string> title_for, subtitle_for;  // per-kind wording
    std::string layout;         // how the print lays it out: "cover", "fields" (default), "budget", "opinion"
    std::vector<KindId> kinds;  // empty: every kind
    std::vector<FieldSpec> fields;

    bool shown_for(KindId kind) const;
    const std::string& title_of(KindId kind) const;
    const std::string& subtitle_of(KindId kind) const;
    const std::string& printed_title(KindId kind) const { return print_title.empty() ? title_of(kind) : print_title; }
};

struct FormSpec {
    std::vector<SectionSpec> sections;
    const FieldSpec* field(const std::string& path) const;
    // A field the code reads (rule_needs() has it, so a loaded form does): its label, its
    // short label. The path itself if the form lacks it.
    std::string label_of(const std::string& path) const;
    std::string short_label_of(const std::string& path) const;
    // Every field shown for the kind, in the order of the form.
    std::vector<const FieldSpec*> fields_for(KindId kind) const;
};

// One problem of a programme's form, with where it is (e.g. form.sections[2].fields[1]).
struct FormProblem {
    std::string where, message;
};

// Reads and validates the `form` member of a programme file. `option_lists` are the option list names the programme's
// kinds define; `kind_keys` the kinds it has. Every problem found is listed.
struct FormLoad {
    FormSpec form;
    std::vector<FormProblem> problems;
};
FormLoad load_form(const nlohmann::json& form, const std::vector<std::string>& option_lists,
                   const std::vector<KindId>& kinds);
// The form of a funded project's report (报备, 佐证材料, 中期评估, 验收: programme
// `project_forms`): every path starts with `prefix` + "." and every value is one text or a
// box (it is kept as text with the project), and no rule of the 申报书 needs its fields.
FormLoad load_report_form(const nlohmann::json& form, const std::vector<std::string>& option_lists,
                          const std::vector<KindId>& kinds, const std::string& prefix);

// The fields the code's cross-field rules read: a programme's form must have each one.
struct RuleNeeds {
    const char* rule;
    const char* path;
    InputKind input;
};
const std::vector<RuleNeeds>& rule_needs();

}  // namespace shenbao
