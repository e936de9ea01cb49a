// The programme's rules applied to one application: a pure function, no I/O.
// Every number, date and clause comes from the Programme; the messages are zh-CN and
// say what to do. Findings come errors first, then warnings, then information, each
// group in the order of the printed form.
#pragma once
#include <string_view>

#include "application.h"
#include "finding.h"
#include "programme.h"

namespace shenbao {

Findings check_application(const Programme& programme, const Application& app, const Date& today);

// How much of the form is filled in: per section (cover, plan, details, team, budget,
// opinion, eligibility, evidence) the required items and those filled.
struct Completeness {
    struct Part {
        std::string section;
        int required = 0, filled = 0;
    };
    std::vector<Part> sections;  // in the order of the form
    int percent() const;         // over all sections; 100 when nothing is required
    const Part* section(const std::string& name) const;
};

struct CheckResult {
    Findings findings;
    Completeness completeness;
};
CheckResult check_full(const Programme& programme, const Application& app, const Date& today);

// Only the rules a form's table states (needed, each input's form, limits, options, a date
// not before another), for another form of the programme than the 申报书: a funded
// project's report, whose values `values` holds as extras (project_report.h).
CheckResult check_form_fields(const Programme& programme, const FormSpec& form, const Application& values,
                              const Date& today);

// What changed in the form since a draft was last saved with an earlier version of its
// call: the fields added (labels, in the form's order) and what the draft holds that the
// form no longer has (kept in the draft, listed so that nothing goes unnoticed).
struct FormChanges {
    std::vector<std::string> added;
    std::vector<std::pair<std::string, std::string>> dropped;  // path, value
    bool empty() const { return added.empty() && dropped.empty(); }
};
FormChanges form_changes(const Programme& programme, const Application& app, int saved_with_version);

// A Chinese telephone number: a mobile (11 digits from 13-19, +86 allowed) or a fixed line
// with or without area code (0515-88192426, (0515)88192426, 88192426), an extension
// (-123 or 转123) allowed. Several numbers may be separated by 、 / , ; or their full-width forms.
bool is_valid_phone(std::string_view text);

// A non-negative number as a person types it (digits, optional decimals, full-width ok).
bool is_number_text(std::string_view text);

// The section of the form a field path belongs to (cover, plan, team, budget, opinion,
// eligibility, evidence, details), for grouping findings and completeness.
std::string section_of(const std::string& field);

// The parts of the 申报书 as the checks group them, in the form's order: the key (the
// section_of its fields) and the title the form gives it for the kind; last "" (整体),
// which also takes every finding whose key is not a part's.
struct FormPart {
    std::string key, title;
};
std::vector<FormPart> form_parts(const Programme& programme, KindId kind);
std::vector<FormPart> form_parts(const FormSpec& form, KindId kind);  // another form's (a report's)

}  // namespace shenbao
