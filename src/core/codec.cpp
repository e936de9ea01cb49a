#include "codec.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "sha256.h"
#include "text.h"

namespace shenbao {

using nlohmann::json;

// ---------------------------------------------------------------------------------------
// Sections: 1. writing  2. the structural pre-pass (depth, duplicate keys)
//           3. tolerant reading  4. migrations  5. decode
// ---------------------------------------------------------------------------------------

namespace {

// ---- 1. writing ------------------------------------------------------------------------

json details_json(const Application& a) {
    switch (a.cover.kind) {
        case KindId::AcademicExchange: {
            json experts = json::array();
            for (const InvitedExpert& e : a.academic.experts)
                experts.push_back({{"name", e.name}, {"title", e.title}, {"unit", e.unit}});
            return {{"format", a.academic.format},
                    {"scale", a.academic.scale},
                    {"level", a.academic.level},
                    {"organisers", a.academic.organisers},
                    {"participants", a.academic.participants},
                    {"experts", experts},
                    {"is_training", a.academic.is_training}};
        }
        case KindId::ServiceStation:
            return {{"host_type", a.station.host_type},
                    {"host_name", a.station.host_name},
                    {"host_address", a.station.host_address},
                    {"services", a.station.services},
                    {"upstream", a.station.upstream}};
        case KindId::EnterpriseCooperation: return {{"partner", a.cooperation.partner}, {"topic", a.cooperation.topic}};
        case KindId::EnterpriseInfoService:
            return {{"new_enterprises", a.info_service.new_enterprises}, {"cases", a.info_service.cases}};
        case KindId::InnovationContest:
            return {{"contest_name", a.contest.contest_name},
                    {"entries", a.contest.entries},
                    {"incubated", a.contest.incubated}};
        case KindId::OrganisationBuilding:
            return {{"items", a.organisation.items}, {"evidence", a.organisation.evidence}};
    }
    return json::object();
}

json content_json(const Application& a) {
    json indicators = json::array();
    for (const Indicator& i : a.plan.indicators)
        indicators.push_back({{"name", i.name}, {"target", i.target}, {"unit", i.unit}});
    json team = json::array();
    for (const TeamMember& m : a.team)
        team.push_back(
            {{"name", m.name}, {"unit", m.unit}, {"title", m.title}, {"speciality", m.speciality}, {"phone", m.phone}});
    json lines = json::array();
    for (const BudgetLine& l : a.budget.lines)
        lines.push_back({{"expense_kind", l.expense_kind}, {"description", l.description}, {"amount", l.amount.text}});
    json content = {
        {"cover",
         {{"project_number", a.cover.project_number},
          {"project_name", a.cover.project_name},
          {"kind", kind_key(a.cover.kind)},
          {"applicant_unit", a.cover.applicant_unit},
          {"project_leader", a.cover.project_leader},
          {"phone", a.cover.phone},
          {"applied_on", a.cover.applied_on.text}}},
        {"plan",
         {{"aims", a.plan.aims},
          {"content", a.plan.content},
          {"start", a.plan.start.text},
          {"end", a.plan.end.text},
          {"place", a.plan.place},
          {"expected_results", a.plan.expected_results},
          {"indicators", indicators}}},
        {"team", team},
        {"budget",
         {{"lines", lines}, {"requested", a.budget.requested.text}, {"self_raised", a.budget.self_raised.text}}},
        {"opinion",
         {{"opinion", a.opinion.opinion}, {"signatory", a.opinion.signatory}, {"signed_on", a.opinion.signed_on.text}}},
        {"eligibility_confirmed", a.eligibility_confirmed},
        {"evidence_planned", a.evidence_planned},
        {"details", details_json(a)},
    };
    // Fields the programme adds: each at its path, inside the objects its path names.
    for (const auto& [path, value] : a.extra) {
        json* at = &content;
        size_t start = 0;
        for (size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1) {
            json& next = (*at)[path.substr(start, dot - start)];
            if (!next.is_object()) break;  // a built-in value is in the way: not written over
            at = &next;
        }
        const std::string key = path.substr(start);
        if (at->is_object() && path.find('.', start) == std::string::npos && !at->contains(key)) (*at)[key] = value;
    }
    return content;
}

json fingerprinted_part(const Application& a, const std::string& programme_id) {
    return {{"schema", kApplicationSchema},
            {"schema_version", kSchemaVersion},
            {"programme", programme_id},
            {"application", content_json(a)}};
}

// Strings are written as they are; invalid UTF-8 (which no UI produces) is replaced
// rather than thrown on, so writing can never fail.
std::string dump_compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// ---- 2. structural pre-pass --------------------------------------------------------------

// Walks the raw text once with nlohmann's SAX interface, before any DOM is built, to
// refuse hostile nesting and to notice duplicate keys (the DOM keeps only the last).
class StructureScan : public nlohmann::json_sax<json> {
public:
    int max_depth_seen = 0;
    bool too_deep = false;
    std::vector<std::string> duplicate_keys;
    std::string syntax_error;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
        keys_.emplace_back();
        return enter();
    }
    bool end_object() override {
        keys_.pop_back();
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        keys_.emplace_back();
        return enter();
    }
    bool end_array() override {
        keys_.pop_back();
        --depth_;
        return true;
    }
    bool key(string_t& k) override {
        if (!keys_.back().insert(k).second && duplicate_keys.size() < 20) duplicate_keys.push_back(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
        syntax_error = "出错位置在第 " + std::to_string(position) + " 个字节";
        return false;
    }

private:
    bool enter() {
        ++depth_;
        max_depth_seen = std::max(max_depth_seen, depth_);
        if (depth_ > kMaxDepth) {
            too_deep = true;
            return false;
        }
        return true;
    }
    int depth_ = 0;
    std::vector<std::set<std::string>> keys_;
};

// ---- 3. tolerant reading ---------------------------------------------------------------

// Reads one JSON object into typed fields. Missing keys keep their defaults; a value of
// the wrong type is kept when it converts without loss (a number where text is expected)
// and otherwise reported; keys it never asked for are reported when it finishes.
class ObjectReader {
public:
    ObjectReader(const json& j, std::string path, Findings& findings)
        : j_(j), path_(std::move(path)), findings_(findings) {}
    ~ObjectReader() { report_unknown(); }

