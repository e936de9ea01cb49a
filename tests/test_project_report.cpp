// A funded project's reports: the programme's forms for them, their checks, the files
// attached, the record in the draft's file, the print, and the archive handed in (a
// round trip; truncated, altered, incomplete or padded archives refused, naming why).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "archive.h"
#include "helpers.h"
#include "project_report.h"
#include "sha256.h"

using namespace shenbao;
using testing::complete;
using testing::programme;
using testing::read_text;

namespace {

std::string photo(int seed, size_t n = 3000) {
    std::string s = "\xFF\xD8\xFF\xE0";
    for (size_t i = 0; s.size() < n; ++i) s.push_back(static_cast<char>((i * 37 + seed * 11) % 251));
    return s;
}

struct Project {
    Application app = complete("academic_exchange");
    ProjectRecord record;
    std::map<std::string, std::string> files;

    Project() {
        app.plan.start.text = "2018-09-15";
        app.plan.end.text = "2018-09-16";
        record.approved = true;
        record.amount = "20000";
        record.fingerprint = std::string(64, 'a');
        DutyReport& r = record.reports["evidence"];
        r.values = {{"evidence.start", "2018-09-15"},   {"evidence.end", "2018-09-16"},
                    {"evidence.place", "盐城市科技馆"}, {"evidence.spent", "18500"},
                    {"evidence.participants", "120"},   {"evidence.summary", std::string(60 * 3, 'x') + "<b>成效</b>"}};
        for (int i = 0; i < 3; ++i) attach("现场照片" + std::to_string(i + 1) + ".jpg", photo(i));
    }
    void attach(const std::string& name, const std::string& bytes) {
        DutyReport& r = record.reports["evidence"];
        REQUIRE(attachment_problem(name, bytes, r).empty());
        r.attachments.push_back(make_attachment(name, bytes, "2018-09-20T02:00:00Z"));
        files[sha256_hex(bytes)] = bytes;
    }
    std::string archive() const {
        return write_report_archive(programme(), app, record, Duty::Evidence, files, "2018-09-20T03:00:00Z");
    }
};

bool any_message(const Findings& findings, const std::string& part, const std::string& field = "*") {
    for (const Finding& f : findings)
        if (f.message.find(part) != std::string::npos && (field == "*" || f.field == field)) return true;
    return false;
}

bool any_problem(const ArchiveRead& read, const std::string& part) {
    for (const std::string& p : read.problems)
        if (p.find(part) != std::string::npos) return true;
    return false;
}

// The archive's entries, changed by `edit`, written again as a valid zip (CRCs right):
// only the manifest can tell.
std::string rezip(const std::string& zip, const std::function<void(std::vector<ArchiveEntry>&)>& edit) {
    ZipRead read = read_zip(zip);
    REQUIRE(read.ok());
    edit(read.entries);
    return write_zip(read.entries);
}

}  // namespace

