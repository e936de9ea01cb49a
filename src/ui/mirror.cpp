#include "mirror.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "field_access.h"
#include "item_hook.h"

namespace ui {

using namespace shenbao;

namespace {

bool is_text_role(const std::string& role) { return role == "textbox"; }

// The lists a screen reader is told of: items whose names start alike are the entries
// of one list, named as a sighted person would name the panel.
struct ListOfItems {
    std::string_view prefix, name;
};
constexpr ListOfItems kLists[] = {
    {"draft.", "我的草稿"},
    {"finding.", "检查结果"},
    {"review.row.", "收到的申报"},
    {"expert.row.", "评审包中的申报书"},
    {"due.", "待办"},
};

std::string_view list_of(std::string_view item_name) {
    for (const ListOfItems& list : kLists)
        if (item_name.substr(0, list.prefix.size()) == list.prefix) return list.name;
    return {};
}

// Appends `text` as a JSON string. Text is UTF-8 (ImGui's fields keep it so); quotes,
// backslashes and control characters are escaped.
// Runs of bytes that need no escaping are appended whole: a draft's long texts are
// tens of thousands of bytes, written again each time the mirror changes.
void append_string(std::string& out, std::string_view text) {
    out += '"';
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool quote = c == '"' || c == '\\';
        if (!quote && static_cast<unsigned char>(c) >= 0x20) continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        if (quote) {
            out += '\\';
            out += c;
        } else {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void append_field(std::string& out, const char* key, std::string_view text) {
    out += ",\"";
    out += key;
    out += "\":";
    append_string(out, text);
}

// With one decimal, as "%.1f" writes it, without printf (a frame writes thousands).
void append_number(std::string& out, const char* key, double value) {
    out += ",\"";
    out += key;
    out += "\":";
    long long tenths = std::llround(value * 10);
    if (tenths < 0) {
        out += '-';
        tenths = -tenths;
    }
    out += std::to_string(tenths / 10);
    out += '.';
    out += static_cast<char>('0' + tenths % 10);
}

// An item in a row of one of the form's tables: a cell (budget.lines[2].amount) or a row's
// button (row.budget.lines[2].remove).
struct TableCellOf {
    const FieldSpec* table = nullptr;
    size_t row = 0;
};
TableCellOf table_cell_of(std::string_view name, const std::unordered_map<std::string_view, const FieldSpec*>& fields) {
    if (name.substr(0, 4) == "row.") name.remove_prefix(4);
    const std::optional<CellPath> cell = parse_cell_path(name);
    if (!cell) return {};
    const auto field = fields.find(cell->table);
    if (field == fields.end() || field->second->input != InputKind::Table) return {};
    return {field->second, cell->row};
}

}  // namespace

std::vector<MirrorNode> MirrorNodes(AppState& s) {
    const Draft* d = s.mode == Mode::Drafting && s.page == Page::Form ? s.current() : nullptr;
    // Looked up once per frame, not once per item: the items ImGui saw, the form's fields,
    // and the findings of each field.
    std::unordered_map<ImGuiID, const SubmittedItem*> submitted;
    for (const SubmittedItem& item : SubmittedItems()) submitted[item.id] = &item;
    std::unordered_map<std::string_view, const FieldSpec*> fields;
    std::unordered_map<std::string_view, std::vector<const Finding*>> findings;
    if (d) {
        for (const SectionSpec& section : s.programme->form.sections)
            for (const FieldSpec& f : section.fields) fields.emplace(f.path, &f);
        for (const Finding& f : d->findings)
            if (f.severity != Severity::Info) findings[f.field].push_back(&f);
    }
    std::vector<MirrorNode> nodes;
    nodes.reserve(s.layout.size());
    std::unordered_set<std::string_view> seen_keys;
    for (const LaidOutItem& item : s.layout) {
        if (!seen_keys.insert(item.name).second) continue;  // one node per name: the first item that has it
        std::string node = "{\"k\":";
        append_string(node, item.name);
        append_field(node, "r", item.role);
        append_field(node, "n", item.label);
        append_number(node, "x", item.x);
        append_number(node, "y", item.y);
        append_number(node, "w", item.w);
        append_number(node, "h", item.h);
        if (item.focused) node += ",\"foc\":1";
        if (const std::string_view list = list_of(item.name); !list.empty()) append_field(node, "g", list);
        if (!item.dialog.empty()) append_field(node, "dg", item.dialog);
        if (const TableCellOf cell = table_cell_of(item.name, fields); cell.table) {
            append_field(node, "tb", cell.table->label);
            node += ",\"tr\":" + std::to_string(cell.row + 1);
        }
        if (item.role == "slider")
            append_field(node, "v", std::to_string(static_cast<int>(s.settings.ui_scale * 100 + 0.5f)));
        if (item.value) append_field(node, "v", *item.value);
        if (const auto seen = item.id ? submitted.find(item.id) : submitted.end(); seen != submitted.end()) {
            const SubmittedItem& x = *seen->second;
            if (x.item_flags & ImGuiItemFlags_Disabled) node += ",\"dis\":1";
            if (x.status & ImGuiItemStatusFlags_Checkable)
                node += (x.status & ImGuiItemStatusFlags_Checked) ? ",\"chk\":1" : ",\"chk\":0";
            if (x.status & ImGuiItemStatusFlags_Openable)
                node += (x.status & ImGuiItemStatusFlags_Opened) ? ",\"exp\":1" : ",\"exp\":0";
        }
        if (d) {
            if (is_text_role(item.role) && !item.value) append_field(node, "v", text_at_path(d->app, item.name));
            if (const auto f = fields.find(item.name);
                f != fields.end() && f->second->need_for(d->app.cover.kind) == Need::Required)
                node += ",\"req\":1";
            if (const auto found = findings.find(item.name); found != findings.end()) {
                std::string about;
                bool error = false;
                for (const Finding* f : found->second) {
                    error = error || f->severity == Severity::Error;
                    if (!about.empty()) about += "；";
                    about += f->message + (f->clause.empty() ? "" : "（" + f->clause + "）");
                }
                if (error) node += ",\"inv\":1";
                append_field(node, "d", about);
            }
        }
        node += '}';
        nodes.push_back({item.name, std::move(node)});
    }
    return nodes;
}

std::string MirrorDelta(const std::vector<MirrorNode>& before, const std::vector<MirrorNode>& now) {
    std::unordered_map<std::string_view, std::string_view> was;
    for (const MirrorNode& n : before) was.emplace(n.key, n.json);
    bool same_keys = before.size() == now.size();
    for (size_t i = 0; same_keys && i < now.size(); ++i) same_keys = before[i].key == now[i].key;
    std::string changed;
    for (const MirrorNode& n : now) {
        const auto it = was.find(n.key);
        if (it != was.end() && it->second == n.json) continue;
        changed += changed.empty() ? "" : ",";
        changed += n.json;
    }
    if (same_keys && changed.empty()) return "";
    std::string out = "{\"nodes\":[" + changed + "]";
    if (!same_keys) {
        nlohmann::json keys = nlohmann::json::array();
        for (const MirrorNode& n : now) keys.push_back(n.key);
        out += ",\"keys\":" + keys.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    return out + "}";
}

std::string MirrorFindText(AppState& s) {
    const Draft* d = s.mode == Mode::Drafting ? s.current() : nullptr;
    if (!d) return "[]";
    const FormSpec& form = s.programme->form;
    std::string out = "[";
    for (const TypedText& typed : typed_texts(form, d->app)) {
        const size_t open = typed.path.find('[');
        const FieldSpec* field = form.field(typed.path.substr(0, open));
        std::string label = field ? field->label : "";
        if (field && open != std::string::npos) {  // a cell: the table's label and the column's
            const std::string column = typed.path.substr(typed.path.find("].", open) + 2);
            for (const ColumnSpec& c : field->columns)
                if (c.key == column && c.label != label) label += " " + c.label;
        }
        out += out.size() > 1 ? ",{\"k\":" : "{\"k\":";
        append_string(out, typed.path);
        append_field(out, "n", label);
        append_field(out, "t", typed.text);
        out += '}';
    }
    return out + "]";
}

std::string MirrorStatus(AppState& s) {
    std::string text;
    switch (s.save_state()) {
        case SaveState::Saved: text = "已保存"; break;
        case SaveState::Failed: text = "保存失败"; break;
        case SaveState::Unavailable: text = "无法保存到本机"; break;
        default: return "";  // saving: what was said stands until it is done
    }
    if (const Draft* d = s.mode == Mode::Drafting ? s.current() : nullptr) {
        const size_t errors = count_severity(s.page_checks(*d).findings, Severity::Error);
        text += errors ? " · 还有 " + std::to_string(errors) + " 个错误" : std::string(" · 没有错误");
    }
    return text;
}

}  // namespace ui
