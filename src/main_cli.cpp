// shenbao: the native command line on the same core as the browser app.
//
//   shenbao new --kind KIND                 an empty application of that kind, as JSON
//   shenbao check [--json] FILE...          findings; exit 0 no errors, 1 errors, 2 unreadable
//   shenbao programme                       the calls built in, and the chosen one's kinds,
//                                           standards and dates
//   shenbao programme --check FILE...       validates programme files: every problem, where
//   shenbao print FILE -o OUT.html          the printable 申报书
//   shenbao review DIR [--csv OUT]          every submission in DIR checked, with totals
//
// Every command takes --programme ID|FILE to use a built-in call or a programme file
// (else: a file is checked and printed by the call it names, a new application is for the
// newest call), and --today YYYY-MM-DD to check as of another day.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_programme.h"
#include "checks.h"
#include "codec.h"
#include "print_html.h"
#include "programme.h"
#include "review.h"

using namespace shenbao;

namespace {

constexpr const char* kGenerator = "shenbao-cli 0.1";

int usage() {
    std::cerr << "用法:\n"
                 "  shenbao new --kind KIND\n"
                 "  shenbao check [--json] FILE...\n"
                 "  shenbao programme [--check FILE...]\n"
                 "  shenbao print FILE -o OUT.html\n"
                 "  shenbao review DIR [--csv OUT.csv]\n"
                 "选项: --programme 计划ID或文件  --today YYYY-MM-DD\n"
                 "KIND: academic_exchange service_station enterprise_cooperation enterprise_info_service\n"
                 "      innovation_contest organisation_building\n";
    return 2;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "无法打开文件";
        return false;
    }
    // Read at most one byte past the limit: the codec reports the size itself. The buffer
    // is the file's size where it has one (zeroing 4 MB per file was most of a check's time).
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.clear();
    in.seekg(0);
    out.resize(size >= 0 ? std::min<size_t>(static_cast<size_t>(size), kMaxFileBytes + 1) : kMaxFileBytes + 1);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) {
        error = "读取失败";
        return false;
    }
    return true;
}

Date today_utc() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

struct Options {
    std::string programme_file;
    bool check = false;
    Date today = today_utc();
    bool json = false;
    std::string kind;
    std::string output;
    std::string csv;
    std::vector<std::string> files;
};

int cmd_new(const Programme& p, const Options& o) {
    auto kind = kind_from_key(o.kind);
    if (!kind || !p.kind(*kind)) {
        std::cerr << (kind ? "申报计划“" + p.name + "”没有项目类别：" : std::string("未知的项目类别：")) << o.kind
                  << "\n";
        return usage();
    }
    DocumentMeta meta{"", "", "", kGenerator};
    meta.programme_version = p.version;
    std::cout << encode_application(Application::blank(p, *kind), p.id, meta);
    return 0;
}

// The calls: the built-in ones, and the one --programme names (a built-in id or a file).
struct Calls {
    ProgrammeSet builtin;
    std::optional<Programme> chosen;
    // The call for a file that names `id`: the chosen one, else the built-in call of that id,
    // else the newest (with a note when the file names a call not built in).
    const Programme& for_file(const std::string& id, Findings* notes = nullptr) const {
        if (chosen) {
            if (notes && !id.empty() && id != chosen->id)
                notes->push_back(
                    {Severity::Warning, "programme", "文件属于申报计划“" + id + "”，按“" + chosen->id + "”检查", ""});
            return *chosen;
        }
        if (const Programme* p = builtin.find(id)) return *p;
        if (notes && !id.empty())
            notes->push_back({Severity::Warning, "programme",
                              "文件属于申报计划“" + id + "”，本程序未内置，按“" + builtin.newest().id + "”检查", ""});
        return builtin.newest();
    }
    const Programme& current() const { return chosen ? *chosen : builtin.newest(); }
};

