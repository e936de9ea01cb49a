// The funded project: the timeline of its duties from the activity's dates, where each
// stands on a day (both sides of every bound), the record in the draft's file, and a
// decision file recorded on the right drafts.
#include <doctest/doctest.h>

#include <algorithm>

#include "expert_review.h"
#include "helpers.h"
#include "memory_fs.h"
#include "project.h"
#include "workspace.h"

using namespace shenbao;
using testing::complete;
using testing::programme;

namespace {

Application dated(const std::string& kind, const char* start, const char* end) {
    Application a = complete(kind);
    a.plan.start.text = start;
    a.plan.end.text = end;
    return a;
}

ProjectRecord approved() {
    ProjectRecord p;
    p.approved = true;
    p.amount = "3000";
    return p;
}

const Milestone& of(const std::vector<Milestone>& t, Duty duty) {
    auto it = std::find_if(t.begin(), t.end(), [&](const Milestone& m) { return m.duty == duty; });
    REQUIRE(it != t.end());
    return *it;
}

DueState on(const Milestone& m, const char* day) { return due_state(m, *Date::parse(day)); }

}  // namespace

TEST_CASE("the duties of each kind, from the activity's dates and the programme's day counts") {
    // 精品学术交流活动: 报备 around the activity (备注3), 佐证材料 within 10 days of its end.
    const auto academic =
        project_timeline(programme(), dated("academic_exchange", "2018-09-15", "2018-09-16"), approved());
    REQUIRE(academic.size() == 2);
    const Milestone& report = of(academic, Duty::Report);
    CHECK(report.label == "报备");
    CHECK(report.opens == Date{2018, 9, 5});
    CHECK(report.due == Date{2018, 9, 26});
    CHECK(report.clause == "附件2·精品学术交流活动·备注3");
    const Milestone& evidence = of(academic, Duty::Evidence);
    CHECK(evidence.opens == Date{2018, 9, 16});
    CHECK(evidence.due == Date{2018, 9, 26});
    CHECK(evidence.clause == programme().evidence_clause);

    // 学会科技服务站: no 报备; 中期评估 at the middle of the period, 验收 at its end (说明8).
    const auto station =
        project_timeline(programme(), dated("service_station", "2018-07-01", "2018-12-31"), approved());
    REQUIRE(station.size() == 3);
    CHECK(station[0].duty == Duty::MidTerm);
    CHECK(station[0].due == Date{2018, 9, 30});  // 183 days: the middle is 91 days in
    CHECK(station[1].duty == Duty::Acceptance);
    CHECK(station[1].opens == Date{2018, 9, 30});
    CHECK(station[1].due == Date{2018, 12, 31});
    CHECK(station[2].duty == Duty::Evidence);
    CHECK(station[2].due == Date{2019, 1, 10});  // over the year's end
    CHECK(
        project_timeline(programme(), dated("enterprise_cooperation", "2018-07-01", "2018-08-01"), approved()).size() ==
        3);
    CHECK(
        project_timeline(programme(), dated("organisation_building", "2018-07-01", "2018-08-01"), approved()).size() ==
        1);

    // Not approved, dates missing or reversed: no duties.
    ProjectRecord refused;
    CHECK(project_timeline(programme(), dated("academic_exchange", "2018-09-15", "2018-09-16"), refused).empty());
    CHECK(project_timeline(programme(), dated("academic_exchange", "", "2018-09-16"), approved()).empty());
    CHECK(project_timeline(programme(), dated("academic_exchange", "2018-09-16", "2018-09-15"), approved()).empty());
}

TEST_CASE("where a duty stands: both sides of each 10-day bound, over months") {
    // An activity from 30 May to 2 June: 报备 from 20 May to 12 June, 佐证材料 by 12 June.
    const auto t = project_timeline(programme(), dated("academic_exchange", "2018-05-30", "2018-06-02"), approved());
    const Milestone& report = of(t, Duty::Report);
    CHECK(report.opens == Date{2018, 5, 20});
    CHECK(report.due == Date{2018, 6, 12});
    CHECK(on(report, "2018-05-19").state == DueState::State::NotYet);
    CHECK(on(report, "2018-05-19").days == 1);
    CHECK(on(report, "2018-05-19").text == "5月20日起");
    CHECK_FALSE(on(report, "2018-05-19").urgent);
    CHECK(on(report, "2018-05-20").state == DueState::State::Open);
    CHECK(on(report, "2018-05-20").text == "23 天后截止");
    CHECK_FALSE(on(report, "2018-05-20").urgent);
    CHECK(on(report, "2018-06-08").urgent == false);  // 4 days left
    CHECK(on(report, "2018-06-09").text == "3 天后截止");
    CHECK(on(report, "2018-06-09").urgent);
    CHECK(on(report, "2018-06-12").state == DueState::State::DueToday);
    CHECK(on(report, "2018-06-12").text == "今天截止");
    CHECK(on(report, "2018-06-13").state == DueState::State::Overdue);
    CHECK(on(report, "2018-06-13").text == "已逾期 1 天");
    CHECK(on(report, "2018-07-13").days == 31);
    const Milestone& evidence = of(t, Duty::Evidence);
    CHECK(on(evidence, "2018-06-01").state == DueState::State::NotYet);  // before the end
    CHECK(on(evidence, "2018-06-02").state == DueState::State::Open);
    CHECK(on(evidence, "2018-06-12").state == DueState::State::DueToday);
    CHECK(on(evidence, "2018-06-13").state == DueState::State::Overdue);
    Milestone done = evidence;
    done.done_at = "2018-06-05T02:00:00Z";
    CHECK(on(done, "2018-07-01").state == DueState::State::Done);
    CHECK(on(done, "2018-07-01").text == "已完成");
    CHECK_FALSE(on(done, "2018-07-01").urgent);
}

