// The printable 申报书: every value in order, everything typed escaped.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "codec.h"
#include "field_access.h"
#include "helpers.h"
#include "print_html.h"

using namespace shenbao;
using testing::complete;
using testing::programme;

namespace {

std::string printed(const Application& a) { return print_html(programme(), a, fingerprint_of(a, "yancheng-2018")); }

// Every text a person types, in the order of the printed form.
std::vector<std::string*> text_fields(Application& a) {
    std::vector<std::string*> f = {&a.cover.project_number,
                                   &a.cover.project_name,
                                   &a.cover.applicant_unit,
                                   &a.cover.project_leader,
                                   &a.cover.phone,
                                   &a.cover.applied_on.text,
                                   &a.plan.aims,
                                   &a.plan.content,
                                   &a.plan.start.text,
                                   &a.plan.end.text,
                                   &a.plan.place,
                                   &a.plan.expected_results};
    for (Indicator& i : a.plan.indicators) f.insert(f.end(), {&i.name, &i.target, &i.unit});
    switch (a.cover.kind) {
        case KindId::AcademicExchange:
            f.insert(f.end(), {&a.academic.format, &a.academic.scale, &a.academic.level, &a.academic.organisers,
                               &a.academic.participants});
            for (InvitedExpert& e : a.academic.experts) f.insert(f.end(), {&e.name, &e.title, &e.unit});
            break;
        case KindId::ServiceStation:
            f.insert(f.end(), {&a.station.host_type, &a.station.host_name, &a.station.host_address, &a.station.services,
                               &a.station.upstream});
            break;
        case KindId::EnterpriseCooperation: f.insert(f.end(), {&a.cooperation.partner, &a.cooperation.topic}); break;
        case KindId::OrganisationBuilding: f.push_back(&a.organisation.evidence); break;
        default: break;
    }
    for (TeamMember& m : a.team) f.insert(f.end(), {&m.name, &m.unit, &m.title, &m.speciality, &m.phone});
    for (BudgetLine& l : a.budget.lines) f.insert(f.end(), {&l.description, &l.amount.text});
    f.insert(f.end(), {&a.budget.requested.text, &a.budget.self_raised.text, &a.opinion.opinion, &a.opinion.signatory,
                       &a.opinion.signed_on.text});
    return f;
}

const std::vector<std::string> kPayloads = {
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "javascript:alert(1)",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</td></tr></table><script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=//x.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=//x.example\">",
    "<base href=\"//x.example/\">",
    "<object data=\"x.swf\"></object>",
    "<embed src=x>",
    "<form action=//x.example><input name=a></form>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<marquee onstart=alert(1)>",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "&lt;script&gt;",
    "&#60;script&#62;",
    "&amp;&amp;",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "expression(alert(1))",
    "url(javascript:alert(1))",
    "@import 'x.css';",
    "\\\"; } body { background: red } /*",
    std::string("nul\0byte", 8),
    "bell\a",
    "esc\x1b[31m",
    "del\x7f",
    "\u202Eevil\u202C",
    "\u2066isolate\u2069",
    "\u200Fmark",
    "line\u2028sep",
    "tab\there",
    "cr\r\nlf",
    "\xEF\xBB\xBF"
    "bom",
    "\u0085next line",
    "😀🚀 emoji",
    "𠀾䶮 rare",
    std::string(5000, 'W'),
    "<<script>script>alert(1)<</script>/script>",
    "<scr\0ipt>alert(1)</scr\0ipt>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "\" onmouseover=\"alert(1)",
};

}  // namespace