    bool ok() const { return j_.is_object(); }
    void mark_known(const char* key) { seen_.insert(key); }

    void text(const char* key, std::string& out) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (v->is_string())
            out = v->get<std::string>();
        else if (v->is_number()) {
            out = v->dump();
            warn(key, "应为文本，已按文本读入数字 " + out);
        } else
            wrong_type(key, "文本");
    }
    void date(const char* key, DateField& out) { text(key, out.text); }
    void money(const char* key, MoneyField& out) { text(key, out.text); }
    void count(const char* key, int& out) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (v->is_number_integer() && v->get<long long>() >= 0 && v->get<long long>() < 1000000)
            out = v->get<int>();
        else
            wrong_type(key, "非负整数");
    }
    void byte_count(const char* key, size_t& out) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (v->is_number_integer() && v->get<long long>() >= 0 && v->get<long long>() < (1LL << 40))
            out = static_cast<size_t>(v->get<long long>());
        else
            wrong_type(key, "字节数");
    }
    void flag(const char* key, bool& out) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (v->is_boolean())
            out = v->get<bool>();
        else
            wrong_type(key, "true 或 false");
    }
    void strings(const char* key, std::vector<std::string>& out) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (!v->is_array()) {
            wrong_type(key, "文本列表");
            return;
        }
        out.clear();
        for (size_t i = 0; i < v->size(); ++i) {
            if ((*v)[i].is_string())
                out.push_back((*v)[i].get<std::string>());
            else
                error(std::string(key) + "[" + std::to_string(i) + "]", "应为文本，已忽略此项");
        }
    }
    // Reads an array of objects with read_item(ObjectReader&, T&).
    template <class T, class F>
    void list(const char* key, std::vector<T>& out, F read_item) {
        const json* v = get(key);
        if (!v || v->is_null()) return;
        if (!v->is_array()) {
            wrong_type(key, "列表");
            return;
        }
        out.clear();
        for (size_t i = 0; i < v->size(); ++i) {
            ObjectReader item((*v)[i], path_ + key + "[" + std::to_string(i) + "].", findings_);
            if (!item.ok()) {
                error(std::string(key) + "[" + std::to_string(i) + "]", "应为对象，已忽略此项");
                continue;
            }
            T value{};
            read_item(item, value);
            out.push_back(std::move(value));
        }
    }
    // The child object at key, or null (reported) when it is there but not an object.
    const json* child(const char* key) {
        const json* v = get(key);
        if (!v || v->is_null()) return nullptr;
        if (!v->is_object()) {
            wrong_type(key, "对象");
            return nullptr;
        }
        return v;
    }
    std::string path(const char* key) const { return path_ + key + "."; }
    Findings& findings() { return findings_; }
    void error(const std::string& key, const std::string& what) {
        findings_.push_back({Severity::Error, path_ + key, "字段 " + path_ + key + " " + what, ""});
    }

