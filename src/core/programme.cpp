#include "programme.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "text.h"

namespace shenbao {

using nlohmann::json;

namespace {

const char* const kKindKeys[] = {"academic_exchange",       "service_station",    "enterprise_cooperation",
                                 "enterprise_info_service", "innovation_contest", "organisation_building"};

struct ProgrammeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

const json& member(const json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) throw ProgrammeError("缺少字段 " + where + "." + key);
    return j.at(key);
}

std::string str(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key, where);
    if (!v.is_string()) throw ProgrammeError("字段 " + where + "." + key + " 应为文本");
    return v.get<std::string>();
}

std::string str_or(const json& j, const char* key, const std::string& fallback = {}) {
    if (j.is_object() && j.contains(key) && j.at(key).is_string()) return j.at(key).get<std::string>();
    return fallback;
}

int integer(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key, where);
    if (!v.is_number_integer()) throw ProgrammeError("字段 " + where + "." + key + " 应为整数");
    return v.get<int>();
}

Date date(const json& j, const char* key, const std::string& where) {
    auto d = Date::parse(str(j, key, where));
    if (!d) throw ProgrammeError("字段 " + where + "." + key + " 不是有效日期");
    return *d;
}

Money yuan(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key, where);
    std::optional<Money> m = v.is_number() ? Money::from_yuan(v.get<double>()) : std::nullopt;
    if (!m) throw ProgrammeError("字段 " + where + "." + key + " 应为金额（元）");
    return *m;
}

std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    if (!j.is_object() || !j.contains(key)) return out;
    for (const json& v : j.at(key))
        if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

const json& array(const json& j, const char* key, const std::string& where) {
    const json& v = member(j, key, where);
    if (!v.is_array()) throw ProgrammeError("字段 " + where + "." + key + " 应为列表");
    return v;
}

Funding parse_funding(const json& j, const std::string& where) {
    Funding f;
    std::string type = str(j, "type", where);
    f.text = str(j, "text", where);
    f.clause = str(j, "clause", where);
    if (type == "range") {
        f.type = Funding::Type::Range;
        f.min = yuan(j, "min", where);
        f.max = yuan(j, "max", where);
        if (f.max < f.min) throw ProgrammeError(where + " 的资助上限小于下限");
    } else if (type == "fixed") {
        f.type = Funding::Type::Fixed;
        f.amount = yuan(j, "amount", where);
    } else if (type == "per_unit") {
        f.type = Funding::Type::PerUnit;
        for (const json& r : array(j, "rates", where))
            f.rates.push_back(
                {str(r, "id", where), str(r, "item", where), str(r, "unit", where), yuan(r, "amount", where)});
    } else {
        throw ProgrammeError(where + ".type 未知：" + type);
    }
    return f;
}

Route parse_route(const json& j, const std::string& where) {
    Route r;
    std::string type = str(j, "type", where);
    if (type == "this_call")
        r.type = Route::Type::ThisCall;
    else if (type == "separate_call")
        r.type = Route::Type::SeparateCall;
    else if (type == "assessed")
        r.type = Route::Type::Assessed;
    else
        throw ProgrammeError(where + ".type 未知：" + type);
    r.text = str_or(j, "text");
    r.clause = str_or(j, "clause");
    if (r.type != Route::Type::ThisCall && r.clause.empty()) throw ProgrammeError(where + " 缺少条款 clause");
    return r;
}

ReviewCriterion parse_criterion(const json& j) {
    ReviewCriterion c;
    c.id = str(j, "id", "review_criteria[]");
    const std::string where = "review_criteria." + c.id;
    c.label = str(j, "label", where);
    c.hint = str_or(j, "hint");
    c.clause = str_or(j, "clause");
    c.max_score = integer(j, "max_score", where);
    if (c.max_score < 1 || c.max_score > 100) throw ProgrammeError(where + ".max_score 应在 1 到 100 之间");
    const json& w = member(j, "weight", where);
    if (!w.is_number() || w.get<double>() <= 0 || w.get<double>() > 100)
        throw ProgrammeError(where + ".weight 应为大于 0 的数");
    c.weight = w.get<double>();
    for (const std::string& key : strings(j, "kinds")) {
        auto kind = kind_from_key(key);
        if (!kind) throw ProgrammeError(where + ".kinds 有未知的项目类别：" + key);
        c.kinds.push_back(*kind);
    }
    return c;
}