TEST_CASE("the printout of each kind's complete sample holds every value, in the order of the form") {
    for (const char* kind : testing::kAcceptedKinds) {
        CAPTURE(kind);
        Application a = complete(kind);
        // Mark every field with a unique token so that the order can be checked.
        std::vector<std::string*> fields = text_fields(a);
        std::vector<std::string> tokens;
        for (size_t i = 0; i < fields.size(); ++i) {
            tokens.push_back("〔" + std::to_string(1000 + i) + "〕");
            *fields[i] += tokens.back();
        }
        const std::string html = printed(a);
        size_t last = html.find("<body>");  // the name also stands in <title>
        for (size_t i = 0; i < tokens.size(); ++i) {
            CAPTURE(tokens[i]);
            const size_t at = html.find(tokens[i], last);  // each after the one before
            REQUIRE(at != std::string::npos);
            CHECK(at > last);
            last = at;
        }
        const std::string plain = printed(complete(kind));
        const Application c = complete(kind);
        CHECK(plain.find(html_text(c.plan.content)) != std::string::npos);
        CHECK(plain.find(programme().kind(c.cover.kind)->name) != std::string::npos);
        CHECK(plain.find(programme().form_title.substr(0, 21)) != std::string::npos);
        CHECK(plain.find("申  报  说  明") == std::string::npos);  // the heading is styled, not spaced by hand
        CHECK(plain.find(short_fingerprint(fingerprint_of(c, "yancheng-2018"))) != std::string::npos);
        CHECK(plain.find(c.budget.total().capital()) != std::string::npos);
    }
}

TEST_CASE("the budget total is printed in figures and in Chinese capital numerals") {
    const std::string html = printed(complete("service_station"));  // 3500 元
    CHECK(html.find("叁仟伍佰元整") != std::string::npos);
    CHECK(html.find("3,500.00") != std::string::npos);
    CHECK(html.find("专家讲座费") != std::string::npos);
}

