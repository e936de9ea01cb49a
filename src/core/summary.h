// An application as labelled rows, section by section, for reading it on screen beside
// other work (the association's 审阅 detail): the parts reviewers judge on (附件2: 按活动
// 规模和主办活动级别综合考量) that the table leaves out. The printed 申报书 stays the full
// record (print_html.h).
#pragma once
#include <string>
#include <vector>

#include "application.h"
#include "programme.h"

namespace shenbao {

struct SummaryRow {
    std::string label, value;  // value as typed; "—" when blank
};

struct SummarySection {
    std::string title;
    std::vector<SummaryRow> rows;
};

// The kind's own fields, the invited experts, the team, the indicators and the budget
// lines, in the order of the form. Sections without rows are left out.
std::vector<SummarySection> summarise(const Programme& programme, const Application& app);

}  // namespace shenbao
