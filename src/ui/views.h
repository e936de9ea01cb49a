// The views: each draws AppState and records intents; none holds domain state.
#pragma once
#include "app_state.h"

namespace ui {

// The office theme at 界面大小 ui_scale; with `touch`, every control at least 44 CSS px
// high, as touch screens need.
void ApplyTheme(float ui_scale, bool touch);
bool TouchTheme();              // the theme was applied for touch
void DrawApp(AppState& state);  // the whole window: top bar, drafts, form, checks
void DrawForm(AppState& state, Draft& draft);
void DrawChecks(AppState& state, Draft& draft);
void DrawNewDraft(AppState& state);              // choosing the kind of a new application
void DrawHandIn(AppState& state, Draft& draft);  // print, export, email
void DrawImportReport(AppState& state);
void DrawStorage(AppState& state);                      // storage health and backups
void DrawRevisions(AppState& state, Draft& draft);      // revisions, compared and restorable
void DrawReviewLeft(AppState& state);                   // 审阅 mode: import, exports, problems
void DrawReviewCenter(AppState& state);                 // the table, or one submission
void DrawReviewTotals(AppState& state);                 // per kind and per unit
void DrawReportToolbar(AppState& state, Draft& draft);  // 申报: back, print, hand in a report
void DrawReport(AppState& state, Draft& draft);         // 申报: a funded project's report and its files
void DrawProjectOverview(AppState& state);              // 审阅: the approved projects' reports and units' progress
// The parts of the report on screen's form (the checks pane groups its findings by them).
std::vector<shenbao::FormPart> ReportParts(AppState& state, Draft& draft);
void DrawDueList(AppState& state);                // 申报: what the projects have due, across drafts
void DrawProject(AppState& state, Draft& draft);  // a project's decision and duties (the checks pane)
void DrawExpertLeft(AppState& state);             // 评审 mode: the batch's submissions, the name, signing off
void DrawExpertCenter(AppState& state);           // one submission and its scores
void DrawExpertChecks(AppState& state);           // the criteria, and what is left before signing

}  // namespace ui