std::vector<ReviewCriterion> parse_criteria(const json& list) {
    std::vector<ReviewCriterion> out;
    for (const json& c : list) {
        ReviewCriterion criterion = parse_criterion(c);
        for (const ReviewCriterion& other : out)
            if (other.id == criterion.id) throw ProgrammeError("review_criteria 中评审指标重复：" + criterion.id);
        out.push_back(std::move(criterion));
    }
    if (out.empty()) throw ProgrammeError("review_criteria 不能为空");
    return out;
}

KindRule parse_kind(const json& j) {
    KindRule k;
    std::string key = str(j, "id", "kinds[]");
    auto id = kind_from_key(key);
    if (!id) throw ProgrammeError("未知的项目类别 id：" + key);
    k.id = *id;
    const std::string where = "kinds." + key;
    k.category = str(j, "category", where);
    k.name = str(j, "name", where);
    k.content = str(j, "content", where);
    k.funding = parse_funding(member(j, "funding", where), where + ".funding");
    k.route = parse_route(member(j, "route", where), where + ".route");
    if (j.contains("activity_window")) {
        const json& w = j.at("activity_window");
        k.activity_window =
            DateWindow{date(w, "from", where), date(w, "to", where), str(w, "text", where), str(w, "clause", where)};
    }
    if (j.contains("excludes_training")) k.excludes_training_clause = str(j.at("excludes_training"), "clause", where);
    if (j.contains("report_days")) {
        k.report_days = integer(j.at("report_days"), "days", where);
        k.report_clause = str(j.at("report_days"), "clause", where);
    }
    if (j.contains("expert_team")) {
        k.expert_team_min = integer(j.at("expert_team"), "min_members", where);
        k.expert_team_clause = str(j.at("expert_team"), "clause", where);
        k.expert_team_interpretation = str_or(j.at("expert_team"), "interpretation");
    }
    if (j.contains("mid_term_review")) k.mid_term_review_clause = str(j.at("mid_term_review"), "clause", where);
    k.remarks = strings(j, "remarks");
    if (j.contains("options")) {
        const json& o = j.at("options");
        if (!o.is_object()) throw ProgrammeError(where + ".options 应为对象");
        for (auto it = o.begin(); it != o.end(); ++it) k.options[it.key()] = strings(o, it.key().c_str());
    }
    return k;
}

std::vector<std::optional<int>> optional_ints(const json& arr, size_t expected, const std::string& where) {
    if (!arr.is_array() || arr.size() != expected) throw ProgrammeError(where + " 的列数与表头不一致");
    std::vector<std::optional<int>> out;
    for (const json& v : arr) {
        if (v.is_null())
            out.emplace_back();
        else if (v.is_number_integer())
            out.emplace_back(v.get<int>());
        else
            throw ProgrammeError(where + " 只能包含整数或 null");
    }
    return out;
}

TargetTable parse_targets(const json& j) {
    TargetTable t;
    t.id = str(j, "id", "targets[]");
    const std::string where = "targets." + t.id;
    t.title = str(j, "title", where);
    t.unit_type = str(j, "unit_type", where);
    t.total_label = str(j, "total_label", where);
    t.note = str_or(j, "note");
    for (const json& c : array(j, "columns", where))
        t.columns.push_back(
            {str(c, "id", where), str(c, "label", where), str_or(c, "group"), str_or(c, "academic_scale")});
    for (const json& r : array(j, "rows", where)) {
        std::string unit = str(r, "unit", where);
        t.rows.push_back({unit, optional_ints(member(r, "values", where), t.columns.size(), where + "." + unit)});
    }
    t.totals = optional_ints(member(j, "totals", where), t.columns.size(), where + ".totals");
    return t;
}

}  // namespace

const char* kind_key(KindId kind) { return kKindKeys[static_cast<int>(kind)]; }

std::optional<KindId> kind_from_key(const std::string& key) {
    for (KindId k : kAllKinds)
        if (key == kind_key(k)) return k;
    return std::nullopt;
}

const KindRule* Programme::kind(KindId id) const {
    for (const KindRule& k : kinds)
        if (k.id == id) return &k;
    return nullptr;
}

const ReportForm* Programme::report_form(const std::string& duty) const {
    for (const ReportForm& r : report_forms)
        if (r.duty == duty) return &r;
    return nullptr;
}

const std::vector<std::string>& Programme::options_for(KindId id, const std::string& list) const {
    static const std::vector<std::string> none;
    if (list == "evidence_items") return evidence_items;
    const KindRule* k = kind(id);
    if (!k) return none;
    auto it = k->options.find(list);
    return it == k->options.end() ? none : it->second;
}

