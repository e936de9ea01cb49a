// The check rules as a table: for each, the case that breaks it (the finding's field,
// severity and clause) beside the case that keeps it (no such finding). Written from the
// rules scripts/mutate showed no test would notice turned off or turned round.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "checks.h"
#include "field_access.h"
#include "helpers.h"
#include "text.h"

using namespace shenbao;
using testing::before_deadline;
using testing::complete;
using testing::programme;

namespace {

Findings run(const Application& a) { return check_application(programme(), a, before_deadline()); }

const Finding* find(const Findings& fs, const std::string& field, Severity s) {
    for (const Finding& f : fs)
        if (f.field == field && f.severity == s) return &f;
    return nullptr;
}

struct Rule {
    const char* what;
    const char* kind;
    std::function<void(Application&)> breaks, keeps;
    std::string field;
    Severity severity;
    const char* message_part;
};

}  // namespace

TEST_CASE("each rule on both sides: the finding when it is broken, with its severity and clause; none when kept") {
    const Rule rules[] = {
        {"a valid choice is not questioned", "academic_exchange", [](Application& a) { a.academic.format = "茶话会"; },
         [](Application&) {}, "details.format", Severity::Warning, "不在可选范围内"},
        {"项目内容 shorter than its minimum", "academic_exchange",
         [](Application& a) { a.plan.content = "太短的内容"; },
         [](Application& a) { a.plan.content = std::string(60 * 3, 'x'); }, "plan.content", Severity::Warning,
         "不足50字"},
        {"an invited expert without a name", "academic_exchange",
         [](Application& a) { a.academic.experts.at(0).name = ""; }, [](Application&) {}, "details.experts[0].name",
         Severity::Error, "专家姓名"},
        {"a budget line of 0 元", "service_station", [](Application& a) { a.budget.lines.at(0).amount.text = "0"; },
         [](Application&) {}, "budget.lines[0].amount", Severity::Warning, "金额为 0"},
        {"a budget line of a kind 说明6 does not list names the kinds it does", "service_station",
         [](Application& a) { a.budget.lines.at(0).expense_kind = "茶歇"; }, [](Application&) {},
         "budget.lines[0].expense_kind", Severity::Warning, "专家讲座费、宣传展览费"},
        {"a station's expert without a work unit", "service_station", [](Application& a) { a.team.at(0).unit = ""; },
         [](Application&) {}, "team[0].unit", Severity::Error, "专家工作单位"},
    };
    for (const Rule& r : rules) {
        CAPTURE(r.what);
        Application broken = complete(r.kind), kept = complete(r.kind);
        r.breaks(broken);
        r.keeps(kept);
        const Findings fs = run(broken);
        const Finding* f = find(fs, r.field, r.severity);
        REQUIRE_MESSAGE(f, "no finding at " << r.field);
        CHECK(f->message.find(r.message_part) != std::string::npos);
        CHECK_FALSE(f->clause.empty());
        CHECK_FALSE(find(run(kept), r.field, r.severity));
    }
}

TEST_CASE("a number that is not a number: an error where the field is required, a warning where it is not") {
    int required = 0, optional = 0;
    for (const KindRule& rule : programme().kinds) {
        for (const FieldSpec* f : programme().form.fields_for(rule.id)) {
            if (f->input != InputKind::Number) continue;
            CAPTURE(f->path);
            Application a = Application::blank(programme(), rule.id);
            text_of(a, f->path) = "十五";
            const Severity expected = f->need_for(rule.id) == Need::Required ? Severity::Error : Severity::Warning;
            (expected == Severity::Error ? required : optional) += 1;
            const Findings found = run(a);
            const Finding* x = find(found, f->path, expected);
            REQUIRE(x);
            CHECK(x->message.find("应为数字") != std::string::npos);
            text_of(a, f->path) = "15";
            CHECK_FALSE(find(run(a), f->path, expected));
        }
    }
    CHECK(required > 0);
    CHECK(optional > 0);
}

TEST_CASE("findings come errors first, then warnings, then information, each in the order of the form") {
    const Findings fs = run(Application::blank(programme(), KindId::AcademicExchange));
    for (size_t i = 1; i < fs.size(); ++i)
        CHECK(static_cast<int>(fs[i - 1].severity) <= static_cast<int>(fs[i].severity));
    std::vector<std::string> errors;
    for (const Finding& f : fs)
        if (f.severity == Severity::Error && f.field.rfind("cover.", 0) == 0) errors.push_back(f.field);
    std::vector<std::string> form_order;
    for (const FieldSpec* f : programme().form.fields_for(KindId::AcademicExchange))
        if (std::find(errors.begin(), errors.end(), f->path) != errors.end()) form_order.push_back(f->path);
    CHECK(errors.size() >= 3);
    CHECK(errors == form_order);
}

