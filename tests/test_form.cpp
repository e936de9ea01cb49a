// The form as data: the programme's field table drives the codec, the checks and the
// print; a second call changes them by data alone; broken tables are refused with a
// message that says what and where.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "checks.h"
#include "codec.h"
#include "field_access.h"
#include "helpers.h"
#include "print_html.h"
#include "review.h"
#include "summary.h"

using namespace shenbao;

namespace {

const Programme& programme_2019() {
    static const Programme p = [] {
        auto loaded = load_programme(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2019.json"));
        if (!loaded.programme) throw std::runtime_error(loaded.error);
        return *loaded.programme;
    }();
    return p;
}

// A distinct marker per value, so that where it lands can be told apart.
std::string marker(const std::string& path) { return "«" + path + "»"; }

// Fills every field of the form shown for the kind: text fields with their marker (dates
// and amounts with values of their kind), a row per table, each checklist's first option.
Application filled(const Programme& p, KindId kind) {
    Application a = Application::blank(p, kind);
    int n = 0;
    for (const FieldSpec* f : p.form.fields_for(kind)) {
        ++n;
        switch (f->input) {
            case InputKind::Kind: break;
            case InputKind::Date: text_of(a, f->path) = "2018-05-" + std::to_string(10 + n % 18); break;
            case InputKind::Money: text_of(a, f->path) = std::to_string(1000 + n); break;
            case InputKind::Check: *flag_of(a, f->path) = true; break;
            case InputKind::Choices:
            case InputKind::Confirmations: {
                std::vector<std::string>* list = list_of(a, f->path);
                REQUIRE(list);
                list->clear();
                list->push_back(marker(f->path));
                break;
            }
            case InputKind::Table: {
                auto rows = rows_of(a, f->path);
                REQUIRE(rows);
                while (rows->size() > 0) rows->erase(0);
                rows->insert(0);
                for (const ColumnSpec& c : f->columns) *rows->cell(0, c.key) = marker(f->path + "." + c.key);
                break;
            }
            default: text_of(a, f->path) = marker(f->path); break;
        }
    }
    return a;
}

}  // namespace

TEST_CASE("every field of the table round-trips through the codec and is printed in the table's order") {
    for (const Programme* p : {&testing::programme(), &programme_2019()}) {
        for (const KindRule& rule : p->kinds) {
            CAPTURE(p->id);
            CAPTURE(std::string(kind_key(rule.id)));
            const Application a = filled(*p, rule.id);
            const Decoded back = decode_application(encode_application(a, p->id, {}));
            REQUIRE(back.application);
            for (const FieldSpec* f : p->form.fields_for(rule.id)) {
                CAPTURE(f->path);
                switch (f->input) {
                    case InputKind::Table:
                        REQUIRE(rows_at(*back.application, f->path) == 1);
                        for (const ColumnSpec& c : f->columns)
                            CHECK(cell_at(*back.application, f->path, 0, c.key) == marker(f->path + "." + c.key));
                        break;
                    case InputKind::Check: CHECK(flag_at(*back.application, f->path)); break;
                    case InputKind::Choices:
                    case InputKind::Confirmations:
                        CHECK(*list_at(*back.application, f->path) == std::vector<std::string>{marker(f->path)});
                        break;
                    case InputKind::Kind: CHECK(back.application->cover.kind == rule.id); break;
                    default: CHECK(text_at(*back.application, f->path) == text_at(a, f->path));
                }
            }
            CHECK(*back.application == a);

            // The print: each field's label and typed value, in the order of the table.
            const std::string html = print_html(*p, a, fingerprint_of(a, p->id));
            size_t last = 0;
            for (const FieldSpec* f : p->form.fields_for(rule.id)) {
                CAPTURE(f->path);
                std::string expected;
                switch (f->input) {
                    case InputKind::Table: expected = marker(f->path + "." + f->columns.front().key); break;
                    case InputKind::Kind: expected = html_text(p->project_category_text(rule.id)); break;
                    case InputKind::Check: expected = html_text(f->printed_label()); break;
                    case InputKind::Date: expected = Date::parse(text_at(a, f->path))->chinese(); break;
                    case InputKind::Money: expected = Money::parse(text_at(a, f->path))->display(); break;
                    default: expected = html_text(marker(f->path));
                }
                // A checklist's label is its heading; its ticked entry is the marker.
                if (f->input == InputKind::Choices) expected = html_text(marker(f->path));
                if (f->input == InputKind::Confirmations) expected = "☐";
                if (f->input == InputKind::Assigned) {
                    CHECK(html.find(expected) != std::string::npos);  // the box at the top of the cover
                    continue;
                }
                const size_t at = html.find(expected, last);
                CHECK_MESSAGE(at != std::string::npos, "not printed after the field before it: " << expected);
                if (at != std::string::npos) last = at;
            }
        }
    }
}

TEST_CASE("find in page searches every text typed into the kind's form, by its path, in the form's order") {
    for (const KindRule& rule : testing::programme().kinds) {
        CAPTURE(std::string(kind_key(rule.id)));
        Application a = filled(testing::programme(), rule.id);
        const std::vector<TypedText> typed = typed_texts(testing::programme().form, a);
        std::vector<std::string> expected;  // what a person typed, field by field
        for (const FieldSpec* f : testing::programme().form.fields_for(rule.id)) {
            if (f->input == InputKind::Table) {
                for (const ColumnSpec& c : f->columns)
                    if (c.input != InputKind::Choice && c.input != InputKind::ExpenseKind)
                        expected.push_back(cell_path(f->path, 0, c.key));
            } else if (f->input != InputKind::Kind && f->input != InputKind::Check && f->input != InputKind::Choice &&
                       f->input != InputKind::Choices && f->input != InputKind::Confirmations) {
                expected.push_back(f->path);
            }
        }
        std::vector<std::string> paths;
        for (const TypedText& t : typed) {
            paths.push_back(t.path);
            CHECK(t.text == text_at_path(a, t.path));
            CHECK(!t.text.empty());
        }
        CHECK(paths == expected);
        // A blank field is not searched; a field another kind shows is not either.
        text_of(a, "cover.project_name") = "  ";
        for (const TypedText& t : typed_texts(testing::programme().form, a)) CHECK(t.path != "cover.project_name");
    }
    Application a = testing::complete("academic_exchange");
    REQUIRE(!a.budget.lines.empty());
    CHECK(!text_at_path(a, "budget.lines[0].amount").empty());
    CHECK(text_at_path(a, "budget.lines[0].amount") == cell_at(a, "budget.lines", 0, "amount"));
    CHECK(text_at_path(a, "budget.lines[99].amount").empty());
    CHECK(text_at_path(a, "budget.lines[x].amount").empty());
    CHECK(text_at_path(a, "budget.lines[].amount").empty());
    CHECK(cell_path("team", 2, "name") == "team[2].name");
    CHECK(text_at_path(a, "budget.lines[0]amount").empty());
    CHECK(text_at_path(a, "budget.lines[0]").empty());  // a row, not a cell
    // One parser for every row and cell path (the mirror's table rows use it too).
    const auto cell = parse_cell_path("team[12].name");
    REQUIRE(cell);
    CHECK(cell->table == "team");
    CHECK(cell->row == 12);
    CHECK(cell->column == "name");
    const auto row = parse_cell_path("team[0]");
    REQUIRE(row);
    CHECK(row->row == 0);
    CHECK(row->column.empty());
    CHECK(parse_cell_path("team[0].up")->column == "up");
    for (const char* bad : {"team", "team[]", "team[x]", "team[1", "team]1[", "team[0]x", "team[9999999999]"})
        CHECK_MESSAGE(!parse_cell_path(bad), bad);
}

TEST_CASE("a field the programme adds is a field of its form, its checks and its print, with no code") {
    const Programme& p = programme_2019();
    const FieldSpec* publicity = p.form.field("details.publicity");
    REQUIRE(publicity);
    CHECK(builtin_slot("details.publicity") == Slot::None);  // not in the built-in model
    CHECK(publicity->shown_for(KindId::AcademicExchange));
    CHECK_FALSE(publicity->shown_for(KindId::ServiceStation));
    CHECK(testing::programme().form.field("details.publicity") == nullptr);

    Application a = testing::complete("academic_exchange");
    auto finding = [&](const Programme& call, const std::string& field) -> std::string {
        for (const Finding& f : check_application(call, a, Date{2019, 5, 1}))
            if (f.field == field) return f.message;
        return "";
    };
    // Required by the 2019 form only.
    CHECK(finding(p, "details.publicity") == "请填写宣传报道安排");
    CHECK(finding(testing::programme(), "details.publicity").empty());
    CHECK(check_full(p, a, Date{2019, 5, 1}).completeness.section("details")->required >
          check_full(testing::programme(), a, Date{2018, 5, 1}).completeness.section("details")->required);

    // Its limit is the table's too.
    text_of(a, "details.publicity") = std::string(301, 'x');
    CHECK(finding(p, "details.publicity").find("不能超过300字") != std::string::npos);

    // Written into the file at its path, read back, printed under its label.
    text_of(a, "details.publicity") = "会前在学会公众号发布通知，会后发布新闻稿";
    const std::string file = encode_application(a, p.id, {});
    CHECK(nlohmann::json::parse(file)["application"]["details"]["publicity"] ==
          "会前在学会公众号发布通知，会后发布新闻稿");
    const Decoded back = decode_application(file);
    REQUIRE(back.application);
    CHECK(back.findings.empty());
    CHECK(back.application->extra.at("details.publicity") == "会前在学会公众号发布通知，会后发布新闻稿");
    CHECK(finding(p, "details.publicity").empty());
    const std::string html = print_html(p, *back.application, back.fingerprint);
    CHECK(html.find("宣传报道安排") != std::string::npos);
    CHECK(html.find("会后发布新闻稿") != std::string::npos);

    // Under the 2018 call the value is not lost: kept, and said to be outside its form.
    CHECK(finding(testing::programme(), "details.publicity").find("已保留") != std::string::npos);
}

TEST_CASE("a checklist says whether entries besides its options are welcome") {
    const Programme& p = testing::programme();
    REQUIRE(p.form.field("evidence_planned")->others_allowed);
    REQUIRE_FALSE(p.form.field("details.items")->others_allowed);
    auto errors_on = [&](const Application& a, const std::string& field) {
        int n = 0;
        for (const Finding& f : check_application(p, a, testing::before_deadline()))
            n += f.severity == Severity::Error && f.field == field;
        return n;
    };
    Application academic = testing::complete("academic_exchange");
    academic.evidence_planned.push_back("学会公众号推文截图");  // evidence the society names itself
    CHECK(errors_on(academic, "evidence_planned") == 0);
    Application organisation = testing::complete("organisation_building");
    organisation.organisation.items.push_back("成立学会合唱团");
    CHECK(errors_on(organisation, "details.items") == 1);
}

TEST_CASE("the second call differs from the first by data: deadline, window, kinds, a standard") {
    const Programme& p18 = testing::programme();
    const Programme& p19 = programme_2019();
    CHECK(p19.deadline == Date{2019, 5, 20});
    CHECK(p18.kind(KindId::EnterpriseInfoService) != nullptr);
    CHECK(p19.kind(KindId::EnterpriseInfoService) == nullptr);
    CHECK(p19.form.fields_for(KindId::EnterpriseInfoService).size() <
          p18.form.fields_for(KindId::EnterpriseInfoService).size());

    auto errors_on = [](const Programme& p, const Application& a, const Date& today, const std::string& field) {
        int n = 0;
        for (const Finding& f : check_application(p, a, today)) n += f.severity == Severity::Error && f.field == field;
        return n;
    };
    // 学会科技服务站: 3000 in 2018, 4000 in 2019.
    Application station = testing::complete("service_station");
    station.budget.requested.text = "4000";
    station.budget.self_raised.text = "";
    station.budget.lines = {{"expert_lecture", "专家服务", {"4000"}}};
    CHECK(errors_on(p18, station, Date{2018, 5, 1}, "budget.requested") == 1);
    CHECK(errors_on(p19, station, Date{2019, 5, 1}, "budget.requested") == 0);

    // The activity window moved a year on.
    Application academic = testing::complete("academic_exchange");
    academic.plan.start.text = "2019-06-01";
    academic.plan.end.text = "2019-06-02";
    CHECK(errors_on(p18, academic, Date{2018, 5, 1}, "plan.start") == 1);
    CHECK(errors_on(p19, academic, Date{2019, 5, 1}, "plan.start") == 0);

    // And the deadline: 5月25日 is late in 2019, in time in 2018.
    academic.cover.applied_on.text = "2019-05-25";
    CHECK(errors_on(p19, academic, Date{2019, 5, 1}, "cover.applied_on") == 1);
    academic.cover.applied_on.text = "2018-05-25";
    CHECK(errors_on(p18, academic, Date{2018, 5, 1}, "cover.applied_on") == 0);
}

TEST_CASE("a draft saved with an earlier version of its call lists what the form added and what it no longer has") {
    const Programme& p = programme_2019();
    REQUIRE(p.version == 2);
    Application a = testing::complete("academic_exchange");
    a.extra["details.live_platform"] = "学会视频号";  // a field the call had and has dropped
    const FormChanges changes = form_changes(p, a, 1);
    CHECK(changes.added == std::vector<std::string>{"宣传报道安排"});
    REQUIRE(changes.dropped.size() == 1);
    CHECK(changes.dropped[0].first == "details.live_platform");
    CHECK(changes.dropped[0].second == "学会视频号");
    CHECK(form_changes(p, a, 2).empty());  // saved with this version: nothing to say
    CHECK(form_changes(p, a, 0).empty());  // not recorded

    // The version is recorded in the file's meta, outside the fingerprint.
    DocumentMeta meta;
    meta.programme_version = 1;
    const std::string v1 = encode_application(a, p.id, meta);
    meta.programme_version = 2;
    const Decoded back = decode_application(encode_application(a, p.id, meta));
    CHECK(back.meta.programme_version == 2);
    CHECK(back.meta.programme_id == p.id);
    CHECK(decode_application(v1).fingerprint == back.fingerprint);
    CHECK(back.application->extra.at("details.live_platform") == "学会视频号");
}

TEST_CASE("a broken form table is refused, each mistake named with where it is") {
    const nlohmann::json good =
        nlohmann::json::parse(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    REQUIRE(load_programme(good.dump()).programme);
    auto section = [](nlohmann::json& j, const std::string& id) -> nlohmann::json& {
        for (auto& s : j["form"]["sections"])
            if (s["id"] == id) return s;
        throw std::runtime_error("no section " + id);
    };
    auto field = [](nlohmann::json& j, const std::string& path) -> nlohmann::json& {
        for (auto& s : j["form"]["sections"])
            for (auto& f : s["fields"])
                if (f["path"] == path) return f;
        throw std::runtime_error("no field " + path);
    };
    struct Case {
        const char* what;
        std::function<void(nlohmann::json&)> mutate;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"unknown input kind", [&](nlohmann::json& j) { field(j, "plan.aims")["input"] = "rich_text"; },
         "未知的输入类型“rich_text”"},
        {"duplicate path", [&](nlohmann::json& j) { field(j, "plan.place")["path"] = "plan.aims"; },
         "字段路径“plan.aims”重复"},
        {"a date rule naming a missing field", [&](nlohmann::json& j) { field(j, "plan.end")["after"] = "plan.begin"; },
         "引用的字段“plan.begin”不存在"},
        {"a rule's field removed",
         [&](nlohmann::json& j) {
             for (auto& s : j["form"]["sections"])
                 if (s["id"] == "budget") s["fields"].erase(1);  // 申请市科协资助 goes
         },
         "需要字段“budget.requested”"},
        {"a choice without its list", [&](nlohmann::json& j) { field(j, "details.scale")["options"] = "sizes"; },
         "可选项列表“sizes”在本申报计划中不存在"},
        {"an unknown kind", [&](nlohmann::json& j) { field(j, "plan.place")["need_only_for"] = {"moon_base"}; },
         "未知的项目类别"},
        {"a table column the model lacks", [&](nlohmann::json& j) { field(j, "team")["columns"][0]["key"] = "email"; },
         "表格“team”没有列“email”"},
        {"a built-in value with the wrong input",
         [&](nlohmann::json& j) { field(j, "cover.phone")["input"] = "table"; },
         "字段“cover.phone”的内容不能用输入类型“table”"},
        {"a new field that cannot be kept as text",
         [&](nlohmann::json& j) {
             j["form"]["sections"][1]["fields"].push_back({{"path", "plan.partners"},
                                                           {"label", "合作方"},
                                                           {"input", "table"},
                                                           {"columns", nlohmann::json::array()}});
         },
         "新增字段只能是"},
        {"a field without a label", [&](nlohmann::json& j) { field(j, "plan.aims").erase("label"); }, "缺少 label"},
        {"a limit that is not a count", [&](nlohmann::json& j) { field(j, "plan.aims")["max_chars"] = "lots"; },
         "max_chars：应为不小于 0 的整数"},
        {"an unknown need", [&](nlohmann::json& j) { field(j, "plan.aims")["need"] = "maybe"; },
         "应为 required、wanted 或 optional"},
        {"a path with two dots", [&](nlohmann::json& j) { field(j, "plan.place")["path"] = "plan..place"; },
         "路径只能由小写字母"},
        {"a path ending in a dot", [&](nlohmann::json& j) { field(j, "plan.place")["path"] = "plan.place."; },
         "路径只能由小写字母"},
        {"a hint that is not text", [&](nlohmann::json& j) { field(j, "plan.aims")["hint"] = 3; }, "hint：应为文本"},
        {"a negative number of lines", [&](nlohmann::json& j) { field(j, "plan.aims")["lines"] = -2; },
         "lines：应为不小于 0 的整数"},
        {"per-kind titles that are not an object", [&](nlohmann::json& j) { section(j, "team")["title_for"] = "专家"; },
         "应为对象（项目类别 id → 文本）"},
        {"a per-kind title for no kind", [&](nlohmann::json& j) { section(j, "team")["title_for"]["moon_base"] = "x"; },
         "“moon_base”不是项目类别 id，或值不是文本"},
        {"a section without fields", [&](nlohmann::json& j) { section(j, "plan").erase("fields"); },
         "缺少 fields 列表"},
        {"a section that is not an object", [&](nlohmann::json& j) { j["form"]["sections"].push_back(7); }, "应为对象"},
        {"a column that is not an object", [&](nlohmann::json& j) { field(j, "team")["columns"][0] = "name"; },
         "应为对象"},
        {"a column of no width", [&](nlohmann::json& j) { field(j, "team")["columns"][0]["width"] = 0; }, "应为正数"},
        {"a table without columns", [&](nlohmann::json& j) { field(j, "team")["columns"] = nlohmann::json::array(); },
         "表格至少需要一列"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.what));
        nlohmann::json j = good;
        c.mutate(j);
        const ProgrammeLoad loaded = load_programme(j.dump());
        CHECK_FALSE(loaded.programme);
        REQUIRE_FALSE(loaded.problems.empty());
        bool named = false;
        for (const std::string& problem : loaded.problems)
            named = named || problem.find(c.message) != std::string::npos;
        CHECK_MESSAGE(named, loaded.problems.front());
        // Where: each problem starts with the place in the file.
        CHECK(loaded.problems.front().rfind("form", 0) == 0);
    }
    // Several mistakes at once are all listed.
    nlohmann::json j = good;
    field(j, "plan.aims")["input"] = "rich_text";
    field(j, "plan.end")["after"] = "plan.begin";
    CHECK(load_programme(j.dump()).problems.size() == 2);
}

