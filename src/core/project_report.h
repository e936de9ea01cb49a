// A funded project's reports (报备, 佐证材料, 中期评估, 验收: the duties of project.h) as
// forms of the programme (ReportForm): their checks, their print, the JSON handed in, the
// files attached, and the archive that carries all of it to the association with a
// manifest of each file's SHA-256, read back on the association's side.
//
// The archive (a zip any computer opens):
//   report.json            the report (schema shenbao.project_report)
//   report.html            the report as printed
//   attachments/01-<name>  each attached file, in the order attached
//   manifest.json          {schema shenbao.archive_manifest, files: [{path, size, sha256}]}
// Reading it checks the zip, then every file against the manifest, then the report
// against its files; any problem refuses the whole archive, naming what is wrong.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks.h"
#include "codec.h"
#include "programme.h"
#include "project.h"
#include "review.h"

namespace shenbao {

constexpr const char* kReportSchema = "shenbao.project_report";
constexpr const char* kManifestSchema = "shenbao.archive_manifest";
constexpr size_t kMaxAttachmentBytes = 10u * 1024 * 1024;
constexpr size_t kMaxAttachments = 30;

// The type of a file to attach, by its content: image/jpeg, image/png, application/pdf;
// empty for anything else.
std::string attachment_type(std::string_view bytes);
// Whether a file may be added to a report, and the message (zh-CN) when not: an empty
// file, a type other than a photo or a PDF, above kMaxAttachmentBytes, the same content
// already attached, or the report already holding kMaxAttachments files.
std::string attachment_problem(const std::string& name, std::string_view bytes, const DutyReport& report);
// The record of a file that passed attachment_problem.
Attachment make_attachment(const std::string& name, std::string_view bytes, const std::string& added_at);

// The report's values as an application (extras, the project's kind): what the field
// checks and the print read.
Application report_values(const Application& app, const DutyReport& report);

// The report's checks: its form's fields (check_form_fields), the files it needs
// (ReportForm::min_attachments) and whether it is late.
CheckResult check_report(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                         const Date& today);

// The report as a file handed in, and read back.
struct ReportFile {
    std::string programme_id, duty;  // duty_key
    std::string title;               // the form's, e.g. 活动报备表
    std::string unit, project_name;
    KindId kind{};
    std::string application_fingerprint;  // the content the decision was made on
    std::string approved_amount;
    std::string activity_start, activity_end;  // the application's 实施时间, as written
    std::map<std::string, std::string> values;
    std::vector<Attachment> attachments;
    std::string handed_in_at, generator;
};
ReportFile report_file(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                       const std::string& handed_in_at);
std::string encode_report(const ReportFile& report);
struct ReportRead {
    std::optional<ReportFile> report;
    std::string error;  // zh-CN when report is empty
};
ReportRead decode_report(std::string_view bytes);

// The printed report: self-contained HTML (no script, no external resource), everything
// typed escaped; the files attached are listed with their sizes and SHA-256.
std::string print_report_html(const Programme& programme, const Application& app, const ProjectRecord& project,
                              Duty duty);

// The archive of one report with its files. `file_bytes` gives each attachment's bytes by
// SHA-256; an attachment whose bytes are missing is an error (std::runtime_error).
std::string write_report_archive(const Programme& programme, const Application& app, const ProjectRecord& project,
                                 Duty duty, const std::map<std::string, std::string>& file_bytes,
                                 const std::string& handed_in_at);
// <unit>-<project>-<duty label>-<date>.zip, safe as a file name everywhere.
std::string report_archive_name(const Application& app, Duty duty, const std::string& date);

// The email that hands a report in (to the programme's contact address): the subject, and
// a body that names the archive, its files and the report's fingerprint.
struct ReportMail {
    std::string to, subject, body;
};
ReportMail report_mail(const Programme& programme, const Application& app, const ProjectRecord& project, Duty duty,
                       const std::string& archive_name);

struct ArchiveRead {
    std::optional<ReportFile> report;
    std::map<std::string, std::string> files;  // attachment bytes by SHA-256
    std::vector<std::string> problems;         // zh-CN; when any, report is empty and files too
    bool ok() const { return problems.empty(); }
};
ArchiveRead read_report_archive(std::string_view bytes);

// ---- the association's side: reports received, and the overview -------------------------

struct ReceivedReport {
    ReportFile report;
    std::string file_name, received_at;  // the archive's name; ISO UTC when imported
    std::string archive_sha256;
};
// Takes in one verified archive: the same archive again changes nothing; a later hand-in
// of the same report (same application, same duty) replaces an earlier one. Returns what
// happened, for people (zh-CN).
std::string add_received_report(std::vector<ReceivedReport>& received, ReceivedReport incoming);
std::string encode_received_reports(const std::vector<ReceivedReport>& received);
std::vector<ReceivedReport> decode_received_reports(std::string_view json_text);

// Per approved project (党组研究 approved, ReviewSet) each duty's state on `today`: handed
// in (a report received for its content, or a version it replaced), not yet open, open
// with the days left, or overdue; per unit the projects, reports and overdue duties, and
// academic events held (佐证材料 received) by scale against its 附件1 targets.
struct OverviewDuty {
    Duty duty{};
    std::string text;  // 已交 9月20日, 3 天后截止, 已逾期 2 天, 10月1日起
    bool reported = false, overdue = false;
};
struct OverviewRow {
    std::string unit, project_name, amount;
    KindId kind{};
    std::vector<OverviewDuty> duties;
};
struct UnitProgress {
    std::string unit;
    size_t approved = 0, reports = 0, overdue = 0;
    std::vector<UnitTotal::Scale> academic_held;  // `applied` counts the events held
};
struct ProjectOverview {
    std::vector<OverviewRow> rows;  // by unit, then project name
    std::vector<UnitProgress> units;
    size_t reports_unmatched = 0;  // received for no approved project here
};
ProjectOverview project_overview(const Programme& programme, const ReviewSet& set,
                                 const std::vector<ReceivedReport>& received, const Date& today);
// The overview as CSV (as review_csv: UTF-8 with a BOM, CRLF, every field quoted).
std::string overview_csv(const Programme& programme, const ProjectOverview& overview);

}  // namespace shenbao