int cmd_check(const Calls& calls, const Options& o) {
    if (o.files.empty()) return usage();
    int worst = 0;
    nlohmann::json report = nlohmann::json::array();
    for (const std::string& file : o.files) {
        std::string bytes, read_error;
        Findings findings;
        std::string fingerprint;
        bool readable = read_file(file, bytes, read_error);
        if (!readable) {
            findings.push_back({Severity::Error, "", read_error, ""});
        } else {
            Decoded d = decode_application(bytes);
            findings = d.findings;
            if (d.application) {
                fingerprint = d.fingerprint;
                const Programme& p = calls.for_file(d.programme_id, &findings);
                Findings checks = check_application(p, *d.application, o.today);
                findings.insert(findings.end(), checks.begin(), checks.end());
            } else {
                readable = false;
            }
        }
        const bool has_error = count_severity(findings, Severity::Error) > 0;
        worst = std::max(worst, !readable ? 2 : has_error ? 1 : 0);
        if (o.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const Finding& f : findings)
                list.push_back({{"severity", severity_key(f.severity)},
                                {"field", f.field},
                                {"clause", f.clause},
                                {"message", f.message}});
            report.push_back(
                {{"file", file}, {"ok", readable && !has_error}, {"fingerprint", fingerprint}, {"findings", list}});
        } else {
            std::cout << file << ": " << (!readable ? "无法读取" : has_error ? "有错误" : "通过");
            if (!fingerprint.empty()) std::cout << "  指纹 " << short_fingerprint(fingerprint);
            std::cout << "\n";
            for (const Finding& f : findings) {
                std::cout << "  [" << severity_label(f.severity) << "] " << (f.field.empty() ? "" : f.field + ": ")
                          << f.message;
                if (!f.clause.empty()) std::cout << "（" << f.clause << "）";
                std::cout << "\n";
            }
        }
    }
    if (o.json) std::cout << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return worst;
}

int cmd_print(const Calls& calls, const Options& o) {
    if (o.files.size() != 1 || o.output.empty()) return usage();
    std::string bytes, error;
    if (!read_file(o.files[0], bytes, error)) {
        std::cerr << o.files[0] << ": " << error << "\n";
        return 2;
    }
    Decoded d = decode_application(bytes);
    if (!d.application) {
        std::cerr << o.files[0] << ": " << (d.findings.empty() ? "无法读取" : d.findings.front().message) << "\n";
        return 2;
    }
    std::ofstream out(o.output, std::ios::binary);
    out << print_html(calls.for_file(d.programme_id), *d.application, d.fingerprint);
    if (!out.flush()) {
        std::cerr << "无法写入 " << o.output << "\n";
        return 2;
    }
    return 0;
}