TEST_CASE("a label changed in the programme file changes it in the checks, the print, the summary and the CSV") {
    nlohmann::json j = nlohmann::json::parse(testing::read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    for (nlohmann::json& section : j["form"]["sections"])
        for (nlohmann::json& f : section["fields"]) {
            if (f["path"] == "cover.applicant_unit") f["label"] = "申报学会名称";
            if (f["path"] == "budget.requested") {
                f["label"] = "市科协资助额";
                f.erase("message_label");
            }
            if (f["path"] == "opinion.signatory") f["print_label"] = "法定代表人（签字）";
        }
    auto loaded = load_programme(j.dump());
    REQUIRE(loaded.programme);
    const Programme& p = *loaded.programme;

    Application a = testing::complete("academic_exchange");
    a.cover.applicant_unit.clear();
    const Findings findings = check_application(p, a, testing::before_deadline());
    CHECK(std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
        return f.field == "cover.applicant_unit" && f.message.find("申报学会名称") != std::string::npos;
    }));

    const std::string html = print_html(p, a, fingerprint_of(a, p.id));
    CHECK(html.find("法定代表人（签字）") != std::string::npos);
    CHECK(html.find("负责人（签字）：") == std::string::npos);

    bool row_found = false;
    for (const SummarySection& s : summarise(p, a))
        for (const SummaryRow& r : s.rows) row_found = row_found || r.label == "市科协资助额";
    CHECK(row_found);

    ReviewSet set;
    const std::string csv = review_csv(p, set);
    const std::string header = csv.substr(0, csv.find("\r\n"));
    CHECK(header.find("申报学会名称") != std::string::npos);
    CHECK(header.find("市科协资助额（元）") != std::string::npos);
    CHECK(header.find("申报单位") == std::string::npos);
}