TEST_CASE("the printout is self-contained: no script, no external resource") {
    const std::string html = printed(complete("academic_exchange"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("injection payloads in every text field are escaped") {
    CHECK(kPayloads.size() >= 50);
    const std::set<std::string> our_tags = {"html", "head", "meta", "title", "style", "body", "section", "div", "table",
                                            "tr",   "td",   "th",   "h1",    "h2",    "p",    "span",    "br"};
    const std::regex tag(R"(<\s*/?\s*([A-Za-z][A-Za-z0-9]*)([^>]*)>)");
    for (const char* kind : testing::kAcceptedKinds) {
        for (const std::string& payload : kPayloads) {
            Application a = complete(kind);
            for (std::string* field : text_fields(a)) *field = payload;
            const std::string html = printed(a);
            CAPTURE(kind);
            CAPTURE(payload);
            for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
                const std::string name = (*it)[1];
                std::string lower;
                for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                CHECK(our_tags.count(lower) == 1);
                const std::string attributes = (*it)[2];
                CHECK(attributes.find(" on") == std::string::npos);
                CHECK(attributes.find("javascript:") == std::string::npos);
            }
            // Exactly one style element: ours.
            size_t styles = 0;
            for (size_t at = html.find("<style"); at != std::string::npos; at = html.find("<style", at + 1)) ++styles;
            CHECK(styles == 1);
            CHECK(html.find('\0') == std::string::npos);
        }
    }
}

TEST_CASE("html_text escapes markup and shows invisible characters, losing none") {
    CHECK(html_text("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
    CHECK(html_text("一\n二") == "一<br>二");
    CHECK(html_text(std::string("a\0b", 3)) == "a<span class=\"mark\">␀</span>b");
    CHECK(html_text("\u202Eabc") == "<span class=\"mark\">U+202E</span>abc");
    CHECK(html_text("䶮𠀾") == "䶮𠀾");
}

TEST_CASE("the cover's 项目类别 is the category of the 重点项目表 with the kind's name") {
    const std::string html = printed(complete("academic_exchange"));
    CHECK(html.find("<td class=\"k\">项目类别</td><td>学术交流（精品学术交流活动）</td>") != std::string::npos);
    CHECK(printed(complete("organisation_building")).find("<td>学会管理（组织建设）</td>") != std::string::npos);
}

TEST_CASE("the page title holds text only: invisible characters written out, no markup") {
    Application a = complete("academic_exchange");
    a.cover.project_name = std::string("论坛\u202E反转\n第二行<b>") + '\0';
    const std::string html = printed(a);
    const size_t from = html.find("<title>"), to = html.find("</title>");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string title = html.substr(from + 7, to - from - 7);
    CHECK(title.find('<') == std::string::npos);
    CHECK(title.find("[U+202E]") != std::string::npos);
    CHECK(title.find("&lt;b&gt;") != std::string::npos);
    CHECK(title.find("␀") != std::string::npos);
    CHECK(title.find("第二行") != std::string::npos);
    CHECK(html_plain_text("a\u202Eb") == "a[U+202E]b");
}

TEST_CASE("an opinion left blank leaves room to write it by hand above the signature") {
    Application a = complete("academic_exchange");
    a.opinion.opinion = "";
    std::string html = printed(a);
    const size_t room = html.find("<div class=\"handwrite\"></div>");
    REQUIRE(room != std::string::npos);
    CHECK(room < html.find("负责人（签字）"));
    CHECK(html.find(".handwrite { height: 45mm; }") != std::string::npos);
    a.opinion.opinion = "同意申报。";
    html = printed(a);
    CHECK(html.find("class=\"handwrite\"") == std::string::npos);
    CHECK(html.find("同意申报。") != std::string::npos);
}

TEST_CASE("file names are safe on every system") {
    CHECK(safe_file_name("市机械工程学会", "智能制造服务站", "2018-05-20", "json") ==
          "市机械工程学会-智能制造服务站-2018-05-20.json");
    CHECK(safe_file_name("a/b\\c", "x:y*z?\"<>|", "", "html") == "a_b_c-x_y_z_____.html");
    CHECK(safe_file_name("", "", "", "json") == "申报书.json");
    CHECK(safe_file_name("CON", "", "", "json") == "_CON.json");
    CHECK(safe_file_name(" ..名称.. ", "", "", "json") == "名称.json");
    CHECK(safe_file_name(std::string("a\0b\u202Ec", 7), "", "", "json") == "abc.json");
    const std::string long_name = safe_file_name(std::string(300, 'x'), "", "", "json");
    CHECK(long_name.size() == 80 + 5);
}

TEST_CASE("every row of a two-column table spans it: a checklist beside a label row is not squeezed") {
    // A table whose rows have different numbers of cells lays the short rows out in the
    // first column only (found on the printed 组织建设 page).
    const std::regex table(R"(<table>([\s\S]*?)</table>)");
    for (const char* kind :
         {"academic_exchange", "service_station", "enterprise_cooperation", "organisation_building"}) {
        const std::string html = printed(complete(kind));
        for (auto t = std::sregex_iterator(html.begin(), html.end(), table); t != std::sregex_iterator(); ++t) {
            const std::string body = (*t)[1];
            if (body.find("<th") != std::string::npos) continue;  // tables with a header row have their own columns
            std::set<int> widths;
            const std::regex row(R"(<tr>([\s\S]*?)</tr>)");
            for (auto r = std::sregex_iterator(body.begin(), body.end(), row); r != std::sregex_iterator(); ++r) {
                const std::string cells = (*r)[1];
                int width = 0;
                const std::regex cell(R"re(<td(?: class="[a-z]+")?(?: colspan="(\d)")?)re");
                for (auto c = std::sregex_iterator(cells.begin(), cells.end(), cell); c != std::sregex_iterator(); ++c)
                    width += (*c)[1].matched ? std::stoi((*c)[1]) : 1;
                widths.insert(width);
            }
            CHECK_MESSAGE(widths.size() <= 1, std::string(kind), ": rows of ", *widths.begin(), " and ",
                          *widths.rbegin(), " columns");
        }
    }
}

namespace {
size_t occurrences(const std::string& text, const std::string& part) {
    size_t n = 0;
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
    return n;
}
}  // namespace

TEST_CASE("the printout is whole: every table, row and page closed, the notes numbered, the sections counted") {
    for (const char* kind : testing::kAcceptedKinds) {
        CAPTURE(kind);
        const Application a = complete(kind);
        const std::string html = printed(a);
        CHECK(html.size() > 1000);
        CHECK(html.substr(html.size() - 15) == "</body></html>\n");
        CHECK(occurrences(html, "<table") == occurrences(html, "</table>"));
        CHECK(occurrences(html, "<tr") == occurrences(html, "</tr>"));
        CHECK(occurrences(html, "<section") == occurrences(html, "</section>"));
        // 申报说明: each item numbered from 1.
        CHECK(html.find("<h1>申报说明</h1>") != std::string::npos);
        const auto& notes = testing::programme().instructions;
        REQUIRE(!notes.empty());
        for (size_t i = 0; i < notes.size(); ++i)
            CHECK(html.find("<p>" + std::to_string(i + 1) + "．" + html_text(notes[i]) + "</p>") != std::string::npos);
        // The sections counted 一、二、三… in order.
        size_t last = 0;
        for (const char* n : {"<h2>一、", "<h2>二、", "<h2>三、"}) {
            const size_t at = html.find(n, last);
            CHECK_MESSAGE(at != std::string::npos, n);
            if (at != std::string::npos) last = at;
        }
        // The budget's rows numbered from 1, one per line.
        for (size_t i = 0; i < a.budget.lines.size(); ++i)
            CHECK(html.find("<tr><td>" + std::to_string(i + 1) + "</td>") != std::string::npos);
    }
}

TEST_CASE("a checklist prints every option with its box, ticked where chosen") {
    const Application a = complete("academic_exchange");
    const std::string html = printed(a);
    for (const FieldSpec* f : testing::programme().form.fields_for(KindId::AcademicExchange)) {
        if (f->input != InputKind::Choices) continue;
        CAPTURE(f->path);
        const auto* chosen = list_at(a, f->path);
        REQUIRE(chosen);
        for (const std::string& option : testing::programme().options_for(KindId::AcademicExchange, f->options)) {
            const bool on = std::find(chosen->begin(), chosen->end(), option) != chosen->end();
            CHECK(html.find(std::string("<span class=\"box\">") + (on ? "☑" : "☐") + "</span>" + html_text(option)) !=
                  std::string::npos);
        }
    }
    CHECK(safe_file_name(" .. ", " ", "", "json") == "申报书.json");
}

TEST_CASE("a number is printed with its unit; a blank one, and a text without a unit, with nothing after") {
    Application a = complete("academic_exchange");
    a.academic.participants = "150";
    std::string html = printed(a);
    CHECK(html.find(u8"150</span> 人</td>") != std::string::npos);
    CHECK(html.find(html_text(a.cover.project_name) + "</span></td>") != std::string::npos);
    a.academic.participants = "";
    html = printed(a);
    CHECK(html.find(" 人</td>") == std::string::npos);
}

TEST_CASE(
    "print edges: the title breaks before 计划重点项目申报书 even one letter in; a team of one is printed; the "
    "budget's foot holds only its amounts") {
    Programme p = programme();
    p.form_title = "X计划重点项目申报书";
    for (KindRule& k : p.kinds)
        if (k.id == KindId::ServiceStation) k.expert_team_min = 1;
    Application a = complete("service_station");
    const std::string html = print_html(p, a, fingerprint_of(a, "yancheng-2018"));
    CHECK(html.find("X<br>计划重点项目申报书") != std::string::npos);
    a.team.clear();  // none named yet: the station's team is still printed, to be filled in by hand
    const std::string empty_team = print_html(p, a, fingerprint_of(a, "yancheng-2018"));
    const SectionSpec* team = nullptr;
    for (const SectionSpec& s : p.form.sections)
        if (s.id == "team") team = &s;
    REQUIRE(team);
    CHECK(empty_team.find("、" + html_text(team->printed_title(KindId::ServiceStation)) + "</h2>") !=
          std::string::npos);
    // The budget's foot: the total, then each amount field; never the lines' table as a row.
    const std::string lines_label = p.form.label_of("budget.lines");
    CHECK(html.find(">" + html_text(lines_label) + "</td><td class=\"r\">") == std::string::npos);
}