TEST_CASE("the project is kept in the draft's file; a decision file is recorded on the drafts it was made on") {
    DocumentMeta meta{"d1", "2018-05-01T00:00:00Z", "2018-05-20T00:00:00Z", "test"};
    ProjectRecord p = approved();
    p.note = "按期报备";
    p.issuer = "盐城市科学技术协会";
    p.done_report = "2018-09-01T00:00:00Z";
    meta.project = p;
    Decoded back = decode_application(encode_application(complete("academic_exchange"), "yancheng-2018", meta));
    CHECK(back.findings.empty());
    REQUIRE(back.meta.project);
    CHECK(back.meta.project->approved);
    CHECK(back.meta.project->amount == "3000");
    CHECK(back.meta.project->note == "按期报备");
    CHECK(back.meta.project->done_report == "2018-09-01T00:00:00Z");
    CHECK(back.meta.project->done_evidence.empty());
    meta.project.reset();
    CHECK_FALSE(
        decode_application(encode_application(complete("academic_exchange"), "yancheng-2018", meta)).meta.project);

    // The association decides on what it received; the unit imports the decision file.
    testing::MemoryFileSystem fs;
    Store store(fs, "/d", "yancheng-2018");
    Workspace<WorkDraft> ws(store, programme(), "test");
    WorkDraft& a = ws.create(KindId::AcademicExchange, "d-a", "2018-05-01T00:00:00Z");
    a.app = complete("academic_exchange");
    a.app.cover.applicant_unit = "市物理学会";
    WorkDraft& b = ws.create(KindId::ServiceStation, "d-b", "2018-05-01T00:00:00Z");
    b.app = complete("service_station");
    b.app.cover.applicant_unit = "市物理学会";
    ReviewSet set;
    for (const WorkDraft* d : {ws.find("d-a"), ws.find("d-b")})
        review_add(set, programme(), d->id + ".json", ws.encode(*d), Date{2018, 5, 30});
    set.items[0].decision = {Verdict::Approved, {"4000"}, "同意"};
    set.items[1].decision = {Verdict::NotApproved, {}, "不符合条件"};
    const std::vector<DecisionFile> files = write_decision_files(programme(), set, "2018-06-20T00:00:00Z");
    REQUIRE(files.size() == 1);
    // The second draft was edited after it was handed in: matched by its draft id.
    ws.find("d-b")->app.plan.place = "改过的地点";
    const std::vector<std::string> recorded = ws.record_decisions(read_decision_file(files[0].bytes));
    CHECK(recorded == std::vector<std::string>{"d-a", "d-b"});
    WorkDraft& first = *ws.find("d-a");
    REQUIRE(first.meta.project);
    CHECK(first.meta.project->approved);
    CHECK(first.meta.project->amount == "4000");
    CHECK(first.meta.project->issuer == programme().issuer);
    CHECK(first.dirty());
    REQUIRE(ws.find("d-b")->meta.project);
    CHECK_FALSE(ws.find("d-b")->meta.project->approved);
    CHECK(ws.find("d-b")->meta.project->note == "不符合条件");
    // Marked done, then the same file again: what was done stays.
    ws.mark_duty(first, Duty::Report, "2018-09-01T00:00:00Z");
    ws.record_decisions(read_decision_file(files[0].bytes));
    CHECK(ws.find("d-a")->meta.project->done_report == "2018-09-01T00:00:00Z");
    ws.mark_duty(*ws.find("d-a"), Duty::Report, "");
    CHECK(ws.find("d-a")->meta.project->done_report.empty());
    // A decision for nobody here records nothing.
    DecisionRead stranger = read_decision_file(files[0].bytes);
    for (ReceivedDecision& d : stranger.decisions) d.fingerprint = d.draft_id = "x";
    CHECK(ws.record_decisions(stranger).empty());
}