std::string Programme::field_clause(const FieldSpec& field, KindId id) const {
    const std::string& c = field.clause;
    if (c.empty()) return clause("complete");
    const KindRule* k = kind(id);
    if (c.rfind("kind:", 0) == 0) return "附件2·" + (k ? k->name : form.label_of("cover.kind")) + "·" + c.substr(5);
    if (c == "funding") return k ? k->funding.clause : clause("complete");
    if (c == "expense") return expense_clause;
    for (const auto& [key, text] : clauses)
        if (key == c) return text;
    return c;
}

const Category* Programme::category(const std::string& id) const {
    for (const Category& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

const ExpenseKind* Programme::expense_kind(const std::string& id) const {
    for (const ExpenseKind& e : expense_kinds)
        if (e.id == id) return &e;
    return nullptr;
}

std::string Programme::clause(const std::string& key) const {
    for (const auto& [k, v] : clauses)
        if (k == key) return v;
    return key;
}

std::string Programme::project_category_text(KindId id) const {
    const KindRule* rule = kind(id);
    if (!rule) return kind_key(id);
    const Category* c = category(rule->category);
    return c ? c->label + "（" + rule->name + "）" : rule->name;
}

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    if (from.empty()) return s;
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
}

}  // namespace

void Programme::index_units() {
    unit_index_.clear();
    for (size_t t = 0; t < targets.size(); ++t)
        for (size_t r = 0; r < targets[t].rows.size(); ++r)
            unit_index_.push_back({fold_width(targets[t].rows[r].unit), {t, r}});
    std::sort(unit_index_.begin(), unit_index_.end());
}

std::optional<Programme::UnitTargets> Programme::unit_targets(const std::string& unit) const {
    std::string name = trim(fold_width(unit));
    for (const auto& [full, abbreviated] : unit_name_abbreviations) name = replace_all(name, full, abbreviated);
    auto row_named = [&](std::string_view n) -> std::optional<UnitTargets> {
        auto it = std::lower_bound(unit_index_.begin(), unit_index_.end(), n,
                                   [](const auto& entry, std::string_view key) { return entry.first < key; });
        if (it == unit_index_.end() || it->first != n) return std::nullopt;
        const TargetTable& t = targets[it->second.first];
        return UnitTargets{&t, &t.rows[it->second.second]};
    };
    if (auto exact = row_named(name)) return exact;
    for (const std::string& prefix : unit_name_prefixes)
        if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0)
            if (auto found = row_named(std::string_view(name).substr(prefix.size()))) return found;
    return std::nullopt;
}

std::string Programme::listed_unit_name(const std::string& unit) const {
    auto found = unit_targets(unit);
    return found ? found->row->unit : trim(unit);
}

