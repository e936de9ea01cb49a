#include "print_html.h"

#include <algorithm>
#include <cstdio>

#include "codec.h"
#include "field_access.h"
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
        out_ += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n";
        out_ +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
        // The fingerprint is hex digits only, so it can stand in the CSS as it is.
        const std::string fp = short_fingerprint(fp_);
        out_ += "<title>" + html_plain_text(p_.form_title) + " - " + html_plain_text(a_.cover.project_name) +
                "</title>\n<style>" +
                "@page { size: A4; margin: 22mm 20mm 20mm 22mm; @bottom-center { content: \"第 \" counter(page) \" 页  "
                "·  指纹 " +
                fp + "\"; font: 9pt serif; color: #444; } }\n@page cover { @bottom-center { content: \"指纹 " + fp +
                "\"; } }\n" + std::string(kCss) + "</style></head><body>\n";
        cover();
        instructions();
        body();
        out_ += "</body></html>\n";
        return std::move(out_);
    }

private:
    // The value of a one-text field as printed: dates in Chinese, amounts with separators,
    // a blank date as the form's 年 月 日 to write in.
    std::string value_html(const FieldSpec& f) const {
        const std::string text = text_at(a_, f.path);
        switch (f.input) {
            case InputKind::Kind: return esc(p_.project_category_text(a_.cover.kind));
            case InputKind::Date: return date_or_blank(DateField{text});
            case InputKind::Money: return money_cell(MoneyField{text});
            case InputKind::Check: return flag_at(a_, f.path) ? "是" : "否";
            default: return u(text) + (trim(text).empty() || f.unit.empty() ? "" : esc(" " + f.unit));
        }
    }

    std::vector<const SectionSpec*> sections(const char* layout, bool wanted) const {
        std::vector<const SectionSpec*> out;
        for (const SectionSpec& s : p_.form.sections)
            if (s.shown_for(a_.cover.kind) && (s.layout == layout) == wanted) out.push_back(&s);
        return out;
    }

    void cover() {
        // 项目编号 (the association's) is the box at the top; the other cover fields are rows.
        std::string number;
        for (const SectionSpec* s : sections("cover", true))
            for (const FieldSpec& f : s->fields)
                if (f.input == InputKind::Assigned) number = text_at(a_, f.path);
        out_ += "<section class=\"page cover\">\n<div class=\"number\">项目编号：" +
                (number.empty() ? std::string("&#12288;&#12288;&#12288;&#12288;&#12288;&#12288;") : u(number)) +
                "</div>\n";
        // The official title breaks before 计划重点项目申报书.
        std::string title = esc(p_.form_title);
        const std::string split = esc("计划重点项目申报书");
        if (size_t at = title.find(split); at != std::string::npos && at > 0) title.insert(at, "<br>");
        out_ += "<div class=\"title\">" + title + "</div>\n<table>\n";
        for (const SectionSpec* s : sections("cover", true))
            for (const FieldSpec& f : s->fields)
                if (f.input != InputKind::Assigned && f.shown_for(a_.cover.kind))
                    out_ +=
                        "<tr><td class=\"k\">" + esc(f.printed_label()) + "</td><td>" + value_html(f) + "</td></tr>\n";
        out_ += "</table>\n<div class=\"foot\">" + esc(p_.form_maker) + "<br>" + esc(p_.form_date) +
                "<br><span style=\"font-size:9pt\">电子稿指纹 " + short_fingerprint(fp_) +
                "</span></div>\n</section>\n";
    }

    void instructions() {
        out_ += "<section class=\"page notes\">\n<h1>申报说明</h1>\n";
        for (size_t i = 0; i < p_.instructions.size(); ++i)
            out_ += "<p>" + std::to_string(i + 1) + "．" + esc(p_.instructions[i]) + "</p>\n";
        out_ += "</section>\n";
    }

    void heading(const std::string& title) {
        out_ += "<h2>" + std::string(kChineseNumbers[std::min<size_t>(section_++, 11)]) + "、" + esc(title) + "</h2>\n";
    }

    void kv(const std::string& label, const std::string& value_html, bool long_text = false) {
        out_ += "<tr><td class=\"k\">" + esc(label) + "</td><td" + (long_text ? " class=\"long\"" : "") + ">" +
                value_html + "</td></tr>\n";
    }

    // Every section after the cover, in the form's order, each laid out as its table says.
    void body() {
        out_ += "<section class=\"body\">\n";
        for (const SectionSpec* s : sections("cover", false)) {
            if (s->layout == "budget")
                budget(*s);
            else if (s->layout == "opinion")
                opinion(*s);
            else
                fields(*s);
        }
        out_ += "</section>\n";
    }

    // A section as label-value rows, its tables and checklists each as a table of its own.
    void fields(const SectionSpec& s) {
        const KindId kind = a_.cover.kind;
        std::vector<const FieldSpec*> shown;
        for (const FieldSpec& f : s.fields)
            if (f.shown_for(kind) && (f.input != InputKind::Table || rows_at(a_, f.path) > 0 ||
                                      f.need_for(kind) != Need::Optional || expert_team()))
                shown.push_back(&f);
        if (shown.empty()) return;
        heading(s.printed_title(kind));
        bool open = false;  // a label-value table is open
        auto close = [&] {
            if (open) out_ += "</table>\n";
            open = false;
        };
        for (const FieldSpec* f : shown) {
            switch (f->input) {
                case InputKind::Table:
                    close();
                    table(*f);
                    continue;
                case InputKind::Choices:
                case InputKind::Confirmations:
                    if (!open) out_ += "<table>\n";
                    open = true;
                    checklist(*f);
                    continue;
                default:
                    if (!open) out_ += "<table>\n";
                    open = true;
                    kv(f->printed_label(), value_html(*f), f->input == InputKind::LongText);
            }
        }
        close();
    }

    bool expert_team() const {
        const KindRule* rule = p_.kind(a_.cover.kind);
        return rule && rule->expert_team_min > 0;
    }

    void table(const FieldSpec& f) {
        out_ += "<table><tr>";
        for (const ColumnSpec& c : f.columns) out_ += "<th>" + esc(c.label) + "</th>";
        out_ += "</tr>\n";
        for (size_t row = 0, n = rows_at(a_, f.path); row < n; ++row) {
            out_ += "<tr>";
            for (const ColumnSpec& c : f.columns) out_ += "<td>" + u(cell_at(a_, f.path, row, c.key)) + "</td>";
            out_ += "</tr>\n";
        }
        out_ += "</table>\n";
    }

    // A checklist: every option with its box (both columns, beside label rows), then what
    // the application holds that is not an option.
    void checklist(const FieldSpec& f) {
        auto box = [&](bool on, const std::string& text_html) {
            out_ += std::string("<tr><td colspan=\"2\"><span class=\"box\">") + (on ? "☑" : "☐") + "</span>" +
                    text_html + "</td></tr>\n";
        };
        const std::vector<std::string>* chosen = list_at(a_, f.path);
        if (!chosen) return;
        auto has = [&](const std::string& item) {
            return std::find(chosen->begin(), chosen->end(), item) != chosen->end();
        };
        if (f.input == InputKind::Confirmations) {
            for (const EligibilityItem& e : p_.eligibility) box(has(e.id), esc(e.text));
            return;
        }
        const std::vector<std::string>& options = p_.options_for(a_.cover.kind, f.options);
        for (const std::string& item : options) box(has(item), esc(item));
        for (const std::string& item : *chosen)
            if (std::find(options.begin(), options.end(), item) == options.end()) box(true, u(item));
    }

    void budget(const SectionSpec& s) {
        heading(s.printed_title(a_.cover.kind));
        const Budget& b = a_.budget;
        const FieldSpec* lines = nullptr;
        for (const FieldSpec& f : s.fields)
            if (f.input == InputKind::Table) lines = &f;
        out_ += "<table><tr><th>序号</th>";
        if (lines)
            for (const ColumnSpec& c : lines->columns)
                out_ += std::string("<th") + (c.input == InputKind::Money ? " class=\"r\"" : "") + ">" + esc(c.label) +
                        "</th>";
        out_ += "</tr>\n";
        const size_t columns = lines ? lines->columns.size() : 0;
        for (size_t i = 0; lines && i < rows_at(a_, lines->path); ++i) {
            out_ += "<tr><td>" + std::to_string(i + 1) + "</td>";
            for (const ColumnSpec& c : lines->columns) {
                const std::string cell = cell_at(a_, lines->path, i, c.key);
                if (c.input == InputKind::Money)
                    out_ += "<td class=\"r\">" + money_cell(MoneyField{cell}) + "</td>";
                else if (c.input == InputKind::ExpenseKind) {
                    const ExpenseKind* k = p_.expense_kind(cell);
                    out_ += "<td>" + (k ? esc(k->label) : u(cell)) + "</td>";
                } else
                    out_ += "<td>" + u(cell) + "</td>";
            }
            out_ += "</tr>\n";
        }
        const std::string span = std::to_string(columns);  // 序号 and every column but the amount
        const Money total = b.total();
        out_ += "<tr><td colspan=\"" + span + "\">合计（大写）" + esc(total.capital()) + "</td><td class=\"r\">" +
                total.display() + "</td></tr>\n";
        for (const FieldSpec& f : s.fields) {
            if (f.input != InputKind::Money || !f.shown_for(a_.cover.kind)) continue;
            const std::string label = f.path == "budget.requested" ? "其中：" + f.printed_label() : f.printed_label();
            out_ += "<tr><td colspan=\"" + span + "\">" + esc(label) + "</td><td class=\"r\">" + value_html(f) +
                    "</td></tr>\n";
        }
        out_ += "</table>\n";
    }

    void opinion(const SectionSpec& s) {
        const UnitOpinion& o = a_.opinion;
        heading(s.printed_title(a_.cover.kind));
        const std::string signatory_label = p_.form.field("opinion.signatory")->printed_label();  // rule_needs
        // An opinion left blank is written by hand on the paper: room for it above the signature.
        out_ +=
            std::string("<table class=\"sign\"><tr><td>") +
            (trim(o.opinion).empty() ? "<div class=\"handwrite\"></div>" : "<div>" + u(o.opinion) + "</div>") +
            "\n<div class=\"line\">" + esc(signatory_label) + "：" +
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
    return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x061C;
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
            case 0x2028:
            case 0x2029: out += marked ? "<br>" : " "; continue;
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
    for (const char* reserved :
         {"CON",  "PRN",  "AUX",  "NUL",  "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"})
        if (upper == reserved) clean = "_" + clean;
    if (clean.empty()) clean = "申报书";
    return clean + "." + extension;
}

}  // namespace shenbao