int cmd_review(const Calls& calls, const Options& o) {
    if (o.files.size() != 1) return usage();
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(o.files[0], ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
    if (ec) {
        std::cerr << o.files[0] << ": 无法读取目录\n";
        return 2;
    }
    std::sort(paths.begin(), paths.end());
    // One call for the whole set: the chosen one, else the one the first readable file names.
    std::string first_call;
    for (const auto& path : paths) {
        std::string bytes, error;
        if (!read_file(path.string(), bytes, error)) continue;
        Decoded d = decode_application(bytes);
        if (d.application) {
            first_call = d.programme_id;
            break;
        }
    }
    const Programme& p = calls.for_file(first_call);
    ReviewSet set;
    size_t duplicates = 0;
    for (const auto& path : paths) {
        std::string bytes, error;
        if (!read_file(path.string(), bytes, error)) {
            set.rejected.push_back({path.filename().string(), error});
            continue;
        }
        if (review_add(set, p, path.filename().string(), bytes, o.today) == ReviewAdd::Duplicate) ++duplicates;
    }
    const ReviewTotals t = review_totals(p, set);
    std::cout << "申报书 " << set.items.size() << " 份，重复 " << duplicates << " 份，重新提交待定 "
              << set.resubmissions.size() << " 份，无法读取 " << set.rejected.size() << " 份\n";
    for (const RejectedFile& r : set.rejected) std::cout << "  无法读取 " << r.file_name << "：" << r.reason << "\n";
    std::cout << "\n类别\t份数\t有错误\t申请合计（元）\t超标准\n";
    for (const KindTotal& k : t.kinds)
        if (k.count)
            std::cout << p.kind(k.kind)->name << "\t" << k.count << "\t" << k.with_errors << "\t"
                      << k.requested.display() << "\t" << k.over_standard << "\n";
    std::cout << "合计\t" << t.overall.count << "\t" << t.overall.with_errors << "\t" << t.overall.requested.display()
              << "\t" << t.overall.over_standard << "\n";
    if (!o.csv.empty()) {
        std::ofstream out(o.csv, std::ios::binary);
        out << review_csv(p, set);
        if (!out.flush()) {
            std::cerr << "无法写入 " << o.csv << "\n";
            return 2;
        }
    }
    return set.rejected.empty() ? 0 : 1;
}

// Validates programme files as the app would load them; every problem with its place.
int cmd_programme_check(const Options& o) {
    if (o.files.empty()) return usage();
    int worst = 0;
    for (const std::string& file : o.files) {
        std::string text, error;
        if (!read_file(file, text, error)) {
            std::cout << file << "：" << error << "\n";
            worst = 2;
            continue;
        }
        ProgrammeLoad loaded = load_programme(text);
        if (loaded.programme) {
            const Programme& p = *loaded.programme;
            size_t fields = 0;
            for (const SectionSpec& s : p.form.sections) fields += s.fields.size();
            std::cout << file << "：有效。" << p.name << "（" << p.id << "，第 " << p.version << " 版），"
                      << p.kinds.size() << " 个项目类别，申报书 " << p.form.sections.size() << " 部分 " << fields
                      << " 个字段\n";
            continue;
        }
        worst = std::max(worst, 1);
        std::cout << file << "：有 " << loaded.problems.size() << " 处问题\n";
        for (const std::string& problem : loaded.problems) std::cout << "  " << problem << "\n";
    }
    return worst;
}

int cmd_programme(const Calls& calls, const Options& o) {
    if (o.check) return cmd_programme_check(o);
    std::cout << "内置申报计划：\n";
    for (const Programme& c : calls.builtin.all)
        std::cout << "  " << c.id << "  " << c.name << "（第 " << c.version << " 版）"
                  << (&c == &calls.builtin.newest() ? "  默认" : "") << "\n";
    std::cout << "\n";
    const Programme& p = calls.current();
    std::cout << p.name << "（" << p.id << "）\n"
              << p.issuer << " " << p.document_number << "，印发于" << p.issued_on.chinese() << "\n"
              << "申报截止：" << p.deadline.chinese() << "（" << p.deadline_clause << "）\n"
              << "联系：" << p.contact.person << " " << p.contact.phone << " " << p.contact.email << " "
              << p.contact.address << "\n\n";
    for (const KindRule& k : p.kinds) {
        const Category* c = p.category(k.category);
        std::cout << "[" << (c ? c->label : k.category) << "] " << k.name << " (" << kind_key(k.id) << ")\n"
                  << "  资助标准：" << k.funding.text << "\n";
        if (k.activity_window)
            std::cout << "  时间范围：" << k.activity_window->from.iso() << " 至 " << k.activity_window->to.iso()
                      << "\n";
        switch (k.route.type) {
            case Route::Type::ThisCall: std::cout << "  申报：随本通知申报\n"; break;
            case Route::Type::SeparateCall: std::cout << "  申报：" << k.route.text << "\n"; break;
            case Route::Type::Assessed: std::cout << "  申报：" << k.route.text << "\n"; break;
        }
        for (const std::string& r : k.remarks) std::cout << "  备注：" << r << "\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string command = argv[1];
    Options o;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&](const char* name) -> std::string {
            if (i + 1 >= argc) {
                std::cerr << name << " 需要一个值\n";
                std::exit(usage());
            }
            return argv[++i];
        };
        if (arg == "--json")
            o.json = true;
        else if (arg == "--check")
            o.check = true;
        else if (arg == "--kind")
            o.kind = value("--kind");
        else if (arg == "--programme")
            o.programme_file = value("--programme");
        else if (arg == "-o" || arg == "--output")
            o.output = value("-o");
        else if (arg == "--csv")
            o.csv = value("--csv");
        else if (arg == "--today") {
            auto d = Date::parse(value("--today"));
            if (!d) {
                std::cerr << "--today 日期无效\n";
                return usage();
            }
            o.today = *d;
        } else if (arg.rfind("--", 0) == 0) {
            std::cerr << "未知选项 " << arg << "\n";
            return usage();
        } else
            o.files.push_back(arg);
    }
    Calls calls;
    std::string builtin_error;
    calls.builtin = load_programmes(builtin_programme_jsons(), builtin_error);
    if (calls.builtin.all.empty()) {
        std::cerr << builtin_error << "\n";
        return 2;
    }
    if (!o.programme_file.empty()) {
        if (const Programme* p = calls.builtin.find(o.programme_file)) {
            calls.chosen = *p;
        } else {
            std::string text, error;
            if (!read_file(o.programme_file, text, error)) {
                std::cerr << "无法打开申报计划文件 " << o.programme_file << "（" << error << "）\n";
                return 2;
            }
            ProgrammeLoad loaded = load_programme(text);
            if (!loaded.programme) {
                std::cerr << loaded.error << "\n";
                return 2;
            }
            calls.chosen = std::move(*loaded.programme);
        }
    }
    const Programme& p = calls.current();
    if (command == "new") return cmd_new(p, o);
    if (command == "check") return cmd_check(calls, o);
    if (command == "programme") return cmd_programme(calls, o);
    if (command == "print") return cmd_print(calls, o);
    if (command == "review") return cmd_review(calls, o);
    return usage();
}