TEST_CASE("the programme has a form for each duty, and a report form that breaks the rules is refused") {
    for (Duty d : kDuties) {
        const ReportForm* form = programme().report_form(duty_key(d));
        REQUIRE(form);
        CHECK_FALSE(form->title.empty());
        CHECK_FALSE(form->form.sections.empty());
        CHECK(duty_from_key(duty_key(d)) == d);
    }
    CHECK(programme().report_form("evidence")->min_attachments == 1);
    CHECK_FALSE(duty_from_key("audit"));

    nlohmann::json j = nlohmann::json::parse(read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    auto with_field = [&](nlohmann::json field) {
        nlohmann::json copy = j;
        copy["project_forms"][0]["form"]["sections"][0]["fields"].push_back(field);
        return load_programme(copy.dump());
    };
    CHECK(with_field({{"path", "report.extra_note"}, {"label", "备注"}, {"input", "text"}}).programme);
    // A field for one kind only is asked of that kind's projects only.
    const ProgrammeLoad station_only = with_field({{"path", "report.host"},
                                                   {"label", "依托单位"},
                                                   {"input", "text"},
                                                   {"need", "required"},
                                                   {"kinds", {"service_station"}}});
    REQUIRE(station_only.programme);
    Application station = complete("service_station"), academic = complete("academic_exchange");
    ProjectRecord record;
    record.approved = true;
    auto asks_host = [&](const Application& app) {
        for (const Finding& f :
             check_report(*station_only.programme, app, record, Duty::Report, Date{2018, 6, 1}).findings)
            if (f.field == "report.host") return true;
        return false;
    };
    CHECK(asks_host(station));
    CHECK_FALSE(asks_host(academic));
    // A call without report forms: the duties have no forms, and nothing to check.
    nlohmann::json none = j;
    none.erase("project_forms");
    const ProgrammeLoad bare = load_programme(none.dump());
    REQUIRE(bare.programme);
    CHECK_FALSE(bare.programme->report_form("evidence"));
    CHECK(check_report(*bare.programme, academic, record, Duty::Evidence, Date{2018, 6, 1}).findings.empty());
    const ProgrammeLoad builtin = with_field({{"path", "cover.project_name"}, {"label", "x"}, {"input", "text"}});
    CHECK_FALSE(builtin.programme);
    CHECK(builtin.error.find("report.") != std::string::npos);
    CHECK_FALSE(with_field({{"path", "report.team"}, {"label", "x"}, {"input", "table"}}).programme);
    nlohmann::json wrong_duty = j;
    wrong_duty["project_forms"][0]["duty"] = "audit";
    CHECK(load_programme(wrong_duty.dump()).error.find("audit") != std::string::npos);
}

TEST_CASE("a report's checks: its form's fields, the files it needs, and lateness") {
    Project p;
    const Date in_time{2018, 9, 20};
    CHECK(check_report(programme(), p.app, p.record, Duty::Evidence, in_time).findings.empty());

    // An empty 佐证材料: every required field and the files, errors; a wanted one a warning.
    ProjectRecord empty = p.record;
    empty.reports.clear();
    const CheckResult none = check_report(programme(), p.app, empty, Duty::Evidence, in_time);
    CHECK(any_message(none.findings, "请填写实际参加人数", "evidence.participants"));
    CHECK(any_message(none.findings, "至少 1 个", "attachments"));
    CHECK(none.findings.front().severity == Severity::Error);
    CHECK(none.completeness.percent() == 0);

    // The form's own rules: a date, a number, the end not before the start, a short summary.
    DutyReport& r = p.record.reports["evidence"];
    r.values["evidence.end"] = "2018-09-14";
    r.values["evidence.participants"] = "一百";
    r.values["evidence.summary"] = "开了会";
    const Findings wrong = check_report(programme(), p.app, p.record, Duty::Evidence, in_time).findings;
    CHECK(any_message(wrong, "早于实际开始日期", "evidence.end"));
    CHECK(any_message(wrong, "应为数字", "evidence.participants"));
    CHECK(any_message(wrong, "宜写满50字", "evidence.summary"));

    // Late: the day after the due day (the end + 10 days) says so; the due day does not.
    Project late;
    CHECK_FALSE(any_message(
        check_report(programme(), late.app, late.record, Duty::Evidence, Date{2018, 9, 26}).findings, "逾期"));
    CHECK(any_message(check_report(programme(), late.app, late.record, Duty::Evidence, Date{2018, 9, 27}).findings,
                      "已逾期 1 天"));
    late.record.done_evidence = "2018-09-25T00:00:00Z";
    CHECK_FALSE(any_message(
        check_report(programme(), late.app, late.record, Duty::Evidence, Date{2018, 9, 27}).findings, "逾期"));
}

TEST_CASE("what may be attached: photos and PDFs by content, within the size, once each") {
    DutyReport r;
    CHECK(attachment_type(photo(1)) == "image/jpeg");
    CHECK(attachment_type("\x89PNG\r\n\x1A\nrest") == "image/png");
    CHECK(attachment_type("%PDF-1.7\n") == "application/pdf");
    CHECK(attachment_type("PK\x03\x04word") == "");
    CHECK(attachment_problem("空.jpg", "", r).find("空文件") != std::string::npos);
    CHECK(attachment_problem("议程.docx", "PK\x03\x04word", r).find("不是照片或 PDF") != std::string::npos);
    // A .jpg name does not make a JPEG; a JPEG named .png is still a photo.
    CHECK_FALSE(attachment_problem("假照片.jpg", "hello", r).empty());
    CHECK(attachment_problem("photo.png", photo(1), r).empty());
    const std::string big = photo(2, kMaxAttachmentBytes + 1);
    CHECK(attachment_problem("大.jpg", big, r).find("10.0 MB") != std::string::npos);
    CHECK(attachment_problem("正好.jpg", photo(2, kMaxAttachmentBytes), r).empty());
    r.attachments.push_back(make_attachment("一.jpg", photo(3), "t"));
    CHECK(r.attachments[0].size == 3000);
    CHECK(r.attachments[0].type == "image/jpeg");
    CHECK(attachment_problem("二.jpg", photo(3), r).find("与“一.jpg”内容相同") != std::string::npos);
    while (r.attachments.size() < kMaxAttachments)
        r.attachments.push_back(make_attachment("n.jpg", photo(static_cast<int>(r.attachments.size()) + 10), "t"));
    CHECK(attachment_problem("再一个.jpg", photo(99), r).find("不能再添加") != std::string::npos);
}

TEST_CASE("a project's reports are kept in the draft's file, values and files alike") {
    Project p;
    DocumentMeta meta;
    meta.draft_id = "d1";
    meta.project = p.record;
    const Decoded back = decode_application(encode_application(p.app, programme().id, meta));
    CHECK(back.findings.empty());
    REQUIRE(back.meta.project);
    const DutyReport& r = back.meta.project->reports.at("evidence");
    CHECK(r.values == p.record.reports.at("evidence").values);
    REQUIRE(r.attachments.size() == 3);
    CHECK(r.attachments[1].name == "现场照片2.jpg");
    CHECK(r.attachments[1].sha256 == sha256_hex(photo(1)));
    CHECK(r.attachments[1].size == 3000);
    // A size above what a count holds (a 10 MB file) is read back as written.
    meta.project->reports["evidence"].attachments[0].size = kMaxAttachmentBytes;
    CHECK(decode_application(encode_application(p.app, programme().id, meta))
              .meta.project->reports.at("evidence")
              .attachments[0]
              .size == kMaxAttachmentBytes);
}

TEST_CASE("the printed report escapes what was typed and lists the files with their fingerprints") {
    Project p;
    p.app.cover.project_name = "<script>alert(1)</script>";
    const std::string html = print_report_html(programme(), p.app, p.record, Duty::Evidence);
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;成效&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("佐证材料") != std::string::npos);
    CHECK(html.find("现场照片1.jpg") != std::string::npos);
    CHECK(html.find("现场照片3.jpg") != std::string::npos);
    CHECK(html.find("（盖章）") != std::string::npos);  // signed and stamped, as the 申报书
    CHECK(html.find(sha256_hex(photo(2)).substr(0, 16)) != std::string::npos);
    CHECK(html.find("实际参加人数") != std::string::npos);
}