TEST_CASE("no label of the form is written in the code: the programme file is the one place") {
    std::set<std::string> labels;
    for (const char* file : {"/programmes/yancheng-2018.json", "/programmes/yancheng-2019.json"}) {
        const nlohmann::json j = nlohmann::json::parse(testing::read_text(std::string(SHENBAO_ASSETS) + file));
        for (const nlohmann::json& section : j["form"]["sections"])
            for (const nlohmann::json& f : section["fields"]) {
                for (const char* key : {"label", "print_label", "message_label", "short_label"})
                    if (f.contains(key)) labels.insert(f[key].get<std::string>());
                if (f.contains("columns"))
                    for (const nlohmann::json& c : f["columns"]) labels.insert(c["label"].get<std::string>());
            }
    }
    REQUIRE(labels.size() > 50);
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(SHENBAO_ASSETS) + "/../src")) {
        if (!entry.is_regular_file()) continue;
        const std::string text = testing::read_text(entry.path().string());
        for (const std::string& label : labels)
            if (text.find("\"" + label + "\"") != std::string::npos)
                found.push_back(entry.path().filename().string() + ": \"" + label + "\"");
    }
    CHECK_MESSAGE(found.empty(), [&] {
        std::string all;
        for (const std::string& f : found) all += f + "\n";
        return all;
    }());
}