std::vector<std::string> Programme::unit_suggestions(const std::string& typed, size_t limit) const {
    std::vector<std::string> out;
    const std::string part = trim(fold_width(typed));
    if (part.empty()) return out;
    auto offer = [&](const std::string& name) {
        if (out.size() < limit && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    // The shortest prefix that turns 市… into the full name (盐城 + 市物理学会).
    std::string city;
    for (const std::string& prefix : unit_name_prefixes)
        if (city.empty() || prefix.size() < city.size()) city = prefix;
    for (const std::string& unit : all_units()) {
        const bool city_level = !city.empty() && unit.rfind("市", 0) == 0;
        const std::string full = city_level ? city + unit : unit;
        if (!contains(fold_width(full), part)) continue;
        offer(full);
        offer(unit);
    }
    return out;
}

std::vector<std::string> Programme::all_units() const {
    std::vector<std::string> out;
    for (const TargetTable& t : targets)
        for (const TargetRow& r : t.rows) out.push_back(r.unit);
    return out;
}

ProgrammeLoad load_programme(const std::string& json_text) {
    ProgrammeLoad out;
    try {
        json j = json::parse(json_text, nullptr, false);
        if (j.is_discarded()) throw ProgrammeError("不是有效的 JSON（可能少了逗号、引号或括号）");
        if (str(j, "format", "") != "shenbao.programme") throw ProgrammeError("不是申报计划文件（format 不符）");
        if (integer(j, "format_version", "") != 1) throw ProgrammeError("不支持的计划文件版本");
        Programme p;
        p.id = str(j, "id", "");
        p.year = integer(j, "year", "");
        p.name = str(j, "name", "");
        p.form_title = str(j, "form_title", "");
        if (j.contains("version")) p.version = integer(j, "version", "");
        p.about = str_or(j, "about");
        const json& call = member(j, "call", "");
        p.issuer = str(call, "issuer", "call");
        p.document_number = str(call, "document_number", "call");
        p.call_title = str(call, "title", "call");
        p.issued_on = date(call, "issued_on", "call");
        p.deadline = date(call, "deadline", "call");
        p.deadline_clause = str(call, "deadline_clause", "call");
        p.form_maker = str(call, "form_maker", "call");
        p.form_date = str(call, "form_date", "call");
        if (call.contains("copies")) p.copies = integer(call, "copies", "call");
        const json& c = member(call, "contact", "call");
        p.contact = {str(c, "address", "call.contact"),
                     str(c, "person", "call.contact"),
                     str(c, "phone", "call.contact"),
                     str(c, "email", "call.contact"),
                     str_or(c, "website"),
                     str_or(c, "clause")};
        for (const json& e : array(j, "eligibility", ""))
            p.eligibility.push_back(
                {str(e, "id", "eligibility"), str(e, "text", "eligibility"), str(e, "clause", "eligibility")});
        p.instructions = strings(j, "instructions");
        p.expense_clause = str(j, "expense_clause", "");
        for (const json& e : array(j, "expense_kinds", ""))
            p.expense_kinds.push_back({str(e, "id", "expense_kinds"), str(e, "label", "expense_kinds")});
        const json& ev = member(j, "evidence", "");
        p.evidence_days = integer(ev, "days_after_end", "evidence");
        p.evidence_clause = str(ev, "clause", "evidence");
        p.evidence_items = strings(ev, "items");
        p.training_keywords = strings(j, "training_keywords");
        for (const json& c2 : array(j, "categories", ""))
            p.categories.push_back({str(c2, "id", "categories"), str(c2, "label", "categories")});
        for (const json& k : array(j, "kinds", "")) {
            KindRule rule = parse_kind(k);
            if (p.kind(rule.id)) throw ProgrammeError(std::string("项目类别重复：") + kind_key(rule.id));
            if (!p.category(rule.category)) throw ProgrammeError("未知的项目大类：" + rule.category);
            p.kinds.push_back(std::move(rule));
        }
        for (const json& t : array(j, "targets", "")) p.targets.push_back(parse_targets(t));
        p.unit_name_prefixes = strings(j, "unit_name_prefixes");
        if (j.contains("unit_name_abbreviations"))
            for (const json& pair : array(j, "unit_name_abbreviations", "")) {
                if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
                    throw ProgrammeError("unit_name_abbreviations 的每一项应为 [全称, 简称]");
                p.unit_name_abbreviations.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
            }
        if (j.contains("review_criteria")) {
            p.review_criteria = parse_criteria(array(j, "review_criteria", ""));
        }
        for (auto& [key, value] : member(j, "clauses", "").items())
            if (value.is_string()) p.clauses.emplace_back(key, value.get<std::string>());
        p.index_units();
        std::vector<std::string> lists{"evidence_items"};
        std::vector<KindId> kinds;
        for (const KindRule& k : p.kinds) {
            kinds.push_back(k.id);
            for (const auto& [name, items] : k.options)
                if (std::find(lists.begin(), lists.end(), name) == lists.end()) lists.push_back(name);
        }
        FormLoad form = load_form(member(j, "form", ""), lists, kinds);
        for (const FormProblem& problem : form.problems) out.problems.push_back(problem.where + "：" + problem.message);
        if (!out.problems.empty())
            throw ProgrammeError("申报书表格（form）有 " + std::to_string(out.problems.size()) + " 处问题，第一处：" +
                                 out.problems.front());
        p.form = std::move(form.form);
        if (j.contains("project_forms"))
            for (const json& r : array(j, "project_forms", "")) {
                ReportForm rf;
                rf.duty = str(r, "duty", "project_forms[]");
                if (rf.duty != "report" && rf.duty != "evidence" && rf.duty != "mid_term" && rf.duty != "acceptance")
                    throw ProgrammeError(
                        "project_forms 的 duty 应为 report、evidence、mid_term 或 acceptance，而不是“" + rf.duty + "”");
                if (p.report_form(rf.duty)) throw ProgrammeError("project_forms 中表格重复：" + rf.duty);
                rf.title = str(r, "title", "project_forms." + rf.duty);
                rf.clause = str_or(r, "clause");
                if (r.contains("min_attachments")) rf.min_attachments = integer(r, "min_attachments", rf.duty);
                rf.attachments_hint = str_or(r, "attachments_hint");
                FormLoad loaded = load_report_form(member(r, "form", rf.duty), lists, kinds, rf.duty);
                for (const FormProblem& problem : loaded.problems)
                    out.problems.push_back("project_forms." + rf.duty + "." + problem.where + "：" + problem.message);
                if (!loaded.problems.empty())
                    throw ProgrammeError("项目报告表格（project_forms." + rf.duty + "）有问题：" + out.problems.back());
                rf.form = std::move(loaded.form);
                for (SectionSpec& section : rf.form.sections)  // a field's rules cite the form's clause
                    for (FieldSpec& field : section.fields)
                        if (field.clause.empty()) field.clause = rf.clause;
                p.report_forms.push_back(std::move(rf));
            }
        if (p.review_criteria.empty()) p.review_criteria = default_review_criteria(p.form);
        out.programme = std::move(p);
    } catch (const std::exception& e) {
        out.programme.reset();
        out.error = std::string("申报计划文件有误：") + e.what();
        if (out.problems.empty()) out.problems.push_back(e.what());
    }
    return out;
}

}  // namespace shenbao

namespace shenbao {

bool ReviewCriterion::applies_to(KindId kind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::vector<ReviewCriterion> default_review_criteria(const FormSpec& form) {
    // 附件2: 精品学术交流活动 are chosen 择优, 按活动规模和主办活动级别综合考量; every kind is
    // judged on what its 申报书 sets out (内容与实施计划, 预期成果). Each criterion is named by
    // the form's field it looks at, so the label stays the form's.
    const std::vector<KindId> academic{KindId::AcademicExchange};
    const std::string academic_clause = "附件2·精品学术交流活动";
    struct Default {
        const char* field;
        const char* hint;
        double weight;
        bool academic_only;
    };
    const Default defaults[] = {
        {"details.scale", "参会人数与范围，与所报规模是否相符", 2, true},
        {"details.level", "主办、承办的层级与合作单位", 2, true},
        {"plan.content", "内容是否充实，实施计划是否可行", 2, false},
        {"plan.expected_results", "成果是否具体、可考核", 1, false},
    };
    std::vector<ReviewCriterion> out;
    for (const Default& d : defaults) {
        const FieldSpec* field = form.field(d.field);
        if (!field) continue;
        out.push_back({d.field, field->label, d.hint, 10, d.weight, d.academic_only ? academic : std::vector<KindId>{},
                       d.academic_only ? academic_clause : std::string()});
    }
    if (out.empty()) out.push_back({"overall", "综合评价", "", 100, 1, {}, ""});  // a form without those fields
    return out;
}

std::string review_criteria_json(const std::vector<ReviewCriterion>& criteria) {
    json out = json::array();
    for (const ReviewCriterion& c : criteria) {
        json kinds = json::array();
        for (KindId k : c.kinds) kinds.push_back(kind_key(k));
        out.push_back({{"id", c.id},
                       {"label", c.label},
                       {"hint", c.hint},
                       {"max_score", c.max_score},
                       {"weight", c.weight},
                       {"kinds", kinds},
                       {"clause", c.clause}});
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<ReviewCriterion> read_review_criteria(std::string_view text, std::string& error) {
    try {
        const json j = json::parse(text.begin(), text.end(), nullptr, false);
        if (!j.is_array()) throw ProgrammeError("评审指标应为列表");
        return parse_criteria(j);
    } catch (const std::exception& e) {
        error = e.what();
        return {};
    }
}

const Programme* ProgrammeSet::find(const std::string& id) const {
    for (const Programme& p : all)
        if (p.id == id) return &p;
    return nullptr;
}

ProgrammeSet load_programmes(const std::vector<const char*>& files, std::string& error) {
    ProgrammeSet set;
    for (const char* text : files) {
        ProgrammeLoad loaded = load_programme(text);
        if (!loaded.programme) {
            if (error.empty()) error = loaded.error;
            continue;
        }
        if (set.find(loaded.programme->id)) {
            if (error.empty()) error = "申报计划 " + loaded.programme->id + " 重复";
            continue;
        }
        set.all.push_back(std::move(*loaded.programme));
    }
    std::stable_sort(set.all.begin(), set.all.end(), [](const Programme& a, const Programme& b) {
        return a.year != b.year ? a.year > b.year : a.version > b.version;
    });
    return set;
}

}  // namespace shenbao
