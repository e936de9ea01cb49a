// The funded project in 申报 mode: what is due across the drafts (the list's 待办, the first
// thing a society sees), and one project's duties with their windows beside its form.
#include <imgui.h>

#include <algorithm>

#include "project.h"
#include "views.h"
#include "widgets.h"

namespace ui {

using namespace shenbao;

namespace {

// A duty not done yet, with the draft it belongs to.
struct Due {
    Draft* draft;
    Milestone milestone;
    DueState state;
};

std::vector<Due> open_duties(AppState& s) {
    std::vector<Due> out;
    for (Draft& d : s.drafts()) {
        if (!d.meta.project) continue;
        for (Milestone& m : project_timeline(s.call_of(d), d.app, *d.meta.project)) {
            DueState state = due_state(m, s.today);
            if (state.state != DueState::State::Done) out.push_back({&d, std::move(m), std::move(state)});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Due& a, const Due& b) { return a.milestone.due < b.milestone.due; });
    return out;
}

unsigned colour_of(const DueState& state) {
    return state.state == DueState::State::Overdue ? colour::kError
           : state.urgent                          ? colour::kWarning
                                                   : ImGui::GetColorU32(ImGuiCol_Text);
}

}  // namespace

void DrawDueList(AppState& s) {
    const std::vector<Due> due = open_duties(s);
    if (due.empty()) return;
    MutedText("待办（" + std::to_string(due.size()) + "）");
    for (const Due& x : due) {
        // The duty and its date first: a long project name is what gets shortened.
        const std::string line =
            x.milestone.label + " " + x.state.text + "：《" + x.draft->app.cover.project_name + "》";
        ImGui::PushID((x.draft->id + x.milestone.label).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, colour_of(x.state));
        if (ImGui::Selectable(FitText(line, ImGui::GetContentRegionAvail().x).c_str())) {
            s.request(cmd::OpenDraft{x.draft->id});
            if (s.width != Width::Wide) s.request(cmd::ShowPane{Pane::Checks});  // where the duties are
        }
        ImGui::PopStyleColor();
        NoteItem(s, "due." + x.draft->id + "." + std::to_string(static_cast<int>(x.milestone.duty)),
                 line + "，截止 " + x.milestone.due.chinese(), "row");
        ImGui::PopID();
    }
    ImGui::Spacing();
}

void DrawProject(AppState& s, Draft& d) {
    if (!d.meta.project) return;
    const ProjectRecord& p = *d.meta.project;
    ImGui::PushStyleColor(ImGuiCol_Text, colour::kAccent);
    ImGui::TextUnformatted("立项与进度");
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0);
    if (!p.approved) {
        ImGui::TextUnformatted("市科协决定：不予资助");
        if (!p.note.empty()) MutedText(p.note);
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        return;
    }
    MoneyField amount{p.amount};
    ImGui::TextUnformatted(("已批准，资助 " + (amount.value() ? amount.value()->display() : p.amount) + " 元").c_str());
    if (!p.note.empty()) MutedText(p.note);
    const std::vector<Milestone> timeline = project_timeline(s.call_of(d), d.app, p);
    if (timeline.empty()) MutedText("填写实施时间（开始、结束日期）后显示报备、佐证材料等期限。");
    for (const Milestone& m : timeline) {
        const DueState state = due_state(m, s.today);
        ImGui::PushID(static_cast<int>(m.duty));
        bool done = state.state == DueState::State::Done;
        const std::string label = m.label + "：" + state.text;
        ImGui::PushStyleColor(ImGuiCol_Text, colour_of(state));
        if (ImGui::Checkbox(label.c_str(), &done)) s.request(cmd::MarkDuty{d.id, m.duty, done});
        ImGui::PopStyleColor();
        NoteItem(s, "project." + std::to_string(static_cast<int>(m.duty)), label, "checkbox");
        MutedText(m.opens.iso() + " 至 " + m.due.iso() + (m.clause.empty() ? "" : "（" + m.clause + "）"));
        if (const ReportForm* form = s.call_of(d).report_form(duty_key(m.duty))) {
            const bool on_screen = s.page == Page::Report && s.report_duty == m.duty;
            const std::string open = (on_screen ? "正在填写" : "填写") + form->title;
            ImGui::BeginDisabled(on_screen);
            if (MinorButton(open.c_str())) s.request(cmd::OpenReport{d.id, m.duty});
            ImGui::EndDisabled();
            NoteItem(s, "project.open." + std::string(duty_key(m.duty)), open, "button");
        }
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
}

}  // namespace ui