TEST_CASE("a station's team counts toward completeness cell by cell") {
    Application a = complete("service_station");
    CHECK(check_full(programme(), a, before_deadline()).completeness.percent() == 100);
    a.team.at(0).unit = "";
    const CheckResult r = check_full(programme(), a, before_deadline());
    const Completeness::Part* team = r.completeness.section("team");
    REQUIRE(team);
    CHECK(team->filled == team->required - 1);
    CHECK(r.completeness.percent() < 100);
    CHECK(Completeness{}.percent() == 100);
}

TEST_CASE("a value kept for a field this kind does not show is listed, shortened in the middle to 40 characters") {
    Application a = complete("service_station");
    std::string long_text;
    for (int i = 0; i < 30; ++i) long_text += "很长";
    a.extra["details.not_here"] = long_text;
    const Findings fs = run(a);
    const Finding* f = find(fs, "details.not_here", Severity::Warning);
    REQUIRE(f);
    const std::string shown = f->message.substr(f->message.rfind("：") + 3);
    CHECK(char_count(shown) == 40);
    CHECK(shown.find("…") != std::string::npos);
}

TEST_CASE("the form's parts: only the sections the kind shows, then 整体") {
    for (const KindRule& rule : programme().kinds) {
        const std::vector<FormPart> parts = form_parts(programme(), rule.id);
        REQUIRE(!parts.empty());
        CHECK(parts.back().key == "");
        CHECK(parts.back().title == "整体");
        std::set<std::string> shown;  // the parts of the fields the kind shows
        for (const FieldSpec* f : programme().form.fields_for(rule.id)) shown.insert(section_of(f->path));
        std::set<std::string> listed;
        for (size_t i = 0; i + 1 < parts.size(); ++i) listed.insert(parts[i].key);
        CHECK(listed == shown);
        // Each part is named by the first section the kind shows that holds it.
        for (size_t i = 0; i + 1 < parts.size(); ++i) {
            std::string title;
            for (const SectionSpec& s : programme().form.sections)
                if (title.empty() && s.shown_for(rule.id))
                    for (const FieldSpec& f : s.fields)
                        if (f.shown_for(rule.id) && section_of(f.path) == parts[i].key) title = s.title_of(rule.id);
            CHECK(parts[i].title == title);
        }
    }
}

TEST_CASE("numbers and phones: blanks and separators alone are neither") {
    CHECK_FALSE(is_number_text(""));
    CHECK(is_number_text("15"));
    CHECK_FALSE(is_valid_phone("、"));
    CHECK_FALSE(is_valid_phone("，"));
    CHECK_FALSE(is_valid_phone("0515-8819242x"));
    CHECK_FALSE(is_valid_phone("0515-88l92426"));
}

TEST_CASE("rules follow the programme's numbers, not the shipped values: a team of one, a report within one day") {
    Programme p = programme();
    for (KindRule& k : p.kinds)
        if (k.id == KindId::ServiceStation) {
            k.expert_team_min = 1;
            k.report_days = 1;
        }
    Application a = complete("service_station");
    a.team.resize(1);
    a.team[0].unit = "";
    const Findings fs = check_application(p, a, before_deadline());
    CHECK(find(fs, "team[0].unit", Severity::Error));  // a station's expert, however small the team
    CHECK_FALSE(find(fs, "team", Severity::Error));    // one is enough
    bool reported = false;
    for (const Finding& f : fs)
        reported = reported || f.message.find("活动实施前后1天内需向市科协报备") != std::string::npos;
    CHECK(reported);
}

TEST_CASE("a section another kind shows adds no part, even when its fields name no kind themselves") {
    Programme p = programme();
    for (SectionSpec& s : p.form.sections)
        if (!s.kinds.empty())
            for (FieldSpec& f : s.fields) f.kinds.clear();  // the section alone says which kinds show them
    for (const KindRule& rule : p.kinds)
        for (const FormPart& part : form_parts(p, rule.id))
            for (const SectionSpec& s : p.form.sections)
                if (!s.shown_for(rule.id)) CHECK_MESSAGE(part.title != s.title_of(rule.id), part.title);
}
