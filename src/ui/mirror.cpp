#include "mirror.h"

#include <nlohmann/json.hpp>

#include "field_access.h"
#include "item_hook.h"

namespace ui {

using namespace shenbao;

namespace {

// The value at a field path: a scalar field's text, or a table cell's (list[i].column).
std::string value_at(const Application& app, const std::string& path) {
    const size_t open = path.find('[');
    if (open == std::string::npos) return text_at(app, path);
    const size_t close = path.find("].", open);
    if (close == std::string::npos) return "";
    const size_t row = static_cast<size_t>(std::stoul(path.substr(open + 1, close - open - 1)));
    return cell_at(app, path.substr(0, open), row, path.substr(close + 2));
}

bool is_text_role(const std::string& role) { return role == "textbox"; }

}  // namespace

std::string MirrorJson(AppState& s) {
    const Draft* d = s.mode == Mode::Drafting && s.page == Page::Form ? s.current() : nullptr;
    nlohmann::json nodes = nlohmann::json::array();
    for (const LaidOutItem& item : s.layout) {
        nlohmann::json node = {{"k", item.name}, {"r", item.role}, {"n", item.label}, {"x", item.x},
                               {"y", item.y},    {"w", item.w},    {"h", item.h}};
        if (item.focused) node["foc"] = 1;
        if (item.role == "slider") node["v"] = std::to_string(static_cast<int>(s.settings.ui_scale * 100 + 0.5f));
        if (const SubmittedItem* seen = item.id ? FindSubmittedItem(item.id) : nullptr) {
            if (seen->item_flags & ImGuiItemFlags_Disabled) node["dis"] = 1;
            if (seen->status & ImGuiItemStatusFlags_Checkable)
                node["chk"] = (seen->status & ImGuiItemStatusFlags_Checked) ? 1 : 0;
            if (seen->status & ImGuiItemStatusFlags_Openable)
                node["exp"] = (seen->status & ImGuiItemStatusFlags_Opened) ? 1 : 0;
        }
        if (d) {
            if (is_text_role(item.role)) node["v"] = value_at(d->app, item.name);
            if (const FieldSpec* spec = s.programme->form.field(item.name);
                spec && spec->need_for(d->app.cover.kind) == Need::Required)
                node["req"] = 1;
            std::string about;
            for (const Finding& f : d->findings) {
                if (f.field != item.name || f.severity == Severity::Info) continue;
                if (f.severity == Severity::Error) node["inv"] = 1;
                if (!about.empty()) about += "；";
                about += f.message + (f.clause.empty() ? "" : "（" + f.clause + "）");
            }
            if (!about.empty()) node["d"] = about;
        }
        nodes.push_back(std::move(node));
    }
    return nodes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
        const size_t errors = count_severity(d->findings, Severity::Error);
        text += errors ? " · 还有 " + std::to_string(errors) + " 个错误" : std::string(" · 没有错误");
    }
    return text;
}

}  // namespace ui