TEST_CASE("a field another kind shows is not needed here; a section's wording for a kind, and otherwise its own") {
    const FormSpec& form = testing::programme().form;
    const FieldSpec* scale = form.field("details.scale");
    REQUIRE(scale);
    CHECK(scale->need_for(KindId::AcademicExchange) == Need::Required);
    CHECK(scale->need_for(KindId::ServiceStation) == Need::Optional);
    for (const SectionSpec& s : form.sections) {
        if (s.id != "team") continue;
        CHECK(s.subtitle_of(KindId::ServiceStation) == "需有一支相对固定的专家服务团队");
        CHECK(s.subtitle_of(KindId::AcademicExchange) == s.subtitle);
        CHECK(s.title_of(KindId::ServiceStation) == "专家服务团队");
        CHECK(s.title_of(KindId::AcademicExchange) == s.title);
    }
}

TEST_CASE("values by path at their edges: rows out of range, a path that is not a table, the kind, the lists") {
    Application a = testing::complete("academic_exchange");
    a.budget.lines.resize(11);
    a.budget.lines[10].description = "第十一行";
    CHECK(text_at_path(a, "budget.lines[10].description") == "第十一行");
    CHECK(text_at_path(a, "budget.lines[:].description").empty());  // ':' is the digit after 9 in ASCII
    CHECK(rows_at(a, "cover.phone") == 0);
    auto rows = rows_of(a, "budget.lines");
    REQUIRE(rows);
    rows->swap(0, 99);  // out of range: nothing moves
    CHECK(a.budget.lines[10].description == "第十一行");
    rows->swap(0, 10);
    CHECK(a.budget.lines[0].description == "第十一行");
    const FieldSpec* kind = testing::programme().form.field("cover.kind");
    REQUIRE(kind);
    CHECK(has_value(a, *kind));
    int lists = 0;
    for (const std::string& path : builtin_paths()) lists += builtin_slot(path) == Slot::List;
    CHECK(lists >= 2);
}