TEST_CASE("the hand-in archive: a round trip with its manifest") {
    Project p;
    const std::string zip = p.archive();
    const ZipRead entries = read_zip(zip);
    REQUIRE(entries.ok());
    std::vector<std::string> names;
    for (const ArchiveEntry& e : entries.entries) names.push_back(e.name);
    CHECK(names == std::vector<std::string>{"report.json", "report.html", "attachments/01-现场照片1.jpg",
                                            "attachments/02-现场照片2.jpg", "attachments/03-现场照片3.jpg",
                                            "manifest.json"});
    const nlohmann::json manifest = nlohmann::json::parse(entries.entries.back().bytes);
    CHECK(manifest["schema"] == kManifestSchema);
    CHECK(manifest["schema_version"] == 1);
    CHECK(manifest["files"].size() == 5);
    CHECK(nlohmann::json::parse(entries.entries.front().bytes)["schema_version"] == 1);
    CHECK(manifest["files"][2]["sha256"] == sha256_hex(photo(0)));

    const ArchiveRead read = read_report_archive(zip);
    REQUIRE(read.ok());
    REQUIRE(read.report);
    CHECK(read.report->duty == "evidence");
    CHECK(read.report->title == programme().report_form("evidence")->title);
    CHECK(read.report->unit == p.app.cover.applicant_unit);
    CHECK(read.report->project_name == p.app.cover.project_name);
    CHECK(read.report->kind == KindId::AcademicExchange);
    CHECK(read.report->application_fingerprint == p.record.fingerprint);
    CHECK(read.report->values == p.record.reports.at("evidence").values);
    CHECK(read.report->handed_in_at == "2018-09-20T03:00:00Z");
    CHECK(read.files.size() == 3);
    CHECK(read.files.at(sha256_hex(photo(2))) == photo(2));

    CHECK(report_archive_name(p.app, Duty::Evidence, "2018-09-20") ==
          p.app.cover.applicant_unit + "-" + p.app.cover.project_name + "-提交佐证材料-2018-09-20.zip");
    // A file whose bytes are not stored cannot be handed in.
    Project missing;
    missing.files.erase(sha256_hex(photo(1)));
    std::string why;
    try {
        missing.archive();
    } catch (const std::exception& e) {
        why = e.what();
    }
    CHECK(why.find("现场照片2.jpg") != std::string::npos);
}