private:
    const json* get(const char* key) {
        seen_.insert(key);
        if (!j_.is_object()) return nullptr;
        auto it = j_.find(key);
        return it == j_.end() ? nullptr : &*it;
    }
    void warn(const std::string& key, const std::string& what) {
        findings_.push_back({Severity::Warning, path_ + key, "字段 " + path_ + key + " " + what, ""});
    }
    void wrong_type(const std::string& key, const std::string& expected) {
        error(key, "类型错误（应为" + expected + "），已忽略该值");
    }
    void report_unknown() {
        if (!j_.is_object()) return;
        for (auto it = j_.begin(); it != j_.end(); ++it) {
            if (seen_.count(it.key())) continue;
            if (keep_ && it.value().is_string()) {
                (*keep_)[path_ + it.key()] = it.value().get<std::string>();
                continue;
            }
            findings_.push_back(
                {Severity::Warning, path_ + it.key(), "未知字段 " + path_ + it.key() + "，导入时已忽略", ""});
        }
    }

    const json& j_;
    std::string path_;
    Findings& findings_;
    std::set<std::string> seen_;
    std::map<std::string, std::string>* keep_ = nullptr;

public:
    // Text under keys this reader was not asked for goes into `extra` by its path instead
    // of being reported: a field a programme adds (checked against the programme later).
    ObjectReader& keeping_unknown_text(std::map<std::string, std::string>& extra) {
        keep_ = &extra;
        return *this;
    }
};

void read_duty_report(ObjectReader& r, DutyReport& report) {
    if (const json* values = r.child("values"))
        for (auto v = values->begin(); v != values->end(); ++v)
            if (v.value().is_string()) report.values[v.key()] = v.value().get<std::string>();
    r.list("attachments", report.attachments, [](ObjectReader& a, Attachment& file) {
        a.text("sha256", file.sha256);
        a.text("name", file.name);
        a.text("type", file.type);
        a.byte_count("size", file.size);
        a.text("added_at", file.added_at);
    });
    r.text("handed_in_at", report.handed_in_at);
}

void read_details(ObjectReader& d, Application& a) {
    switch (a.cover.kind) {
        case KindId::AcademicExchange:
            d.text("format", a.academic.format);
            d.text("scale", a.academic.scale);
            d.text("level", a.academic.level);
            d.text("organisers", a.academic.organisers);
            d.text("participants", a.academic.participants);
            d.list("experts", a.academic.experts, [](ObjectReader& r, InvitedExpert& e) {
                r.text("name", e.name);
                r.text("title", e.title);
                r.text("unit", e.unit);
            });
            d.flag("is_training", a.academic.is_training);
            break;
        case KindId::ServiceStation:
            d.text("host_type", a.station.host_type);
            d.text("host_name", a.station.host_name);
            d.text("host_address", a.station.host_address);
            d.text("services", a.station.services);
            d.text("upstream", a.station.upstream);
            break;
        case KindId::EnterpriseCooperation:
            d.text("partner", a.cooperation.partner);
            d.text("topic", a.cooperation.topic);
            break;
        case KindId::EnterpriseInfoService:
            d.text("new_enterprises", a.info_service.new_enterprises);
            d.text("cases", a.info_service.cases);
            break;
        case KindId::InnovationContest:
            d.text("contest_name", a.contest.contest_name);
            d.text("entries", a.contest.entries);
            d.text("incubated", a.contest.incubated);
            break;
        case KindId::OrganisationBuilding:
            d.strings("items", a.organisation.items);
            d.text("evidence", a.organisation.evidence);
            break;
    }
}

