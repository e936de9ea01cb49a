#include "review.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "checks.h"
#include "print_html.h"
#include "text.h"

namespace shenbao {

namespace {

std::string normalised(const std::string& s) { return trim(fold_width(s)); }

std::string project_key(const Application& a) {
    const std::string unit = normalised(a.cover.applicant_unit), name = normalised(a.cover.project_name);
    return unit.empty() || name.empty() ? std::string() : unit + '\n' + name;
}

bool same_project(const Submission& a, const Submission& b) {
    if (!a.meta.draft_id.empty() && a.meta.draft_id == b.meta.draft_id) return true;
    return !a.project_key.empty() && a.project_key == b.project_key;
}

std::string kind_name(const Programme& p, KindId k) { return p.project_category_text(k); }

}  // namespace

std::string Submission::submitted_on() const {
    if (auto d = app.cover.applied_on.value()) return d->iso();
    if (!trim(app.cover.applied_on.text).empty()) return trim(app.cover.applied_on.text);
    // The file's last edit, only when it is the time it claims to be (the rest of the
    // file is anybody's text, and cutting it could split a character).
    if (iso_utc_seconds(meta.updated_at)) return meta.updated_at.substr(0, 10);
    return "";
}

const Submission* ReviewSet::find(const std::string& id) const {
    for (const Submission& s : items)
        if (s.id == id) return &s;
    return nullptr;
}

Submission* ReviewSet::find(const std::string& id) {
    for (Submission& s : items)
        if (s.id == id) return &s;
    return nullptr;
}

ReviewAdd review_add(ReviewSet& set, const Programme& programme, const std::string& file_name, std::string_view bytes,
                     const Date& today) {
    Decoded d = decode_application(bytes);
    if (!d.application) {
        set.rejected.push_back({file_name, d.findings.empty() ? "不是申报书文件" : d.findings.front().message});
        return ReviewAdd::Rejected;
    }
    Submission s;
    s.file_name = file_name;
    s.bytes = std::string(bytes);
    s.app = std::move(*d.application);
    s.programme_id = d.programme_id;
    s.fingerprint = d.fingerprint;
    s.id = "s-" + d.fingerprint.substr(0, 16);
    s.meta = d.meta;
    s.project_key = project_key(s.app);
    s.findings = d.findings;
    if (!d.programme_id.empty() && d.programme_id != programme.id)
        s.findings.push_back({Severity::Warning, "programme", "文件属于申报计划“" + d.programme_id + "”", ""});
    const Findings checks = check_application(programme, s.app, today);
    s.findings.insert(s.findings.end(), checks.begin(), checks.end());
    s.errors = count_severity(s.findings, Severity::Error);
    s.warnings = count_severity(s.findings, Severity::Warning);

    if (set.find(s.id)) return ReviewAdd::Duplicate;
    for (const Resubmission& r : set.resubmissions)
        if (r.incoming.id == s.id) return ReviewAdd::Duplicate;
    for (const Submission& existing : set.items) {
        if (!same_project(existing, s)) continue;
        Resubmission r;
        r.existing_id = existing.id;
        r.incoming_is_newer = s.meta.updated_at > existing.meta.updated_at;
        r.incoming = std::move(s);
        set.resubmissions.push_back(std::move(r));
        return ReviewAdd::Resubmitted;
    }
    set.items.push_back(std::move(s));
    return ReviewAdd::Added;
}

void review_resolve(ReviewSet& set, size_t index, bool keep_incoming) {
    if (index >= set.resubmissions.size()) return;
    Resubmission r = std::move(set.resubmissions[index]);
    set.resubmissions.erase(set.resubmissions.begin() + static_cast<long>(index));
    if (!keep_incoming) return;
    Submission* existing = set.find(r.existing_id);
    if (!existing) {
        set.items.push_back(std::move(r.incoming));
        return;
    }
    r.incoming.proposed = existing->proposed;  // the review so far carries over
    r.incoming.comment = existing->comment;
    r.incoming.decision = existing->decision;
    r.incoming.earlier_fingerprints = existing->earlier_fingerprints;
    r.incoming.earlier_fingerprints.push_back(existing->fingerprint);
    *existing = std::move(r.incoming);
}

namespace {

// An amount of the review against the kind's standard and the request.
void check_amount(const Programme& programme, const Submission& s, const MoneyField& field, const std::string& path,
                  const std::string& label, Findings& out) {
    auto amount = field.value();
    if (!amount) {
        out.push_back({Severity::Error, path, label + "“" + field.text + "”不是有效的数字", ""});
        return;
    }
    if (const KindRule* rule = programme.kind(s.app.cover.kind)) {
        const Funding& f = rule->funding;
        const std::optional<Money> cap = f.type == Funding::Type::Range   ? std::optional<Money>(f.max)
                                         : f.type == Funding::Type::Fixed ? std::optional<Money>(f.amount)
                                                                          : std::nullopt;
        if (cap && *amount > *cap)
            out.push_back({Severity::Error, path, label + " " + amount->display() + " 元超过资助标准（" + f.text + "）",
                           f.clause});
        if (f.type == Funding::Type::Range && amount->fen > 0 && *amount < f.min)
            out.push_back({Severity::Warning, path, label + "低于资助标准下限（" + f.text + "）", f.clause});
    }
    if (auto requested = s.requested(); requested && *amount > *requested)
        out.push_back({Severity::Warning, path, label + "超过申请金额 " + requested->display() + " 元", ""});
}

}  // namespace

Findings check_review(const Programme& programme, const Submission& s) {
    Findings out;
    if (!s.proposed.empty()) check_amount(programme, s, s.proposed, "review.proposed", "拟资助金额", out);
    if (s.decision.verdict == Verdict::Approved) {
        if (s.decision.amount.empty())
            out.push_back({Severity::Error, "review.decision.amount", "批准资助，请填写批准金额", ""});
        else
            check_amount(programme, s, s.decision.amount, "review.decision.amount", "批准金额", out);
        if (auto a = s.decision.amount.value(); a && a->fen <= 0)
            out.push_back({Severity::Error, "review.decision.amount", "批准金额应大于 0", ""});
    }
    return out;
}

std::optional<Money> approved_amount(const Programme& programme, const Submission& s) {
    if (s.decision.verdict != Verdict::Approved) return std::nullopt;
    for (const Finding& f : check_review(programme, s))
        if (f.severity == Severity::Error && f.field == "review.decision.amount") return std::nullopt;
    return s.decision.amount.value();
}

const char* verdict_text(Verdict v) {
    switch (v) {
        case Verdict::Approved: return "批准";
        case Verdict::NotApproved: return "不予资助";
        default: return "待定";
    }
}

std::vector<UnitTotal::Scale> academic_against_targets(const Programme& programme, const std::string& unit,
                                                       const std::vector<std::string>& scales) {
    std::vector<UnitTotal::Scale> out;
    auto targets = programme.unit_targets(unit);
    if (!targets) return out;
    for (size_t c = 0; c < targets->table->columns.size(); ++c) {
        const TargetColumn& col = targets->table->columns[c];
        const bool by_scale = !col.academic_scale.empty();
        const bool all_academic = col.id == "academic_events";
        if (!by_scale && !all_academic) continue;
        UnitTotal::Scale scale{col.label, 0, targets->row->values[c]};
        for (const std::string& s : scales)
            if (all_academic || s == col.academic_scale) ++scale.applied;
        out.push_back(scale);
    }
    return out;
}

ReviewTotals review_totals(const Programme& programme, const ReviewSet& set) {
    ReviewTotals t;
    for (const KindRule& k : programme.kinds) t.kinds.push_back({k.id});
    std::map<std::string, UnitTotal> units;
    std::vector<std::string> unit_of;  // each submission's unit as 附件1 names it, looked up once
    unit_of.reserve(set.items.size());
    for (const Submission& s : set.items) unit_of.push_back(programme.listed_unit_name(s.app.cover.applicant_unit));
    std::map<std::string, std::vector<std::string>> academic_scales;  // per unit, the scale of each academic event
    for (size_t i = 0; i < set.items.size(); ++i) {
        const Submission& s = set.items[i];
        auto it = std::find_if(t.kinds.begin(), t.kinds.end(),
                               [&](const KindTotal& k) { return k.kind == s.app.cover.kind; });
        const Money requested = s.requested().value_or(Money{});
        const Money proposed = s.proposed.value().value_or(Money{});
        const std::optional<Money> approved = approved_amount(programme, s);
        for (KindTotal* k : {it != t.kinds.end() ? &*it : nullptr, &t.overall}) {
            if (!k) continue;
            ++k->count;
            if (s.errors) ++k->with_errors;
            k->requested = k->requested + requested;
            k->proposed = k->proposed + proposed;
            if (approved) {
                ++k->approved_count;
                k->approved = k->approved + *approved;
            }
        }
        if (const KindRule* rule = programme.kind(s.app.cover.kind)) {
            const Funding& f = rule->funding;
            const bool over = (f.type == Funding::Type::Range && requested > f.max) ||
                              (f.type == Funding::Type::Fixed && requested > f.amount);
            if (over) {
                if (it != t.kinds.end()) ++it->over_standard;
                ++t.overall.over_standard;
            }
        }
        const std::string& name = unit_of[i];
        if (s.app.cover.kind == KindId::AcademicExchange) academic_scales[name].push_back(s.app.academic.scale);
        UnitTotal& u = units[name];
        u.unit = name;
        ++u.count;
        u.requested = u.requested + requested;
        u.proposed = u.proposed + proposed;
        if (approved) {
            ++u.approved_count;
            u.approved = u.approved + *approved;
        }
    }
    for (auto& [name, u] : units) {
        u.listed = programme.unit_targets(name).has_value();
        u.academic = academic_against_targets(programme, name, academic_scales[name]);
    }
    for (auto& [name, u] : units) t.units.push_back(std::move(u));
    return t;
}

std::string csv_field(std::string_view text) {
    std::string value(text);
    if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) value = "'" + value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += "\"\"";
        else
            out += c;
    }
    return out + "\"";
}

