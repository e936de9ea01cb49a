#include "form.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "field_access.h"

namespace shenbao {

using nlohmann::json;

namespace {

const std::pair<InputKind, const char*> kInputKeys[] = {
    {InputKind::Text, "text"},
    {InputKind::LongText, "long_text"},
    {InputKind::Date, "date"},
    {InputKind::Money, "money"},
    {InputKind::Phone, "phone"},
    {InputKind::Number, "number"},
    {InputKind::Unit, "unit"},
    {InputKind::Choice, "choice"},
    {InputKind::Check, "check"},
    {InputKind::Choices, "choices"},
    {InputKind::Confirmations, "confirmations"},
    {InputKind::Table, "table"},
    {InputKind::Kind, "kind"},
    {InputKind::Assigned, "assigned"},
    {InputKind::ExpenseKind, "expense_kind"},
};

// The inputs whose value is one text (stored in a text slot or as an extra).
bool is_text_input(InputKind k) {
    switch (k) {
        case InputKind::Text:
        case InputKind::LongText:
        case InputKind::Date:
        case InputKind::Money:
        case InputKind::Phone:
        case InputKind::Number:
        case InputKind::Unit:
        case InputKind::Choice:
        case InputKind::Assigned: return true;
        default: return false;
    }
}

bool valid_path(const std::string& path) {
    if (path.empty() || path.front() == '.' || path.back() == '.' || path.find("..") != std::string::npos) return false;
    return std::all_of(path.begin(), path.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'; });
}

// Reads the form, noting each problem and going on, so that one run lists them all.
class FormReader {
public:
    // `report_prefix`: empty for the 申报书; a report form's path prefix otherwise.
    FormReader(const std::vector<std::string>& option_lists, const std::vector<KindId>& kinds,
               std::string report_prefix = {})
        : option_lists_(option_lists), kinds_(kinds), report_prefix_(std::move(report_prefix)) {}

    FormLoad read(const json& form) {
        if (!form.is_object() || !form.contains("sections") || !form["sections"].is_array()) {
            problem("form", "应为对象，含 sections 列表（申报书的各部分）");
            return std::move(out_);
        }
        const json& sections = form["sections"];
        for (size_t i = 0; i < sections.size(); ++i)
            out_.form.sections.push_back(section(sections[i], "form.sections[" + std::to_string(i) + "]"));
        check_references();
        return std::move(out_);
    }

private:
    void problem(const std::string& where, const std::string& message) { out_.problems.push_back({where, message}); }

    std::string text(const json& j, const char* key, const std::string& where, bool needed) {
        if (!j.contains(key)) {
            if (needed) problem(where, std::string("缺少 ") + key);
            return {};
        }
        if (!j[key].is_string()) {
            problem(where + "." + key, "应为文本");
            return {};
        }
        return j[key].get<std::string>();
    }

    size_t count(const json& j, const char* key, const std::string& where, size_t fallback) {
        if (!j.contains(key)) return fallback;
        if (!j[key].is_number_integer() || j[key].get<long long>() < 0) {
            problem(where + "." + key, "应为不小于 0 的整数");
            return fallback;
        }
        return static_cast<size_t>(j[key].get<long long>());
    }

    std::vector<KindId> kind_list(const json& j, const char* key, const std::string& where) {
        std::vector<KindId> out;
        if (!j.contains(key)) return out;
        if (!j[key].is_array()) {
            problem(where + "." + key, "应为项目类别 id 的列表");
            return out;
        }
        for (const json& v : j[key]) {
            auto k = v.is_string() ? kind_from_key(v.get<std::string>()) : std::nullopt;
            if (!k)
                problem(where + "." + key, "未知的项目类别：" + v.dump());
            else if (std::find(kinds_.begin(), kinds_.end(), *k) == kinds_.end())
                problem(where + "." + key, std::string("项目类别 ") + kind_key(*k) + " 不在本申报计划的 kinds 中");
            else
                out.push_back(*k);
        }
        return out;
    }

    std::map<KindId, std::string> per_kind(const json& j, const char* key, const std::string& where) {
        std::map<KindId, std::string> out;
        if (!j.contains(key)) return out;
        if (!j[key].is_object()) {
            problem(where + "." + key, "应为对象（项目类别 id → 文本）");
            return out;
        }
        for (auto it = j[key].begin(); it != j[key].end(); ++it) {
            auto k = kind_from_key(it.key());
            if (!k || !it.value().is_string())
                problem(where + "." + key, "“" + it.key() + "”不是项目类别 id，或值不是文本");
            else
                out[*k] = it.value().get<std::string>();
        }
        return out;
    }

    SectionSpec section(const json& j, const std::string& where) {
        SectionSpec s;
        if (!j.is_object()) {
            problem(where, "应为对象");
            return s;
        }
        s.id = text(j, "id", where, true);
        s.title = text(j, "title", where, true);
        s.subtitle = text(j, "subtitle", where, false);
        s.print_title = text(j, "print_title", where, false);
        s.title_for = per_kind(j, "title_for", where);
        s.subtitle_for = per_kind(j, "subtitle_for", where);
        s.layout = text(j, "layout", where, false);
        if (s.layout.empty()) s.layout = "fields";
        if (s.layout != "cover" && s.layout != "fields" && s.layout != "budget" && s.layout != "opinion")
            problem(where + ".layout", "未知的排版“" + s.layout + "”（可用 cover、fields、budget、opinion）");
        s.kinds = kind_list(j, "kinds", where);
        if (!section_ids_.insert(s.id).second && !s.id.empty()) problem(where + ".id", "部分 id“" + s.id + "”重复");
        if (!j.contains("fields") || !j["fields"].is_array()) {
            problem(where, "缺少 fields 列表");
            return s;
        }
        for (size_t i = 0; i < j["fields"].size(); ++i)
            s.fields.push_back(field(j["fields"][i], where + ".fields[" + std::to_string(i) + "]", s));
        return s;
    }

    FieldSpec field(const json& j, const std::string& where, const SectionSpec& section) {
        FieldSpec f;
        if (!j.is_object()) {
            problem(where, "应为对象");
            return f;
        }
        f.path = text(j, "path", where, true);
        f.label = text(j, "label", where, true);
        const std::string at = where + "（" + (f.path.empty() ? "?" : f.path) + "）";
        if (!f.path.empty() && !valid_path(f.path))
            problem(at + ".path", "路径只能由小写字母、数字、下划线和点组成，且不以点开头或结尾");
        const std::string input = text(j, "input", at, true);
        if (auto k = input_from_key(input))
            f.input = *k;
        else if (!input.empty())
            problem(at + ".input", "未知的输入类型“" + input + "”");
        f.print_label = text(j, "print_label", at, false);
        f.message_label = text(j, "message_label", at, false);
        f.short_label = text(j, "short_label", at, false);
        f.hint = text(j, "hint", at, false);
        f.unit = text(j, "unit", at, false);
        f.clause = text(j, "clause", at, false);
        f.after = text(j, "after", at, false);
        f.options = text(j, "options", at, false);
        f.add_label = text(j, "add_label", at, false);
        f.total_column = text(j, "total_column", at, false);
        f.min_chars_message = text(j, "min_chars_message", at, false);
        if (j.contains("others_allowed")) {
            if (j["others_allowed"].is_boolean())
                f.others_allowed = j["others_allowed"].get<bool>();
            else
                problem(at + ".others_allowed", "应为 true 或 false");
        }
        f.lines = static_cast<int>(count(j, "lines", at, 3));
        f.max_chars = count(j, "max_chars", at, 0);
        f.min_chars = count(j, "min_chars", at, 0);
        f.since = static_cast<int>(count(j, "since", at, 1));
        f.kinds = kind_list(j, "kinds", at);
        if (f.kinds.empty()) f.kinds = section.kinds;
        f.need_only_for = kind_list(j, "need_only_for", at);
        const std::string need = text(j, "need", at, false);
        if (need.empty() || need == "optional")
            f.need = Need::Optional;
        else if (need == "required")
            f.need = Need::Required;
        else if (need == "wanted")
            f.need = Need::Wanted;
        else
            problem(at + ".need", "应为 required、wanted 或 optional，而不是“" + need + "”");
        if (f.max_chars && f.min_chars > f.max_chars) problem(at, "min_chars 大于 max_chars");
        if (j.contains("columns")) {
            if (!j["columns"].is_array())
                problem(at + ".columns", "应为列表");
            else
                for (size_t i = 0; i < j["columns"].size(); ++i)
                    f.columns.push_back(column(j["columns"][i], at + ".columns[" + std::to_string(i) + "]"));
        }
        if (!f.path.empty() && !paths_.insert(f.path).second) problem(at + ".path", "字段路径“" + f.path + "”重复");
        check_storage(f, at);
        return f;
    }

    ColumnSpec column(const json& j, const std::string& where) {
        ColumnSpec c;
        if (!j.is_object()) {
            problem(where, "应为对象");
            return c;
        }
        c.key = text(j, "key", where, true);
        c.label = text(j, "label", where, true);
        c.hint = text(j, "hint", where, false);
        const std::string input = text(j, "input", where, false);
        if (input.empty())
            c.input = InputKind::Text;
        else if (auto k = input_from_key(input); k && (is_text_input(*k) || *k == InputKind::ExpenseKind))
            c.input = *k;
        else
            problem(where + ".input", "表格的列不能用输入类型“" + input + "”");
        if (j.contains("width")) {
            if (j["width"].is_number() && j["width"].get<double>() > 0)
                c.width = j["width"].get<float>();
            else
                problem(where + ".width", "应为正数");
        }
        return c;
    }

    // Whether the input kind fits where the value lives: the built-in model's slot, or an
    // extra field (one text or a yes/no).
    void check_storage(const FieldSpec& f, const std::string& at) {
        if (f.path.empty()) return;
        const Slot slot = builtin_slot(f.path);
        const bool fits = [&] {
            switch (slot) {
                case Slot::Kind: return f.input == InputKind::Kind;
                case Slot::Text: return is_text_input(f.input);
                case Slot::Flag: return f.input == InputKind::Check;
                case Slot::List: return f.input == InputKind::Choices || f.input == InputKind::Confirmations;
                case Slot::Table: return f.input == InputKind::Table;
                case Slot::None: return is_text_input(f.input) || f.input == InputKind::Check;
            }
            return false;
        }();
        if (!report_prefix_.empty()) {
            if (f.path.rfind(report_prefix_ + ".", 0) != 0 || slot != Slot::None)
                problem(at + ".path", "此表的字段路径应以 " + report_prefix_ + ". 开头");
            else if (!fits)
                problem(at + ".input", "此表的字段只能是文本、日期、金额、电话、数字、单位、单选或勾选，不能是“" +
                                           std::string(input_key(f.input)) + "”");
            return;
        }
        if (slot == Slot::None && fits) {
            const std::string section = f.path.substr(0, f.path.find('.'));
            if (f.path.find('.') == std::string::npos ||
                (section != "cover" && section != "plan" && section != "details" && section != "budget" &&
                 section != "opinion"))
                problem(at + ".path", "新增字段的路径应以 cover.、plan.、details.、budget. 或 opinion. 开头");
        }
        if (!fits) {
            problem(at + ".input", slot == Slot::None
                                       ? "新增字段只能是文本、日期、金额、电话、数字、单位、单选或勾选，不能是“" +
                                             std::string(input_key(f.input)) + "”"
                                       : "字段“" + f.path + "”的内容不能用输入类型“" + input_key(f.input) + "”");
            return;
        }
        if (f.input == InputKind::Table) {
            if (f.columns.empty()) problem(at + ".columns", "表格至少需要一列");
            const std::vector<std::string> known = builtin_columns(f.path);
            for (const ColumnSpec& c : f.columns)
                if (std::find(known.begin(), known.end(), c.key) == known.end())
                    problem(at + ".columns", "表格“" + f.path + "”没有列“" + c.key + "”");
            if (!f.total_column.empty() && std::none_of(f.columns.begin(), f.columns.end(),
                                                        [&](const ColumnSpec& c) { return c.key == f.total_column; }))
                problem(at + ".total_column", "合计列“" + f.total_column + "”不是该表格的列");
        }
        if ((f.input == InputKind::Choice || f.input == InputKind::Choices)) {
            if (f.options.empty())
                problem(at + ".options", "单选或多选字段需要 options（可选项列表的名称）");
            else if (std::find(option_lists_.begin(), option_lists_.end(), f.options) == option_lists_.end())
                problem(at + ".options", "可选项列表“" + f.options + "”在本申报计划中不存在");
        }
    }

    // Names between fields, once every field is known.
    void check_references() {
        for (const SectionSpec& s : out_.form.sections)
            for (const FieldSpec& f : s.fields)
                if (!f.after.empty()) {
                    const FieldSpec* other = out_.form.field(f.after);
                    if (!other)
                        problem("form 字段 " + f.path + ".after", "引用的字段“" + f.after + "”不存在");
                    else if (other->input != InputKind::Date || f.input != InputKind::Date)
                        problem("form 字段 " + f.path + ".after", "只有日期字段可以引用另一个日期字段");
                }
        for (const RuleNeeds& r : report_prefix_.empty() ? rule_needs() : std::vector<RuleNeeds>{}) {
            const FieldSpec* f = out_.form.field(r.path);
            if (!f)
                problem("form", std::string("规则“") + r.rule + "”需要字段“" + r.path + "”，表格中没有");
            else if (f->input != r.input)
                problem("form 字段 " + f->path,
                        std::string("规则“") + r.rule + "”要求其输入类型为 " + input_key(r.input));
        }
    }

    const std::vector<std::string>& option_lists_;
    const std::vector<KindId>& kinds_;
    const std::string report_prefix_;
    std::set<std::string> section_ids_, paths_;
    FormLoad out_;
};

}  // namespace

const char* input_key(InputKind input) {
    for (const auto& e : kInputKeys)
        if (e.first == input) return e.second;
    return "?";
}

std::optional<InputKind> input_from_key(const std::string& key) {
    for (const auto& e : kInputKeys)
        if (key == e.second) return e.first;
    return std::nullopt;
}

bool FieldSpec::shown_for(KindId kind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

Need FieldSpec::need_for(KindId kind) const {
    if (!shown_for(kind)) return Need::Optional;
    if (!need_only_for.empty() && std::find(need_only_for.begin(), need_only_for.end(), kind) == need_only_for.end())
        return Need::Optional;
    return need;
}

bool SectionSpec::shown_for(KindId kind) const {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

const std::string& SectionSpec::title_of(KindId kind) const {
    auto it = title_for.find(kind);
    return it == title_for.end() ? title : it->second;
}

const std::string& SectionSpec::subtitle_of(KindId kind) const {
    auto it = subtitle_for.find(kind);
    return it == subtitle_for.end() ? subtitle : it->second;
}

const FieldSpec* FormSpec::field(const std::string& path) const {
    for (const SectionSpec& s : sections)
        for (const FieldSpec& f : s.fields)
            if (f.path == path) return &f;
    return nullptr;
}

std::string FormSpec::label_of(const std::string& path) const {
    const FieldSpec* f = field(path);
    return f ? f->label : path;
}

std::string FormSpec::short_label_of(const std::string& path) const {
    const FieldSpec* f = field(path);
    return f ? f->headed() : path;
}

std::vector<const FieldSpec*> FormSpec::fields_for(KindId kind) const {
    std::vector<const FieldSpec*> out;
    for (const SectionSpec& s : sections)
        if (s.shown_for(kind))
            for (const FieldSpec& f : s.fields)
                if (f.shown_for(kind)) out.push_back(&f);
    return out;
}

FormLoad load_form(const json& form, const std::vector<std::string>& option_lists, const std::vector<KindId>& kinds) {
    return FormReader(option_lists, kinds).read(form);
}

FormLoad load_report_form(const json& form, const std::vector<std::string>& option_lists,
                          const std::vector<KindId>& kinds, const std::string& prefix) {
    return FormReader(option_lists, kinds, prefix).read(form);
}

const std::vector<RuleNeeds>& rule_needs() {
    static const std::vector<RuleNeeds> needs = {
        {"类别与资助标准", "cover.kind", InputKind::Kind},
        {"申报截止日期", "cover.applied_on", InputKind::Date},
        {"活动时间范围", "plan.start", InputKind::Date},
        {"活动时间范围", "plan.end", InputKind::Date},
        {"经费预算", "budget.lines", InputKind::Table},
        {"经费预算", "budget.requested", InputKind::Money},
        {"经费预算", "budget.self_raised", InputKind::Money},
        {"单位意见日期", "opinion.signed_on", InputKind::Date},
        {"审阅汇总", "cover.applicant_unit", InputKind::Unit},
        {"审阅汇总", "cover.project_name", InputKind::Text},
        {"审阅汇总", "cover.project_leader", InputKind::Text},
        {"审阅汇总", "cover.phone", InputKind::Phone},
        {"单位意见签字栏", "opinion.signatory", InputKind::Text},
    };
    return needs;
}

}  // namespace shenbao