Application read_content(const json& j, Findings& findings) {
    Application a;
    ObjectReader root(j, "", findings);
    if (const json* c = root.child("cover")) {
        ObjectReader r(*c, "cover.", findings);
        r.keeping_unknown_text(a.extra);
        r.text("project_number", a.cover.project_number);
        r.text("project_name", a.cover.project_name);
        std::string kind;
        r.text("kind", kind);
        if (auto k = kind_from_key(kind))
            a.cover.kind = *k;
        else
            r.error("kind", kind.empty() ? "缺失，无法确定项目类别" : "不是已知的项目类别：" + kind);
        r.text("applicant_unit", a.cover.applicant_unit);
        r.text("project_leader", a.cover.project_leader);
        r.text("phone", a.cover.phone);
        r.date("applied_on", a.cover.applied_on);
    } else {
        findings.push_back({Severity::Error, "cover", "缺少封面（cover）部分", ""});
    }
    if (const json* p = root.child("plan")) {
        ObjectReader r(*p, "plan.", findings);
        r.keeping_unknown_text(a.extra);
        r.text("aims", a.plan.aims);
        r.text("content", a.plan.content);
        r.date("start", a.plan.start);
        r.date("end", a.plan.end);
        r.text("place", a.plan.place);
        r.text("expected_results", a.plan.expected_results);
        r.list("indicators", a.plan.indicators, [](ObjectReader& i, Indicator& x) {
            i.text("name", x.name);
            i.text("target", x.target);
            i.text("unit", x.unit);
        });
    }
    root.list("team", a.team, [](ObjectReader& r, TeamMember& m) {
        r.text("name", m.name);
        r.text("unit", m.unit);
        r.text("title", m.title);
        r.text("speciality", m.speciality);
        r.text("phone", m.phone);
    });
    if (const json* b = root.child("budget")) {
        ObjectReader r(*b, "budget.", findings);
        r.keeping_unknown_text(a.extra);
        r.list("lines", a.budget.lines, [](ObjectReader& l, BudgetLine& x) {
            l.text("expense_kind", x.expense_kind);
            l.text("description", x.description);
            l.money("amount", x.amount);
        });
        r.money("requested", a.budget.requested);
        r.money("self_raised", a.budget.self_raised);
    }
    if (const json* o = root.child("opinion")) {
        ObjectReader r(*o, "opinion.", findings);
        r.keeping_unknown_text(a.extra);
        r.text("opinion", a.opinion.opinion);
        r.text("signatory", a.opinion.signatory);
        r.date("signed_on", a.opinion.signed_on);
    }
    root.strings("eligibility_confirmed", a.eligibility_confirmed);
    root.strings("evidence_planned", a.evidence_planned);
    if (const json* d = root.child("details")) {
        ObjectReader r(*d, "details.", findings);
        r.keeping_unknown_text(a.extra);
        read_details(r, a);
    }
    return a;
}

// ---- 4. migrations ---------------------------------------------------------------------

// Schema 1 (the first files written) differed from 2 in: cover.date (now applied_on);
// budget lines {kind, text, amount_yuan: number} (now {expense_kind, description,
// amount: text}); budget.requested_yuan / self_raised_yuan numbers (now text).
void migrate_1_to_2(json& doc, Findings& findings) {
    if (!doc.contains("application") || !doc["application"].is_object()) return;
    json& app = doc["application"];
    auto money_text = [](const json& v) -> json {
        if (v.is_number()) {
            if (auto m = Money::from_yuan(v.get<double>())) return m->plain();
            return v.dump();
        }
        return v;
    };
    if (app.contains("cover") && app["cover"].is_object() && app["cover"].contains("date")) {
        app["cover"]["applied_on"] = app["cover"]["date"];
        app["cover"].erase("date");
    }
    if (app.contains("budget") && app["budget"].is_object()) {
        json& b = app["budget"];
        if (b.contains("lines") && b["lines"].is_array()) {
            for (json& line : b["lines"]) {
                if (!line.is_object()) continue;
                if (line.contains("kind")) {
                    line["expense_kind"] = line["kind"];
                    line.erase("kind");
                }
                if (line.contains("text")) {
                    line["description"] = line["text"];
                    line.erase("text");
                }
                if (line.contains("amount_yuan")) {
                    line["amount"] = money_text(line["amount_yuan"]);
                    line.erase("amount_yuan");
                }
            }
        }
        if (b.contains("requested_yuan")) {
            b["requested"] = money_text(b["requested_yuan"]);
            b.erase("requested_yuan");
        }
        if (b.contains("self_raised_yuan")) {
            b["self_raised"] = money_text(b["self_raised_yuan"]);
            b.erase("self_raised_yuan");
        }
    }
    doc["schema_version"] = 2;
    findings.push_back({Severity::Info, "", "文件由旧版本（格式版本 1）生成，已自动升级到当前格式", ""});
}