TEST_CASE("the email that hands a report in: addressed to the call's contact, naming the archive and its files") {
    Project p;
    const ReportMail mail = report_mail(programme(), p.app, p.record, Duty::Evidence, "x.zip");
    CHECK(mail.to == programme().contact.email);
    CHECK(mail.subject == "【重点项目佐证材料】" + p.app.cover.applicant_unit + "-" + p.app.cover.project_name);
    CHECK(mail.body.find("附件：x.zip") != std::string::npos);
    CHECK(mail.body.find("附件 3 个") != std::string::npos);
    CHECK(mail.body.find("2. 现场照片2.jpg（3 KB）") != std::string::npos);
    CHECK(mail.body.find(p.app.cover.phone) != std::string::npos);
}

TEST_CASE("a broken hand-in archive is refused whole, naming the problem") {
    Project p;
    const std::string zip = p.archive();
    // Truncated (a download cut short).
    ArchiveRead cut = read_report_archive(std::string_view(zip).substr(0, zip.size() - 40));
    CHECK_FALSE(cut.ok());
    CHECK_FALSE(cut.report);
    CHECK(cut.files.empty());
    CHECK(any_problem(cut, "不完整"));

    // A photo swapped after hand-in, the zip rebuilt so that its CRCs are right: the manifest names it.
    const ArchiveRead swapped =
        read_report_archive(rezip(zip, [](std::vector<ArchiveEntry>& e) { e[3].bytes = photo(42); }));
    CHECK_FALSE(swapped.ok());
    CHECK(swapped.files.empty());
    CHECK(any_problem(swapped, "“attachments/02-现场照片2.jpg”的 SHA-256 与清单不符"));

    // The report edited (a value changed): the same.
    const ArchiveRead edited = read_report_archive(rezip(zip, [](std::vector<ArchiveEntry>& e) {
        const size_t at = e[0].bytes.find("120");
        e[0].bytes.replace(at, 3, "900");
    }));
    CHECK(any_problem(edited, "“report.json”的 SHA-256 与清单不符"));

    // A file taken out, a file slipped in, the manifest gone.
    CHECK(any_problem(read_report_archive(rezip(zip, [](std::vector<ArchiveEntry>& e) { e.erase(e.begin() + 2); })),
                      "清单中的“attachments/01-现场照片1.jpg”不在压缩包中"));
    CHECK(any_problem(
        read_report_archive(rezip(zip,
                                  [](std::vector<ArchiveEntry>& e) {
                                      e.insert(e.begin(), ArchiveEntry{"attachments/99-extra.jpg", photo(7)});
                                  })),
        "“attachments/99-extra.jpg”不在文件清单中"));
    CHECK(any_problem(read_report_archive(rezip(zip, [](std::vector<ArchiveEntry>& e) { e.pop_back(); })),
                      "没有文件清单"));
    // A manifest of another kind.
    CHECK(any_problem(read_report_archive(rezip(zip,
                                                [](std::vector<ArchiveEntry>& e) {
                                                    nlohmann::json m = nlohmann::json::parse(e.back().bytes);
                                                    m["schema"] = "other";
                                                    e.back().bytes = m.dump();
                                                })),
                      "格式有误"));
    // Not a report at all.
    CHECK(any_problem(read_report_archive(write_zip({{"a.txt", "x"}})), "没有文件清单"));
}

