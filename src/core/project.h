// The funded project: what the call asks of an approved application afterwards, with
// dates (附件2 精品学术交流活动 备注3: 活动实施前后10天需向市科协报备; 申报说明8: 活动结束后10日
// 内提交佐证材料, 学会科技服务站和企会协作 实施期内接受中期评估和验收). The dates come from the
// application's 实施时间 and the programme's day counts; what is done is kept with the
// draft (ProjectRecord).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "application.h"
#include "codec.h"
#include "date.h"
#include "programme.h"

namespace shenbao {

enum class Duty { Report, Evidence, MidTerm, Acceptance };
constexpr Duty kDuties[] = {Duty::Report, Duty::Evidence, Duty::MidTerm, Duty::Acceptance};
// The duty's key in files (programme project_forms, ProjectRecord::reports): report,
// evidence, mid_term, acceptance.
const char* duty_key(Duty duty);
std::optional<Duty> duty_from_key(std::string_view key);
const char* duty_label(Duty duty);  // 报备, 提交佐证材料, 中期评估, 验收

struct Milestone {
    Duty duty{};
    std::string label;  // 报备, 提交佐证材料, 中期评估, 验收
    Date opens, due;    // the window, both days included
    std::string clause;
    std::string done_at;  // ISO 8601 UTC when marked done; empty while not
};

// The duties of an approved project in date order, each with its window:
//   报备       (kinds with report_days) from report_days before the start to report_days after the end;
//   佐证材料   from the end to evidence_days after it;
//   中期评估   (kinds with a mid-term review) from the start to the middle of the period;
//   验收       (the same kinds) from the middle to the end.
// Empty when the project was not approved or its start and end dates do not parse.
std::vector<Milestone> project_timeline(const Programme& programme, const Application& app,
                                        const ProjectRecord& project);

// Where a duty stands on `today`, and what the list says of it (zh-CN).
struct DueState {
    enum class State { Done, NotYet, Open, DueToday, Overdue } state = State::NotYet;
    int days = 0;         // until it opens (NotYet), until it is due (Open), since it was (Overdue)
    bool urgent = false;  // due within 3 days, today, or overdue: it stands out
    std::string text;     // 3 天后截止, 今天截止, 已逾期 2 天, 5月15日起, 已完成
};
DueState due_state(const Milestone& m, const Date& today);

// The field of the record that keeps when a duty was done.
std::string& done_at(ProjectRecord& project, Duty duty);
const std::string& done_at(const ProjectRecord& project, Duty duty);

}  // namespace shenbao