Findings fatal(const std::string& message) { return {{Severity::Error, "", message, ""}}; }

// Reads everything around the content. The reader reports unknown keys when it goes out
// of scope, which is why this is a function of its own.
void read_envelope(const json& doc, Decoded& out) {
    ObjectReader root(doc, "", out.findings);
    root.mark_known("schema");  // both checked above
    root.mark_known("schema_version");
    root.text("programme", out.programme_id);
    if (out.programme_id.empty())
        out.findings.push_back({Severity::Warning, "programme", "文件未注明所属申报计划", ""});
    root.text("fingerprint", out.stated_fingerprint);
    if (const json* m = root.child("meta")) {
        ObjectReader r(*m, "meta.", out.findings);
        r.text("draft_id", out.meta.draft_id);
        r.text("created_at", out.meta.created_at);
        r.text("updated_at", out.meta.updated_at);
        r.text("generator", out.meta.generator);
        r.text("deleted_at", out.meta.deleted_at);
        r.text("handed_in_at", out.meta.handed_in_at);
        r.text("handed_in_how", out.meta.handed_in_how);
        r.text("handed_in_fingerprint", out.meta.handed_in_fingerprint);
        r.count("programme_version", out.meta.programme_version);
        if (const json* p = r.child("project")) {
            ObjectReader pr(*p, "meta.project.", out.findings);
            ProjectRecord project;
            pr.flag("approved", project.approved);
            pr.text("amount", project.amount);
            pr.text("note", project.note);
            pr.text("issuer", project.issuer);
            pr.text("issued_at", project.issued_at);
            pr.text("fingerprint", project.fingerprint);
            pr.text("done_report", project.done_report);
            pr.text("done_evidence", project.done_evidence);
            pr.text("done_mid_term", project.done_mid_term);
            pr.text("done_acceptance", project.done_acceptance);
            if (const json* reports = pr.child("reports"))
                for (auto it = reports->begin(); it != reports->end(); ++it) {
                    ObjectReader rr(it.value(), pr.path("reports") + it.key() + ".", out.findings);
                    if (rr.ok()) read_duty_report(rr, project.reports[it.key()]);
                }
            out.meta.project = std::move(project);
        }
    }
    out.meta.programme_id = out.programme_id;
    const json* content = root.child("application");
    if (!content) {
        out.findings.push_back({Severity::Error, "application", "文件中没有申报书内容（application）", ""});
        return;
    }
    out.application = read_content(*content, out.findings);
}

}  // namespace

// ---- public ------------------------------------------------------------------------------

json attachment_json(const Attachment& a) {
    return {{"sha256", a.sha256}, {"name", a.name}, {"type", a.type}, {"size", a.size}, {"added_at", a.added_at}};
}

std::string canonical_content(const Application& app) { return dump_compact(content_json(app)); }

std::string fingerprint_of(const Application& app, const std::string& programme_id) {
    return sha256_hex(dump_compact(fingerprinted_part(app, programme_id)));
}

std::string short_fingerprint(const std::string& fingerprint) { return fingerprint.substr(0, 12); }

