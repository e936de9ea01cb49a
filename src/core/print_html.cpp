#include "print_html.h"

#include <algorithm>
#include <cstdio>

#include "codec.h"
#include "text.h"

namespace shenbao {

namespace {

const char* kCss = R"css(
* { box-sizing: border-box; }
html { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "STSong", "FangSong", serif;
       font-size: 12pt; line-height: 1.6; color: #000; background: #fff; }
body { margin: 0; }
.page { break-after: page; }
.cover { page: cover; min-height: 250mm; position: relative; }
.number { border: 1px solid #000; display: inline-block; padding: 2mm 4mm; font-size: 11pt; }
.title { text-align: center; font-size: 22pt; font-weight: bold; line-height: 1.5; margin: 38mm 0 22mm; letter-spacing: 1pt; }
.cover table { width: 84%; margin: 0 auto; }
.cover td { height: 15mm; font-size: 14pt; vertical-align: middle; }
.cover td.k { width: 30%; text-align: center; letter-spacing: 2pt; }
.foot { position: absolute; bottom: 0; left: 0; right: 0; text-align: center; font-size: 14pt; line-height: 2; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 8pt; margin: 0 0 8mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; break-after: avoid; }
.notes p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #000; padding: 1.5mm 2.5mm; vertical-align: top; text-align: left; }
th { font-weight: normal; background: #f3f3f3; }
td.k { width: 24%; white-space: nowrap; }
tr { break-inside: avoid; }
.u { unicode-bidi: isolate; overflow-wrap: anywhere; word-break: break-word; white-space: normal; }
.long { min-height: 30mm; }
.r { text-align: right; white-space: nowrap; }
.sign td { height: 40mm; }
.handwrite { height: 45mm; }
.sign .line { margin-top: 8mm; }
.mark { font-family: monospace; font-size: 9pt; border: 1px dotted #888; padding: 0 1px; }
.box { display: inline-block; width: 1.2em; }
)css";

std::string esc(std::string_view s) { return html_text(s); }

// A cell with typed text, marked so that it wraps anywhere and cannot reorder around it.
std::string u(std::string_view s) { return "<span class=\"u\">" + esc(s) + "</span>"; }

std::string hex_cp(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

const char* kChineseNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

std::string date_or_blank(const DateField& f) {
    if (auto d = f.value()) return d->chinese();
    return f.text.empty() ? "&#12288;&#12288;年&#12288;&#12288;月&#12288;&#12288;日" : esc(f.text);
}

std::string money_cell(const MoneyField& m) {
    if (auto v = m.value()) return v->display();
    return esc(m.text);
}

class Printer {
public:
    Printer(const Programme& p, const Application& a, const std::string& fp) : p_(p), a_(a), fp_(fp) {}

    std::string run() {
        const KindRule* rule = p_.kind(a_.cover.kind);
        out_ += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n";
        out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
        // The fingerprint is hex digits only, so it can stand in the CSS as it is.
        const std::string fp = short_fingerprint(fp_);
        out_ += "<title>" + html_plain_text(p_.form_title) + " - " + html_plain_text(a_.cover.project_name) + "</title>\n<style>" +
                "@page { size: A4; margin: 22mm 20mm 20mm 22mm; @bottom-center { content: \"第 \" counter(page) \" 页  ·  指纹 " +
                fp + "\"; font: 9pt serif; color: #444; } }\n@page cover { @bottom-center { content: \"指纹 " + fp +
                "\"; } }\n" + std::string(kCss) + "</style></head><body>\n";
        cover(rule);
        instructions();
        body(rule);
        out_ += "</body></html>\n";
        return std::move(out_);
    }

private:
    void cover(const KindRule* rule) {
        const Cover& c = a_.cover;
        out_ += "<section class=\"page cover\">\n<div class=\"number\">项目编号：" +
                (c.project_number.empty() ? std::string("&#12288;&#12288;&#12288;&#12288;&#12288;&#12288;") : u(c.project_number)) +
                "</div>\n";
        // The official title breaks before 计划重点项目申报书.
        std::string title = esc(p_.form_title);
        const std::string split = esc("计划重点项目申报书");
        if (size_t at = title.find(split); at != std::string::npos && at > 0) title.insert(at, "<br>");
        out_ += "<div class=\"title\">" + title + "</div>\n<table>\n";
        row_cover("项目名称", u(c.project_name));
        row_cover("项目类别", esc(p_.project_category_text(c.kind)));
        row_cover("申报单位", u(c.applicant_unit));
        row_cover("项目负责人", u(c.project_leader));
        row_cover("联系电话", u(c.phone));
        row_cover("申报时间", date_or_blank(c.applied_on));
        out_ += "</table>\n<div class=\"foot\">" + esc(p_.form_maker) + "<br>" + esc(p_.form_date) +
                "<br><span style=\"font-size:9pt\">电子稿指纹 " + short_fingerprint(fp_) + "</span></div>\n</section>\n";
    }

    void row_cover(const char* label, const std::string& value_html) {
        out_ += "<tr><td class=\"k\">" + std::string(label) + "</td><td>" + value_html + "</td></tr>\n";
    }

    void instructions() {
        out_ += "<section class=\"page notes\">\n<h1>申报说明</h1>\n";
        for (size_t i = 0; i < p_.instructions.size(); ++i)
            out_ += "<p>" + std::to_string(i + 1) + "．" + esc(p_.instructions[i]) + "</p>\n";
        out_ += "</section>\n";
    }

    void heading(const std::string& title) {
        out_ += "<h2>" + std::string(kChineseNumbers[std::min<size_t>(section_++, 11)]) + "、" + title + "</h2>\n";
    }

    void kv(const std::string& label, const std::string& value_html, bool long_text = false) {
        out_ += "<tr><td class=\"k\">" + label + "</td><td" + (long_text ? " class=\"long\"" : "") + ">" + value_html +
                "</td></tr>\n";
    }

    void body(const KindRule* rule) {
        out_ += "<section class=\"body\">\n";
        const Plan& pl = a_.plan;
        heading("项目目标");
        out_ += "<table><tr><td class=\"long\">" + u(pl.aims) + "</td></tr></table>\n";
        heading("项目内容与实施计划");
        out_ += "<table><tr><td class=\"long\">" + u(pl.content) + "</td></tr></table>\n";
        heading("实施时间与地点");
        out_ += "<table>\n";
        kv("开始日期", date_or_blank(pl.start));
        kv("结束日期", date_or_blank(pl.end));
        kv("实施地点", u(pl.place));
        out_ += "</table>\n";
        heading("预期成果与考核指标");
        out_ += "<table><tr><td class=\"long\" colspan=\"3\">" + u(pl.expected_results) + "</td></tr>\n";
        out_ += "<tr><th>考核指标</th><th>目标值</th><th>单位</th></tr>\n";
        for (const Indicator& i : pl.indicators)
            out_ += "<tr><td>" + u(i.name) + "</td><td>" + u(i.target) + "</td><td>" + u(i.unit) + "</td></tr>\n";
        out_ += "</table>\n";
        details(rule);
        team(rule);
        budget();
        eligibility();
        evidence();
        opinion();
        out_ += "</section>\n";
    }

    void details(const KindRule* rule) {
        if (!rule) return;
        switch (a_.cover.kind) {
            case KindId::AcademicExchange: {
                const AcademicDetails& d = a_.academic;
                heading("活动信息");
                out_ += "<table>\n";
                kv("活动形式", u(d.format));
                kv("活动规模", u(d.scale));
                kv("主办活动级别", u(d.level));
                kv("主办、承办单位", u(d.organisers));
                kv("预计参加人数", u(d.participants));
                kv("是否继续教育或培训", d.is_training ? "是" : "否");
                out_ += "</table>\n<table><tr><th>拟邀请专家</th><th>职称</th><th>单位</th></tr>\n";
                for (const InvitedExpert& e : d.experts)
                    out_ += "<tr><td>" + u(e.name) + "</td><td>" + u(e.title) + "</td><td>" + u(e.unit) + "</td></tr>\n";
                out_ += "</table>\n";
                break;
            }
            case KindId::ServiceStation: {
                const StationDetails& d = a_.station;
                heading("服务站信息");
                out_ += "<table>\n";
                kv("依托单位类型", u(d.host_type));
                kv("依托单位名称", u(d.host_name));
                kv("服务站地址", u(d.host_address));
                kv("服务内容与方式", u(d.services), true);
                kv("上级学会资源对接", u(d.upstream));
                out_ += "</table>\n";
                break;
            }
            case KindId::EnterpriseCooperation:
                heading("协作信息");
                out_ += "<table>\n";
                kv("协作基地或企业", u(a_.cooperation.partner));
                kv("专项协作内容", u(a_.cooperation.topic), true);
                out_ += "</table>\n";
                break;
            case KindId::EnterpriseInfoService:
                heading("服务数据");
                out_ += "<table>\n";
                kv("新注册企业数", u(a_.info_service.new_enterprises));
                kv("征集案例数", u(a_.info_service.cases));
                out_ += "</table>\n";
                break;
            case KindId::InnovationContest:
                heading("竞赛信息");
                out_ += "<table>\n";
                kv("竞赛名称", u(a_.contest.contest_name));
                kv("参赛项目数", u(a_.contest.entries));
                kv("孵化落地项目数", u(a_.contest.incubated));
                out_ += "</table>\n";
                break;
            case KindId::OrganisationBuilding: {
                heading("组织建设内容");
                out_ += "<table>\n";
                for (const std::string& item : rule->organisation_items) {
                    const bool chosen = std::find(a_.organisation.items.begin(), a_.organisation.items.end(), item) !=
                                        a_.organisation.items.end();
                    // Both columns: the table's other row (评估情况材料) has a label and a value.
                    out_ += std::string("<tr><td colspan=\"2\"><span class=\"box\">") + (chosen ? "☑" : "☐") + "</span>" +
                            esc(item) + "</td></tr>\n";
                }
                for (const std::string& item : a_.organisation.items)
                    if (std::find(rule->organisation_items.begin(), rule->organisation_items.end(), item) ==
                        rule->organisation_items.end())
                        out_ += "<tr><td colspan=\"2\"><span class=\"box\">☑</span>" + u(item) + "</td></tr>\n";
                kv("评估情况材料", u(a_.organisation.evidence));
                out_ += "</table>\n";
                break;
            }
        }
    }

    void team(const KindRule* rule) {
        const bool station = rule && rule->expert_team_min > 0;
        if (a_.team.empty() && !station) return;
        heading(station ? "专家服务团队" : "项目团队");
        out_ += "<table><tr><th>姓名</th><th>工作单位</th><th>职称</th><th>专业特长</th><th>联系电话</th></tr>\n";
        for (const TeamMember& m : a_.team)
            out_ += "<tr><td>" + u(m.name) + "</td><td>" + u(m.unit) + "</td><td>" + u(m.title) + "</td><td>" + u(m.speciality) +
                    "</td><td>" + u(m.phone) + "</td></tr>\n";
        out_ += "</table>\n";
    }

    void budget() {
        const Budget& b = a_.budget;
        heading("项目经费预算");
        out_ += "<table><tr><th>序号</th><th>经费科目</th><th>用途与测算依据</th><th class=\"r\">金额（元）</th></tr>\n";
        for (size_t i = 0; i < b.lines.size(); ++i) {
            const BudgetLine& l = b.lines[i];
            const ExpenseKind* k = p_.expense_kind(l.expense_kind);
            out_ += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + (k ? esc(k->label) : u(l.expense_kind)) + "</td><td>" +
                    u(l.description) + "</td><td class=\"r\">" + money_cell(l.amount) + "</td></tr>\n";
        }
        const Money total = b.total();
        out_ += "<tr><td colspan=\"3\">合计（大写）" + esc(total.capital()) + "</td><td class=\"r\">" + total.display() +
                "</td></tr>\n";
        out_ += "<tr><td colspan=\"3\">其中：申请市科协资助</td><td class=\"r\">" + money_cell(b.requested) + "</td></tr>\n";
        out_ += "<tr><td colspan=\"3\">自筹经费</td><td class=\"r\">" + money_cell(b.self_raised) + "</td></tr>\n";
        out_ += "</table>\n";
    }

    void eligibility() {
        heading("申报条件确认");
        out_ += "<table>\n";
        for (const EligibilityItem& e : p_.eligibility) {
            const bool ok = std::find(a_.eligibility_confirmed.begin(), a_.eligibility_confirmed.end(), e.id) !=
                            a_.eligibility_confirmed.end();
            out_ += std::string("<tr><td><span class=\"box\">") + (ok ? "☑" : "☐") + "</span>" + esc(e.text) + "</td></tr>\n";
        }
        out_ += "</table>\n";
    }

    void evidence() {
        heading("佐证材料（活动结束后" + std::to_string(p_.evidence_days) + "日内提交）");
        out_ += "<table>\n";
        for (const std::string& item : p_.evidence_items) {
            const bool planned =
                std::find(a_.evidence_planned.begin(), a_.evidence_planned.end(), item) != a_.evidence_planned.end();
            out_ += std::string("<tr><td><span class=\"box\">") + (planned ? "☑" : "☐") + "</span>" + esc(item) + "</td></tr>\n";
        }
        for (const std::string& item : a_.evidence_planned)
            if (std::find(p_.evidence_items.begin(), p_.evidence_items.end(), item) == p_.evidence_items.end())
                out_ += "<tr><td><span class=\"box\">☑</span>" + u(item) + "</td></tr>\n";
        out_ += "</table>\n";
    }

    void opinion() {
        const UnitOpinion& o = a_.opinion;
        heading("申报单位意见");
        // An opinion left blank is written by hand on the paper: room for it above the signature.
        out_ += std::string("<table class=\"sign\"><tr><td>") +
                (trim(o.opinion).empty() ? "<div class=\"handwrite\"></div>" : "<div>" + u(o.opinion) + "</div>") +
                "\n<div class=\"line\">负责人（签字）：" +
                (o.signatory.empty() ? std::string("&#12288;&#12288;&#12288;&#12288;&#12288;&#12288;") : u(o.signatory)) +
                "&#12288;&#12288;&#12288;&#12288;（单位公章）</div>\n<div class=\"line\" style=\"text-align:right\">" +
                date_or_blank(o.signed_on) + "</div></td></tr></table>\n";
    }

    const Programme& p_;
    const Application& a_;
    std::string fp_;
    std::string out_;
    size_t section_ = 0;
};

bool is_bidi_control(char32_t cp) {
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
}

}  // namespace

namespace {

enum class Invisible { Marked, Plain };

std::string escaped(std::string_view text, Invisible invisible) {
    const bool marked = invisible == Invisible::Marked;
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (size_t i = 0; i < text.size();) {
        const size_t start = i;
        const char32_t cp = next_code_point(text, i);
        switch (cp) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            case '\'': out += "&#39;"; continue;
            case '\n': out += marked ? "<br>" : " "; continue;
            case '\r': continue;  // \r\n and \n both end a line once
            case '\t': out += marked ? "&#9;" : " "; continue;
            case 0x2028: case 0x2029: out += marked ? "<br>" : " "; continue;
            default: break;
        }
        if (cp < 0x20 || cp == 0x7F) {
            // Control characters as their visible pictures (U+2400 block): ␀, ␇, ␡ …
            if (marked) out += "<span class=\"mark\">";
            append_utf8(out, cp == 0x7F ? 0x2421 : 0x2400 + cp);
            if (marked) out += "</span>";
        } else if (is_bidi_control(cp) || (cp >= 0xFFF9 && cp <= 0xFFFB)) {
            out += marked ? "<span class=\"mark\">" + hex_cp(cp) + "</span>" : "[" + hex_cp(cp) + "]";
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

}  // namespace

std::string html_text(std::string_view text) { return escaped(text, Invisible::Marked); }

std::string html_plain_text(std::string_view text) { return escaped(text, Invisible::Plain); }

std::string print_html(const Programme& programme, const Application& app, const std::string& fingerprint) {
    return Printer(programme, app, fingerprint).run();
}

std::string safe_file_name(const std::string& unit, const std::string& project, const std::string& date,
                           const std::string& extension) {
    std::string base;
    for (const std::string& part : {trim(unit), trim(project), trim(date)}) {
        if (part.empty()) continue;
        if (!base.empty()) base += "-";
        base += part;
    }
    if (base.empty()) base = "申报书";
    std::string clean;
    size_t chars = 0;
    for (size_t i = 0; i < base.size() && chars < 80;) {
        const size_t start = i;
        const char32_t cp = next_code_point(base, i);
        ++chars;
        if (cp < 0x20 || cp == 0x7F || is_bidi_control(cp) || cp == 0xFFFD) continue;
        if (cp < 0x80 && std::string_view("<>:\"/\\|?*").find(static_cast<char>(cp)) != std::string_view::npos) {
            clean += '_';
            continue;
        }
        clean.append(base, start, i - start);
    }
    while (!clean.empty() && (clean.back() == '.' || clean.back() == ' ')) clean.pop_back();
    while (!clean.empty() && (clean.front() == '.' || clean.front() == ' ')) clean.erase(clean.begin());
    // Names Windows reserves for devices, with or without an extension.
    std::string upper;
    for (char c : clean.substr(0, clean.find('.'))) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    for (const char* reserved : {"CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
                                 "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"})
        if (upper == reserved) clean = "_" + clean;
    if (clean.empty()) clean = "申报书";
    return clean + "." + extension;
}

}  // namespace shenbao