TEST_CASE("the association's overview: reports received per project, what is overdue, events held against 附件1") {
    Project p;
    ReviewSet set;
    const std::string file = encode_application(p.app, programme().id, DocumentMeta{});
    REQUIRE(review_add(set, programme(), "a.json", file, Date{2018, 5, 30}) == ReviewAdd::Added);
    Submission& s = set.items.back();
    s.decision.verdict = Verdict::Approved;
    s.decision.amount.text = s.app.budget.requested.text;  // within the standard
    REQUIRE(approved_amount(programme(), s));
    p.record.fingerprint = s.fingerprint;

    // Nothing received: on 9月27日 报备 and 佐证材料 (both due 9月26日) are overdue.
    ProjectOverview none = project_overview(programme(), set, {}, Date{2018, 9, 27});
    REQUIRE(none.rows.size() == 1);
    REQUIRE(none.rows[0].duties.size() == 2);
    CHECK(none.rows[0].duties[0].overdue);
    CHECK(none.rows[0].duties[1].text == "已逾期 1 天");
    REQUIRE(none.units.size() == 1);
    CHECK(none.units[0].overdue == 2);
    CHECK(none.units[0].reports == 0);

    // The archive received (read back through the archive, as the app does).
    ArchiveRead read = read_report_archive(p.archive());
    REQUIRE(read.ok());
    std::vector<ReceivedReport> received;
    CHECK(add_received_report(received, {*read.report, "x.zip", "2018-09-21T00:00:00Z", "sha1"}).find("已收到") == 0);
    CHECK(add_received_report(received, {*read.report, "x.zip", "2018-09-21T00:00:00Z", "sha1"}).find("未重复") !=
          std::string::npos);
    ReportFile later = *read.report;
    later.handed_in_at = "2018-09-22T00:00:00Z";
    CHECK(add_received_report(received, {later, "y.zip", "2018-09-22T00:00:00Z", "sha2"}).find("已更新") !=
          std::string::npos);
    CHECK(received.size() == 1);
    CHECK(add_received_report(received, {*read.report, "x.zip", "", "sha3"}).find("较新") != std::string::npos);
    // Kept across a reload.
    const std::vector<ReceivedReport> back = decode_received_reports(encode_received_reports(received));
    REQUIRE(back.size() == 1);
    CHECK(back[0].report.values == received[0].report.values);
    CHECK(back[0].archive_sha256 == "sha2");

    const ProjectOverview o = project_overview(programme(), set, received, Date{2018, 9, 27});
    const OverviewDuty& evidence = o.rows[0].duties[1];
    CHECK(evidence.duty == Duty::Evidence);
    CHECK(evidence.reported);
    CHECK_FALSE(evidence.overdue);
    CHECK(evidence.text == "已交 9月22日");
    // A hand-in time that is not one is shown as written.
    std::vector<ReceivedReport> odd_time = received;
    odd_time[0].report.handed_in_at = "昨天";
    CHECK(project_overview(programme(), set, odd_time, Date{2018, 9, 27}).rows[0].duties[1].text == "已交 昨天");
    CHECK(o.units[0].reports == 1);
    CHECK(o.units[0].overdue == 1);  // 报备 still
    // The unit's academic events held, by scale, against its targets.
    size_t held = 0;
    for (const UnitTotal::Scale& sc : o.units[0].academic_held) held += sc.applied;
    CHECK(held == 1);
    CHECK(o.reports_unmatched == 0);
    const std::string csv = overview_csv(programme(), o);
    CHECK(csv.rfind("\xEF\xBB\xBF\"" + programme().form.short_label_of("cover.applicant_unit") + "\",", 0) == 0);
    CHECK(csv.find("已交 9月22日") != std::string::npos);
    CHECK(csv.find(p.app.cover.project_name) != std::string::npos);

    // A report for a content not approved here is counted apart; an unapproved project has no row.
    s.decision.verdict = Verdict::Pending;
    const ProjectOverview pending = project_overview(programme(), set, received, Date{2018, 9, 27});
    CHECK(pending.rows.empty());
    CHECK(pending.reports_unmatched == 1);
}

TEST_CASE("a report file or a list of received reports that is not what it should be is read as nothing") {
    CHECK(decode_report("[]").error.find("JSON") != std::string::npos);
    CHECK(decode_report("not json").error.find("JSON") != std::string::npos);
    // A member of the wrong type is read as empty, not thrown on.
    Project p;
    nlohmann::json doc = nlohmann::json::parse(
        encode_report(report_file(programme(), p.app, p.record, Duty::Evidence, "2018-09-20T03:00:00Z")));
    doc["unit"] = 5;
    const ReportRead odd = decode_report(doc.dump());
    REQUIRE(odd.report);
    CHECK(odd.report->unit.empty());
    for (const char* text : {"", "{}", "[1]", "not json", R"({"received_reports": {}})",
                             R"({"received_reports": [{"report": {"schema": "other"}}, 3]})"}) {
        CAPTURE(text);
        CHECK(decode_received_reports(text).empty());
    }
}