std::string encode_application(const Application& app, const std::string& programme_id, const DocumentMeta& meta) {
    json doc = fingerprinted_part(app, programme_id);
    doc["fingerprint"] = fingerprint_of(app, programme_id);
    doc["meta"] = {{"draft_id", meta.draft_id},
                   {"created_at", meta.created_at},
                   {"updated_at", meta.updated_at},
                   {"generator", meta.generator}};
    if (!meta.deleted_at.empty()) doc["meta"]["deleted_at"] = meta.deleted_at;
    if (meta.programme_version > 0) doc["meta"]["programme_version"] = meta.programme_version;
    if (!meta.handed_in_at.empty()) {
        doc["meta"]["handed_in_at"] = meta.handed_in_at;
        doc["meta"]["handed_in_how"] = meta.handed_in_how;
        doc["meta"]["handed_in_fingerprint"] = meta.handed_in_fingerprint;
    }
    if (const ProjectRecord* p = meta.project ? &*meta.project : nullptr) {
        json project = {{"approved", p->approved}, {"amount", p->amount},       {"note", p->note},
                        {"issuer", p->issuer},     {"issued_at", p->issued_at}, {"fingerprint", p->fingerprint}};
        for (const auto& [key, at] : {std::pair<const char*, const std::string&>{"done_report", p->done_report},
                                      {"done_evidence", p->done_evidence},
                                      {"done_mid_term", p->done_mid_term},
                                      {"done_acceptance", p->done_acceptance}})
            if (!at.empty()) project[key] = at;
        for (const auto& [duty, report] : p->reports) {
            json files = json::array();
            for (const Attachment& a : report.attachments) files.push_back(attachment_json(a));
            json r = {{"values", report.values}, {"attachments", files}};
            if (!report.handed_in_at.empty()) r["handed_in_at"] = report.handed_in_at;
            project["reports"][duty] = r;
        }
        doc["meta"]["project"] = project;
    }
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Decoded decode_application(std::string_view bytes) {
    Decoded out;
    if (bytes.size() > kMaxFileBytes) {
        out.findings = fatal("文件过大（" + std::to_string(bytes.size() / 1024) + " KB），申报书文件不应超过 " +
                             std::to_string(kMaxFileBytes / 1024 / 1024) + " MB，请确认选择了正确的文件");
        return out;
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // BOM from Windows editors
    StructureScan scan;
    json::sax_parse(bytes.begin(), bytes.end(), &scan, nlohmann::detail::input_format_t::json, false);
    if (scan.too_deep) {
        out.findings = fatal("文件嵌套层数超过 " + std::to_string(kMaxDepth) + " 层，不是申报书文件");
        return out;
    }
    if (!scan.syntax_error.empty()) {
        out.findings = fatal("文件不是有效的 JSON（可能已损坏或被截断），" + scan.syntax_error);
        return out;
    }
    // Not throwing: the scan above found the text valid (and the browser build compiles
    // this file without exception handling, see CMakeLists.txt).
    json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (doc.is_discarded()) {
        out.findings = fatal("文件不是有效的 JSON（可能已损坏或被截断）");
        return out;
    }
    for (const std::string& k : scan.duplicate_keys)
        out.findings.push_back({Severity::Warning, k, "字段 " + k + " 在文件中出现多次，已采用最后一次出现的值", ""});
    if (!doc.is_object() || !doc.contains("schema") || doc["schema"] != kApplicationSchema) {
        out.findings.push_back({Severity::Error, "", "这不是申报书文件（缺少 schema: shenbao.application）", ""});
        return out;
    }
    if (!doc.contains("schema_version") || !doc["schema_version"].is_number_integer()) {
        out.findings.push_back({Severity::Error, "schema_version", "缺少格式版本号（schema_version）", ""});
        return out;
    }
    out.schema_version = doc["schema_version"].get<int>();
    if (out.schema_version > kSchemaVersion) {
        out.findings.push_back({Severity::Error, "schema_version",
                                "文件格式版本 " + std::to_string(out.schema_version) + " 比本程序支持的版本 " +
                                    std::to_string(kSchemaVersion) + " 更新，请使用新版申报助手打开",
                                ""});
        return out;
    }
    if (out.schema_version < 1) {
        out.findings.push_back({Severity::Error, "schema_version", "格式版本号无效", ""});
        return out;
    }
    if (out.schema_version == 1) migrate_1_to_2(doc, out.findings);

    read_envelope(doc, out);
    if (!out.application) return out;
    out.fingerprint = fingerprint_of(*out.application, out.programme_id);
    if (out.schema_version == kSchemaVersion && !out.stated_fingerprint.empty() &&
        out.stated_fingerprint != out.fingerprint)
        out.findings.push_back(
            {Severity::Warning, "fingerprint", "文件内容与其指纹不符：文件在导出后被改动过（或由其他程序生成）", ""});
    return out;
}

}  // namespace shenbao
