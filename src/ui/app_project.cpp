// The funded project in the app (project_report.h). A society fills in each report of its
// project, attaches photos and PDFs, prints it and hands it in as one archive; the
// association imports the archives and sees every project's state. Where it is kept:
//   <root>/attachments/<sha256>      an attached file's bytes, named by their SHA-256
//   <root>/review/reports.json       the reports received (ReceivedReport)
// The report's values and its list of files live in the draft's file (meta.project).
#include <imgui.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app.h"
#include "archive.h"
#include "platform.h"
#include "sha256.h"
#include "text.h"

namespace ui {

using namespace shenbao;

namespace {

std::string attachments_dir() { return std::string(platform::drafts_root()) + "/attachments"; }
std::string received_reports_path() { return std::string(platform::drafts_root()) + "/review/reports.json"; }

}  // namespace

DutyReport* AppState::open_report() {
    Draft* d = current();
    if (!d || page != Page::Report || !d->meta.project || !d->meta.project->approved) return nullptr;
    return &d->meta.project->reports[duty_key(report_duty)];
}

void App::handle(const cmd::OpenReport& c) {
    Draft* d = state.find(c.id);
    if (!d || !d->meta.project) return;
    opened(c.id);
    state.report_duty = c.duty;
    show(Page::Report);
}

void App::handle(const cmd::PickAttachments&) { platform::pick_attachment_files(); }

void App::handle(const cmd::RemoveAttachment& c) {
    DutyReport* report = state.open_report();
    if (!report) return;
    auto& files = report->attachments;
    files.erase(std::remove_if(files.begin(), files.end(), [&](const Attachment& a) { return a.sha256 == c.sha256; }),
                files.end());
    state.changed(*state.current(), false);  // not an undo step: the 申报书 did not change
}

void App::handle(const cmd::PrintReport&) {
    Draft* d = state.current();
    if (!d || !state.open_report()) return;
    platform::print_document(print_report_html(programme_of(*d), d->app, *d->meta.project, state.report_duty));
}

void App::handle(const cmd::HandInReport& c) {
    Draft* d = state.current();
    DutyReport* report = state.open_report();
    if (!d || !report) return;
    std::map<std::string, std::string> bytes;
    for (const Attachment& a : report->attachments) {
        std::string content;
        if (!fs_.read(attachments_dir() + "/" + a.sha256, content) || sha256_hex(content) != a.sha256) {
            state.notices.push_back("附件“" + a.name + "”在本机存储中已丢失或损坏：请删除后重新添加，再生成交付包");
            return;
        }
        bytes[a.sha256] = std::move(content);
    }
    const std::string now = platform::now_iso_utc();
    const Programme& call = programme_of(*d);
    const std::string zip = write_report_archive(call, d->app, *d->meta.project, state.report_duty, bytes, now);
    const std::string name = report_archive_name(d->app, state.report_duty, now.substr(0, 10));
    if (c.email) {
        const ReportMail mail = report_mail(call, d->app, *d->meta.project, state.report_duty, name);
        platform::send_by_email(mail.to, mail.subject, mail.body, {{name, "application/zip", zip}});
    } else {
        platform::offer_download(name, "application/zip", zip);
    }
    report->handed_in_at = now;
    workspace_->mark_duty(*d, state.report_duty, now);
    state.mark_pending();
}

void App::handle(const cmd::ShowOverview& c) {
    if (c.shown && state.mode != Mode::Review) handle(cmd::SetMode{Mode::Review});
    state.review_overview = c.shown;
    state.focus_form = true;
}

void App::handle(const cmd::ExportOverviewCsv&) {
    const ProjectOverview overview = project_overview(chosen_call(), state.review, state.received_reports, state.today);
    platform::offer_download("项目执行情况-" + platform::now_iso_utc().substr(0, 10) + ".csv", "text/csv",
                             overview_csv(chosen_call(), overview));
}

namespace {

// Every file the reports of these drafts name, once each.
template <class Drafts>
void named_files(const Drafts& drafts, std::map<std::string, const Attachment*>& out) {
    for (const auto& d : drafts)
        if (d.meta.project)
            for (const auto& [duty, report] : d.meta.project->reports)
                for (const Attachment& a : report.attachments) out.emplace(a.sha256, &a);
}

}  // namespace

AppState::StoredFiles AppState::stored_files() const {
    std::map<std::string, const Attachment*> files;
    named_files(workspace->drafts(), files);
    named_files(workspace->trash(), files);
    StoredFiles out;
    for (const auto& [sha, a] : files) {
        ++out.count;
        out.bytes += a->size;
    }
    return out;
}

std::string App::with_attachments(const std::string& backup) {
    std::map<std::string, const Attachment*> files;
    named_files(state.drafts(), files);
    named_files(state.trash(), files);
    if (files.empty()) return backup;
    nlohmann::json doc = nlohmann::json::parse(backup, nullptr, false);
    if (!doc.is_object()) return backup;
    nlohmann::json bytes = nlohmann::json::object();
    for (const auto& [sha, a] : files) {
        std::string content;
        if (fs_.read(attachments_dir() + "/" + sha, content) && sha256_hex(content) == sha)
            bytes[sha] = base64_encode(content);
        else
            state.notices.push_back("备份中缺少附件“" + a->name + "”：本机存储中已没有它的内容");
    }
    doc["attachments"] = std::move(bytes);
    return doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void App::merge_attachments(std::string_view backup) {
    const nlohmann::json doc = nlohmann::json::parse(backup.begin(), backup.end(), nullptr, false);
    if (!doc.is_object() || !doc.contains("attachments") || !doc["attachments"].is_object()) return;
    fs_.make_dir(attachments_dir());
    int restored = 0, failed = 0;
    for (const auto& [sha, text] : doc["attachments"].items()) {
        std::string existing;
        const std::string path = attachments_dir() + "/" + sha;
        if (fs_.read(path, existing) && sha256_hex(existing) == sha) continue;
        const std::optional<std::string> content =
            text.is_string() ? base64_decode(text.get<std::string>()) : std::nullopt;
        // A file that is not what its name says is not stored (a damaged or edited backup).
        if (!content || sha256_hex(*content) != sha || !write_all_then_rename(path, *content))
            ++failed;
        else
            ++restored;
    }
    if (restored) state.notices.push_back("已从备份恢复附件 " + std::to_string(restored) + " 个");
    if (failed)
        state.notices.push_back(std::to_string(failed) + " 个附件未能恢复（备份中的内容已损坏，或浏览器存储已满）");
}

void App::request_thumbnails() {
    for (const std::string& sha : state.thumbnails_wanted) {
        if (state.thumbnails.count(sha)) continue;
        Thumbnail& t = state.thumbnails[sha];  // asked: not again
        std::string bytes;
        if (fs_.read(attachments_dir() + "/" + sha, bytes))
            platform::decode_thumbnail(sha, bytes, kThumbnailPixels);
        else
            t.ready = true;  // nothing to show
    }
    state.thumbnails_wanted.clear();
}

void App::load_received_reports() {
    std::string text;
    if (fs_.read(received_reports_path(), text)) state.received_reports = decode_received_reports(text);
    for (const ReceivedReport& r : state.received_reports) state.fonts.need_text(r.report.project_name + r.report.unit);
}

bool App::import_project_file(const std::string& name, std::string_view bytes) {
    if (looks_like_zip(bytes)) {
        ArchiveRead read = read_report_archive(bytes);
        state.fonts.need_text(name);
        if (!read.ok()) {
            std::string why;
            for (const std::string& p : read.problems) why += (why.empty() ? "" : "；") + p;
            state.notices.push_back("项目报告“" + name + "”未导入：" + why);
            state.fonts.need_text(why);
            return true;
        }
        state.fonts.need_text(read.report->project_name + read.report->unit);
        std::vector<ReceivedReport> received = state.received_reports;
        const std::string said =
            add_received_report(received, {std::move(*read.report), name, platform::now_iso_utc(), sha256_hex(bytes)});
        fs_.make_dir(std::string(platform::drafts_root()) + "/review");
        if (!write_all_then_rename(received_reports_path(), encode_received_reports(received))) {
            state.notices.push_back("项目报告“" + name + "”未能存入浏览器（存储空间不足或不可用），未导入");
            return true;
        }
        state.received_reports = std::move(received);
        state.notices.push_back(said);
        state.fonts.need_text(said);
        platform::persist();
        handle(cmd::ShowOverview{true});
        return true;
    }
    if (attachment_type(bytes).empty()) return false;
    DutyReport* report = state.open_report();
    state.fonts.need_text(name);
    if (!report) {
        state.notices.push_back("“" + name + "”是照片或 PDF：请先打开项目的报备、佐证材料等报告页，再添加文件");
        return true;
    }
    if (state.read_only) {
        state.notices.push_back("本窗口为只读：请先点击“在本窗口编辑”");
        return true;
    }
    if (const std::string problem = attachment_problem(name, bytes, *report); !problem.empty()) {
        state.notices.push_back(problem);
        state.fonts.need_text(problem);
        return true;
    }
    const Attachment file = make_attachment(name, bytes, platform::now_iso_utc());
    fs_.make_dir(attachments_dir());
    std::string existing;
    const std::string path = attachments_dir() + "/" + file.sha256;
    if (!(fs_.read(path, existing) && existing == bytes) && !write_all_then_rename(path, std::string(bytes))) {
        // Nothing of the report changed: the files already there stay as they were.
        state.notices.push_back("浏览器存储空间不足，未能添加“" + name +
                                "”（已添加的文件不受影响）：请在“存储与备份”中查看空间");
        return true;
    }
    report->attachments.push_back(file);
    platform::announce("已添加“" + name + "”");
    state.changed(*state.current(), false);
    return true;
}

}  // namespace ui
