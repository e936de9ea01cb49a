#include "project_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "archive.h"
#include "field_access.h"
#include "print_html.h"
#include "sha256.h"
#include "text.h"

namespace shenbao {

using nlohmann::json;

namespace {

const ReportForm* form_of(const Programme& programme, Duty duty) { return programme.report_form(duty_key(duty)); }

const DutyReport& report_of(const ProjectRecord& project, Duty duty) {
    static const DutyReport empty;
    auto it = project.reports.find(duty_key(duty));
    return it == project.reports.end() ? empty : it->second;
}

std::string title_of(const Programme& programme, Duty duty) {
    const ReportForm* form = form_of(programme, duty);
    return form ? form->title : duty_label(duty);
}

// attachments/01-<name>: the number keeps two files of one name apart and the order.
std::string attachment_path(size_t index, const std::string& name) {
    std::string number = std::to_string(index + 1);
    if (number.size() < 2) number = "0" + number;
    const size_t dot = name.rfind('.');
    const std::string extension = dot == std::string::npos ? "bin" : name.substr(dot + 1);
    const std::string stem = safe_file_name("", dot == std::string::npos ? name : name.substr(0, dot), "", extension);
    return "attachments/" + number + "-" + stem;
}

bool is_hex64(const std::string& s) {
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string str_at(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string attachment_type(std::string_view bytes) {
    auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
    if (starts("\xFF\xD8\xFF")) return "image/jpeg";
    if (starts("\x89PNG\r\n\x1A\n")) return "image/png";
    if (starts("%PDF-")) return "application/pdf";
    return {};
}

std::string attachment_problem(const std::string& name, std::string_view bytes, const DutyReport& report) {
    const std::string shown = "“" + name + "”";
    if (bytes.empty()) return shown + "是空文件，未添加";
    if (attachment_type(bytes).empty())
        return shown + "不是照片或 PDF（只能添加 JPG、PNG 或 PDF 文件；Word 文档请先另存为 PDF）";
    if (bytes.size() > kMaxAttachmentBytes)
        return shown + "有 " + size_text(bytes.size()) + "，超过每个文件 " + size_text(kMaxAttachmentBytes) +
               " 的上限：请压缩或缩小后再添加";
    const std::string sha = sha256_hex(bytes);
    for (const Attachment& a : report.attachments)
        if (a.sha256 == sha) return shown + "已经添加过（与“" + a.name + "”内容相同）";
    if (report.attachments.size() >= kMaxAttachments)
        return "已有 " + std::to_string(kMaxAttachments) + " 个文件，不能再添加：请把多页扫描合并为一个 PDF";
    return {};
}

Attachment make_attachment(const std::string& name, std::string_view bytes, const std::string& added_at) {
    return {sha256_hex(bytes), name, attachment_type(bytes), bytes.size(), added_at};
}

Application report_values(const Application& app, const DutyReport& report) {
    Application values;
    values.cover.kind = app.cover.kind;
    values.extra = report.values;
    return values;
}

CheckResult check_report(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                         const Date& today) {
    const ReportForm* form = form_of(programme, duty);
    if (!form) return {};
    const DutyReport& report = report_of(project, duty);
    CheckResult result = check_form_fields(programme, form->form, report_values(app, report), today);
    const std::string clause = form->clause.empty() ? programme.clause("complete") : form->clause;
    if (report.attachments.size() < static_cast<size_t>(form->min_attachments)) {
        result.findings.insert(result.findings.begin(),
                               {Severity::Error, "attachments",
                                "请添加" + form->title + "的文件（至少 " + std::to_string(form->min_attachments) +
                                    " 个）：" + form->attachments_hint,
                                clause, true});
    }
    for (const Milestone& m : project_timeline(programme, app, project))
        if (m.duty == duty && m.done_at.empty() && m.due < today)
            result.findings.push_back({Severity::Warning, "",
                                       m.label + "已于 " + m.due.chinese() + "截止（已逾期 " +
                                           std::to_string(today.serial() - m.due.serial()) +
                                           " 天）：请尽快提交，并与市科协联系说明情况",
                                       m.clause});
    return result;
}

ReportFile report_file(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                       const std::string& handed_in_at) {
    const DutyReport& report = report_of(project, duty);
    return {programme.id,
            duty_key(duty),
            title_of(programme, duty),
            app.cover.applicant_unit,
            app.cover.project_name,
            app.cover.kind,
            project.fingerprint,
            project.amount,
            app.plan.start.text,
            app.plan.end.text,
            report.values,
            report.attachments,
            handed_in_at,
            "shenbao 0.1"};
}

namespace {

json report_json(const ReportFile& r) {
    json files = json::array();
    for (const Attachment& a : r.attachments) files.push_back(attachment_json(a));
    return {{"schema", kReportSchema},
            {"schema_version", 1},
            {"programme", r.programme_id},
            {"duty", r.duty},
            {"title", r.title},
            {"unit", r.unit},
            {"project_name", r.project_name},
            {"kind", kind_key(r.kind)},
            {"application_fingerprint", r.application_fingerprint},
            {"approved_amount", r.approved_amount},
            {"activity_start", r.activity_start},
            {"activity_end", r.activity_end},
            {"values", r.values},
            {"attachments", files},
            {"handed_in_at", r.handed_in_at},
            {"generator", r.generator}};
}

}  // namespace

std::string encode_report(const ReportFile& report) {
    return report_json(report).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

ReportRead decode_report(std::string_view bytes) {
    ReportRead out;
    const json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        out.error = "报告文件不是有效的 JSON";
        return out;
    }
    if (str_at(doc, "schema") != kReportSchema) {
        out.error = "不是项目报告文件（schema 应为 " + std::string(kReportSchema) + "）";
        return out;
    }
    ReportFile r;
    r.programme_id = str_at(doc, "programme");
    r.duty = str_at(doc, "duty");
    r.title = str_at(doc, "title");
    if (!duty_from_key(r.duty)) {
        out.error = "报告文件的 duty“" + r.duty + "”不是报备、佐证材料、中期评估或验收";
        return out;
    }
    r.unit = str_at(doc, "unit");
    r.project_name = str_at(doc, "project_name");
    const std::optional<KindId> kind = kind_from_key(str_at(doc, "kind"));
    if (!kind) {
        out.error = "报告文件的项目类别“" + str_at(doc, "kind") + "”无法识别";
        return out;
    }
    r.kind = *kind;
    r.application_fingerprint = str_at(doc, "application_fingerprint");
    r.approved_amount = str_at(doc, "approved_amount");
    r.activity_start = str_at(doc, "activity_start");
    r.activity_end = str_at(doc, "activity_end");
    if (auto v = doc.find("values"); v != doc.end() && v->is_object())
        for (auto it = v->begin(); it != v->end(); ++it)
            if (it->is_string()) r.values[it.key()] = it->get<std::string>();
    if (auto files = doc.find("attachments"); files != doc.end() && files->is_array())
        for (const json& f : *files) {
            if (!f.is_object() || !f.contains("size") || !f["size"].is_number_unsigned()) {
                out.error = "报告文件的附件列表有误";
                return out;
            }
            Attachment a{str_at(f, "sha256"), str_at(f, "name"), str_at(f, "type"), f["size"].get<size_t>(),
                         str_at(f, "added_at")};
            if (!is_hex64(a.sha256)) {
                out.error = "报告文件中附件“" + a.name + "”的 SHA-256 有误";
                return out;
            }
            r.attachments.push_back(std::move(a));
        }
    r.handed_in_at = str_at(doc, "handed_in_at");
    r.generator = str_at(doc, "generator");
    out.report = std::move(r);
    return out;
}

std::string print_report_html(const Programme& programme, const Application& app, const ProjectRecord& project,
                              Duty duty) {
    const std::string title = title_of(programme, duty);
    const DutyReport& report = report_of(project, duty);
    const Application values = report_values(app, report);
    std::string out =
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>" +
        html_plain_text(app.cover.project_name + " " + title) +
        "</title>\n<style>@page{size:A4;margin:20mm}body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;"
        "font-size:12pt}h1{text-align:center;font-size:18pt;margin:0 0 2mm}p.sub{text-align:center;margin:0 0 6mm}"
        "table{border-collapse:collapse;width:100%;margin-bottom:5mm}td,th{border:1px solid #000;padding:2mm;"
        "vertical-align:top;overflow-wrap:anywhere}th{width:28%;text-align:left;font-weight:normal}"
        "tr{break-inside:avoid}.mono{font-family:monospace;font-size:9pt}.sign{margin-top:12mm;line-height:2.4}"
        "</style></head><body>\n<h1>" +
        html_text(title) + "</h1>\n<p class=\"sub\">" + html_text(programme.name) + "</p>\n<table>\n";
    auto row = [&](const std::string& label, const std::string& value) {
        out += "<tr><th>" + html_text(label) + "</th><td>" + html_text(value) + "</td></tr>\n";
    };
    row(programme.form.label_of("cover.applicant_unit"), app.cover.applicant_unit);
    row(programme.form.label_of("cover.project_name"), app.cover.project_name);
    row(programme.form.label_of("cover.kind"), programme.project_category_text(app.cover.kind));
    row("批准金额（元）", project.amount);
    row("实施时间", app.plan.start.text + " 至 " + app.plan.end.text);
    if (const ReportForm* form = form_of(programme, duty))
        for (const FieldSpec* f : form->form.fields_for(app.cover.kind))
            row(f->printed_label(),
                f->input == InputKind::Check ? (flag_at(values, f->path) ? "是" : "否") : text_at(values, f->path));
    out += "</table>\n";
    if (!report.attachments.empty()) {
        out +=
            "<table><tr><th style=\"width:8%\">序号</th><th style=\"width:42%\">附件</th><th "
            "style=\"width:14%\">大小</th><th style=\"width:36%\">SHA-256（前16位）</th></tr>\n";
        for (size_t i = 0; i < report.attachments.size(); ++i) {
            const Attachment& a = report.attachments[i];
            out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + html_text(a.name) + "</td><td>" +
                   html_text(size_text(a.size)) + "</td><td class=\"mono\">" + html_text(a.sha256.substr(0, 16)) +
                   "</td></tr>\n";
        }
        out += "</table>\n";
    }
    out += "<div class=\"sign\">项目负责人（签字）：<br>申报单位（盖章）：<br>日期：</div>\n</body></html>\n";
    return out;
}

std::string write_report_archive(const Programme& programme, const Application& app, const ProjectRecord& project,
                                 Duty duty, const std::map<std::string, std::string>& file_bytes,
                                 const std::string& handed_in_at) {
    const DutyReport& report = report_of(project, duty);
    std::vector<ArchiveEntry> entries{
        {"report.json", encode_report(report_file(programme, app, project, duty, handed_in_at))},
        {"report.html", print_report_html(programme, app, project, duty)}};
    for (size_t i = 0; i < report.attachments.size(); ++i) {
        const Attachment& a = report.attachments[i];
        auto it = file_bytes.find(a.sha256);
        if (it == file_bytes.end()) throw std::runtime_error("附件“" + a.name + "”的内容不在本机存储中");
        entries.push_back({attachment_path(i, a.name), it->second});
    }
    json files = json::array();
    for (const ArchiveEntry& e : entries)
        files.push_back({{"path", e.name}, {"size", e.bytes.size()}, {"sha256", sha256_hex(e.bytes)}});
    entries.push_back({"manifest.json", json{{"schema", kManifestSchema}, {"schema_version", 1}, {"files", files}}.dump(
                                            2, ' ', false, json::error_handler_t::replace) +
                                            "\n"});
    return write_zip(entries);
}

ReportMail report_mail(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                       const std::string& archive_name) {
    const DutyReport& report = report_of(project, duty);
    const std::string unit = trim(app.cover.applicant_unit), name = trim(app.cover.project_name);
    const std::string title = title_of(programme, duty);
    std::string body = programme.issuer + "：\n\n    现报送" + unit + "重点项目《" + name + "》的" + title +
                       "，请查收。\n\n附件：" + archive_name + "（交付包，内含" + title +
                       "的电子稿 report.json、打印版 "
                       "report.html";
    if (!report.attachments.empty()) body += "、附件 " + std::to_string(report.attachments.size()) + " 个";
    body += "，以及各文件 SHA-256 清单 manifest.json）\n";
    for (size_t i = 0; i < report.attachments.size(); ++i)
        body += "    " + std::to_string(i + 1) + ". " + report.attachments[i].name + "（" +
                size_text(report.attachments[i].size) + "）\n";
    body += "\n" + programme.form.label_of("cover.project_leader") + "：" + trim(app.cover.project_leader) + "  " +
            programme.form.label_of("cover.phone") + "：" + trim(app.cover.phone) + "\n";
    return {programme.contact.email, "【重点项目" + title + "】" + unit + "-" + name, body};
}

std::string report_archive_name(const Application& app, Duty duty, const std::string& date) {
    return safe_file_name(app.cover.applicant_unit, app.cover.project_name + "-" + duty_label(duty), date, "zip");
}

ArchiveRead read_report_archive(std::string_view bytes) {
    ArchiveRead out;
    const ZipRead zip = read_zip(bytes);
    if (!zip.ok()) {
        out.problems.push_back(zip.error);
        return out;
    }
    const ArchiveEntry* manifest = nullptr;
    for (const ArchiveEntry& e : zip.entries)
        if (e.name == "manifest.json") manifest = &e;
    if (!manifest) {
        out.problems.push_back("压缩包中没有文件清单 manifest.json：不是本系统生成的项目报告，或已被改动");
        return out;
    }
    const json m = json::parse(manifest->bytes, nullptr, false);
    if (m.is_discarded() || !m.is_object() || str_at(m, "schema") != kManifestSchema || !m.contains("files") ||
        !m["files"].is_array()) {
        out.problems.push_back("文件清单 manifest.json 格式有误");
        return out;
    }
    std::map<std::string, std::string> listed;  // path -> sha256
    for (const json& f : m["files"]) {
        const std::string path = str_at(f, "path");
        if (path.empty() || !is_hex64(str_at(f, "sha256"))) {
            out.problems.push_back("文件清单 manifest.json 中有一项格式有误");
            return out;
        }
        listed[path] = str_at(f, "sha256");
    }
    std::map<std::string, const ArchiveEntry*> present;
    for (const ArchiveEntry& e : zip.entries) {
        if (&e == manifest) continue;
        present[e.name] = &e;
        auto it = listed.find(e.name);
        if (it == listed.end())
            out.problems.push_back("“" + e.name + "”不在文件清单中");
        else if (const std::string actual = sha256_hex(e.bytes); actual != it->second)
            out.problems.push_back("“" + e.name + "”的 SHA-256 与清单不符（清单 " + it->second.substr(0, 12) +
                                   "…，实际 " + actual.substr(0, 12) + "…）：文件已被改动或损坏");
    }
    for (const auto& [path, sha] : listed)
        if (!present.count(path)) out.problems.push_back("清单中的“" + path + "”不在压缩包中");
    if (!out.problems.empty()) return out;

    auto report_entry = present.find("report.json");
    if (report_entry == present.end()) {
        out.problems.push_back("压缩包中没有 report.json（项目报告）");
        return out;
    }
    ReportRead report = decode_report(report_entry->second->bytes);
    if (!report.report) {
        out.problems.push_back(report.error);
        return out;
    }
    std::map<std::string, std::string> files;
    for (const auto& [path, entry] : present)
        if (path.rfind("attachments/", 0) == 0) files[sha256_hex(entry->bytes)] = entry->bytes;
    for (const Attachment& a : report.report->attachments) {
        auto it = files.find(a.sha256);
        if (it == files.end())
            out.problems.push_back("报告列出的附件“" + a.name + "”不在压缩包中");
        else if (it->second.size() != a.size)
            out.problems.push_back("附件“" + a.name + "”的大小与报告不符");
    }
    if (files.size() > report.report->attachments.size()) out.problems.push_back("压缩包中有报告没有列出的附件");
    if (!out.problems.empty()) return out;
    out.report = std::move(report.report);
    out.files = std::move(files);
    return out;
}

// ---- the association's side ----------------------------------------------------------------

namespace {

std::string month_day_of(const std::string& iso) {
    const std::optional<Date> d = Date::parse(iso.substr(0, 10));
    return d ? std::to_string(d->month) + "月" + std::to_string(d->day) + "日" : iso.substr(0, 10);
}

}  // namespace

std::string add_received_report(std::vector<ReceivedReport>& received, ReceivedReport incoming) {
    const ReportFile& r = incoming.report;
    const std::string what = "《" + r.project_name + "》的" + duty_label(*duty_from_key(r.duty));
    for (ReceivedReport& existing : received) {
        if (existing.archive_sha256 == incoming.archive_sha256) return what + "已收到过，未重复导入";
        if (existing.report.application_fingerprint == r.application_fingerprint && existing.report.duty == r.duty) {
            if (existing.report.handed_in_at > r.handed_in_at) return what + "：已有较新的版本，此文件未导入";
            existing = std::move(incoming);
            return what + "已更新为新提交的版本";
        }
    }
    received.push_back(std::move(incoming));
    return "已收到" + what;
}

std::string encode_received_reports(const std::vector<ReceivedReport>& received) {
    json items = json::array();
    for (const ReceivedReport& r : received)
        items.push_back({{"file_name", r.file_name},
                         {"received_at", r.received_at},
                         {"archive_sha256", r.archive_sha256},
                         {"report", report_json(r.report)}});
    return json{{"received_reports", items}}.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::vector<ReceivedReport> decode_received_reports(std::string_view json_text) {
    std::vector<ReceivedReport> out;
    const json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("received_reports") || !doc["received_reports"].is_array()) return out;
    for (const json& item : doc["received_reports"]) {
        if (!item.is_object() || !item.contains("report")) continue;
        ReportRead read = decode_report(item["report"].dump());
        if (!read.report) continue;
        out.push_back({std::move(*read.report), str_at(item, "file_name"), str_at(item, "received_at"),
                       str_at(item, "archive_sha256")});
    }
    return out;
}

ProjectOverview project_overview(const Programme& programme, const ReviewSet& set,
                                 const std::vector<ReceivedReport>& received, const Date& today) {
    ProjectOverview out;
    std::map<std::string, UnitProgress> units;
    std::map<std::string, std::vector<std::string>> held;  // per unit, the scale of each academic event held
    std::vector<bool> matched(received.size(), false);
    for (const Submission& s : set.items) {
        const std::optional<Money> amount = approved_amount(programme, s);
        if (!amount) continue;
        const std::string unit = programme.listed_unit_name(s.app.cover.applicant_unit);
        OverviewRow row{unit, s.app.cover.project_name, amount->display(), s.app.cover.kind, {}};
        ProjectRecord record;
        record.approved = true;
        std::map<Duty, const ReceivedReport*> reports;
        for (size_t i = 0; i < received.size(); ++i) {
            const std::string& fp = received[i].report.application_fingerprint;
            const bool ours =
                fp == s.fingerprint || std::find(s.earlier_fingerprints.begin(), s.earlier_fingerprints.end(), fp) !=
                                           s.earlier_fingerprints.end();
            if (!ours) continue;
            matched[i] = true;
            const Duty duty = *duty_from_key(received[i].report.duty);
            reports[duty] = &received[i];
            done_at(record, duty) =
                received[i].report.handed_in_at.empty() ? received[i].received_at : received[i].report.handed_in_at;
        }
        UnitProgress& u = units[unit];
        u.unit = unit;
        ++u.approved;
        for (const Milestone& m : project_timeline(programme, s.app, record)) {
            const DueState state = due_state(m, today);
            OverviewDuty d{m.duty, state.text, reports.count(m.duty) > 0, state.state == DueState::State::Overdue};
            if (d.reported) d.text = "已交 " + month_day_of(m.done_at);
            u.reports += d.reported ? 1 : 0;
            u.overdue += d.overdue ? 1 : 0;
            row.duties.push_back(std::move(d));
        }
        if (s.app.cover.kind == KindId::AcademicExchange && reports.count(Duty::Evidence))
            held[unit].push_back(s.app.academic.scale);
        out.rows.push_back(std::move(row));
    }
    for (auto& [name, u] : units) {
        u.academic_held = academic_against_targets(programme, name, held[name]);
        out.units.push_back(std::move(u));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const OverviewRow& a, const OverviewRow& b) {
        return a.unit != b.unit ? a.unit < b.unit : a.project_name < b.project_name;
    });
    out.reports_unmatched = static_cast<size_t>(std::count(matched.begin(), matched.end(), false));
    return out;
}

std::string overview_csv(const Programme& programme, const ProjectOverview& overview) {
    const std::string unit = programme.form.short_label_of("cover.applicant_unit");
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    std::vector<std::string> head{unit, programme.form.short_label_of("cover.project_name"), "批准金额（元）"};
    for (Duty d : kDuties) head.push_back(duty_label(d));
    line(head);
    for (const OverviewRow& r : overview.rows) {
        std::vector<std::string> cells{r.unit, r.project_name, r.amount};
        for (Duty d : kDuties) {
            auto it =
                std::find_if(r.duties.begin(), r.duties.end(), [&](const OverviewDuty& x) { return x.duty == d; });
            cells.push_back(it == r.duties.end() ? "—" : it->text);
        }
        line(cells);
    }
    line({});
    line({unit, "批准项目", "已交报告", "逾期", "学术活动（已举办/任务）"});
    for (const UnitProgress& u : overview.units) {
        std::string academic;
        for (const UnitTotal::Scale& s : u.academic_held)
            academic += (academic.empty() ? "" : "；") + s.label + " " + std::to_string(s.applied) + "/" +
                        (s.target ? std::to_string(*s.target) : "—");
        line({u.unit, std::to_string(u.approved), std::to_string(u.reports), std::to_string(u.overdue), academic});
    }
    return out;
}

}  // namespace shenbao