std::string review_csv(const Programme& programme, const ReviewSet& set) {
    std::string out = "\xEF\xBB\xBF";
    const FormSpec& form = programme.form;
    const std::string headers[] = {form.label_of("cover.applicant_unit"),
                                   form.label_of("cover.kind"),
                                   form.label_of("cover.project_name"),
                                   form.label_of("budget.requested") + "（元）",
                                   "拟资助金额（元）",
                                   "党组研究",
                                   "批准金额（元）",
                                   "错误",
                                   "警告",
                                   form.label_of("cover.applied_on"),
                                   "指纹",
                                   "审阅意见",
                                   "决定说明",
                                   "文件"};
    for (size_t i = 0; i < std::size(headers); ++i) out += (i ? "," : "") + csv_field(headers[i]);
    out += "\r\n";
    for (const Submission& s : set.items) {
        const auto requested = s.requested();
        const auto proposed = s.proposed.value();
        const auto approved = approved_amount(programme, s);
        const std::string cells[] = {s.app.cover.applicant_unit,
                                     kind_name(programme, s.app.cover.kind),
                                     s.app.cover.project_name,
                                     requested ? requested->plain() : s.app.budget.requested.text,
                                     proposed ? proposed->plain() : s.proposed.text,
                                     verdict_text(s.decision.verdict),
                                     approved ? approved->plain() : s.decision.amount.text,
                                     std::to_string(s.errors),
                                     std::to_string(s.warnings),
                                     s.submitted_on(),
                                     short_fingerprint(s.fingerprint),
                                     s.comment,
                                     s.decision.note,
                                     s.file_name};
        for (size_t i = 0; i < std::size(cells); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    }
    return out;
}

std::string review_publication_html(const Programme& programme, const ReviewSet& set) {
    std::vector<const Submission*> funded;
    for (const Submission& s : set.items)
        if (approved_amount(programme, s)) funded.push_back(&s);
    std::stable_sort(funded.begin(), funded.end(), [](const Submission* a, const Submission* b) {
        if (a->app.cover.kind != b->app.cover.kind) return a->app.cover.kind < b->app.cover.kind;
        return a->app.cover.applicant_unit < b->app.cover.applicant_unit;
    });
    std::string out =
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'\">\n<title>" +
        html_plain_text(programme.name) +
        "拟资助项目公示</title>\n<style>@page{size:A4;margin:20mm}body{font-family:\"Noto Serif CJK "
        "SC\",\"SimSun\",serif;"
        "font-size:12pt}h1{text-align:center;font-size:16pt}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #000;padding:1.5mm "
        "2mm;overflow-wrap:anywhere}tr{break-inside:avoid}.r{text-align:right}"
        "</style></head><body>\n<h1>" +
        html_text(programme.name) +
        "拟资助项目公示</h1>\n<table><tr><th>序号</th><th>单位</th><th>项目名称</th><th>类别</th>"
        "<th class=\"r\">资助金额（元）</th></tr>\n";
    Money total;
    for (size_t i = 0; i < funded.size(); ++i) {
        const Submission& s = *funded[i];
        const Money p = *approved_amount(programme, s);
        total = total + p;
        out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + html_text(s.app.cover.applicant_unit) + "</td><td>" +
               html_text(s.app.cover.project_name) + "</td><td>" + html_text(kind_name(programme, s.app.cover.kind)) +
               "</td><td class=\"r\">" + p.display() + "</td></tr>\n";
    }
    out += "<tr><td colspan=\"4\">合计（" + std::to_string(funded.size()) + " 项）</td><td class=\"r\">" +
           total.display() + "</td></tr>\n</table>\n</body></html>\n";
    return out;
}

std::string encode_review_fields(const ReviewSet& set) {
    nlohmann::json items = nlohmann::json::object();
    for (const Submission& s : set.items) {
        nlohmann::json item = {{"file_name", s.file_name}};  // the received files are stored under their ids
        if (!s.proposed.text.empty()) item["proposed"] = s.proposed.text;
        if (!s.comment.empty()) item["comment"] = s.comment;
        if (s.decision.verdict != Verdict::Pending)
            item["decision"] = s.decision.verdict == Verdict::Approved ? "approved" : "not_approved";
        if (!s.decision.amount.text.empty()) item["approved"] = s.decision.amount.text;
        if (!s.decision.note.empty()) item["decision_note"] = s.decision.note;
        if (!s.earlier_fingerprints.empty()) item["earlier_fingerprints"] = s.earlier_fingerprints;
        items[s.id] = std::move(item);
    }
    return nlohmann::json{{"schema", "shenbao.review"}, {"schema_version", 1}, {"fields", items}}.dump(
        1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void apply_review_fields(ReviewSet& set, std::string_view text) {
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("fields") || !j["fields"].is_object()) return;
    for (auto it = j["fields"].begin(); it != j["fields"].end(); ++it) {
        Submission* s = set.find(it.key());
        if (!s || !it.value().is_object()) continue;
        if (it.value().contains("proposed") && it.value()["proposed"].is_string())
            s->proposed.text = it.value()["proposed"];
        const nlohmann::json& v = it.value();
        auto text = [&](const char* key, std::string& into) {
            if (v.contains(key) && v[key].is_string()) into = v[key];
        };
        text("comment", s->comment);
        text("approved", s->decision.amount.text);
        text("decision_note", s->decision.note);
        std::string verdict;
        text("decision", verdict);
        s->decision.verdict = verdict == "approved"       ? Verdict::Approved
                              : verdict == "not_approved" ? Verdict::NotApproved
                                                          : Verdict::Pending;
        if (v.contains("earlier_fingerprints") && v["earlier_fingerprints"].is_array())
            for (const nlohmann::json& f : v["earlier_fingerprints"])
                if (f.is_string()) s->earlier_fingerprints.push_back(f);
        if (it.value().contains("file_name") && it.value()["file_name"].is_string() &&
            !it.value()["file_name"].get_ref<const std::string&>().empty())
            s->file_name = it.value()["file_name"];
    }
}

}  // namespace shenbao
