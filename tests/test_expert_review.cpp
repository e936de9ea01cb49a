// Expert review by file: criteria from the programme, batches, score sheets and their
// seal, merging (missing reviews, conflicts, changed submissions, tampered and unknown
// files), decisions and the units' decision files.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "expert_review.h"
#include "helpers.h"
#include "text.h"

using namespace shenbao;
using testing::complete;
using testing::programme;
using testing::read_text;

namespace {

const Date kToday{2018, 5, 30};

std::string file_of(const Application& a, const std::string& draft_id, const std::string& updated) {
    return encode_application(a, "yancheng-2018", {draft_id, "2018-05-01T00:00:00Z", updated, "test"});
}

// Three submissions from two units: an academic event, a service station, organisation building.
ReviewSet three() {
    ReviewSet set;
    Application a = complete("academic_exchange");
    a.cover.applicant_unit = "市物理学会";
    a.cover.project_name = "青年物理论坛";
    a.budget.requested.text = "4000";
    Application b = complete("service_station");
    b.cover.applicant_unit = "市物理学会";
    Application c = complete("organisation_building");
    c.cover.applicant_unit = "市化学化工学会";
    review_add(set, programme(), "a.json", file_of(a, "d-a", "2018-05-20T00:00:00Z"), kToday);
    review_add(set, programme(), "b.json", file_of(b, "d-b", "2018-05-20T00:00:00Z"), kToday);
    review_add(set, programme(), "c.json", file_of(c, "d-c", "2018-05-20T00:00:00Z"), kToday);
    return set;
}

std::vector<std::string> ids(const ReviewSet& set) {
    std::vector<std::string> out;
    for (const Submission& s : set.items) out.push_back(s.id);
    return out;
}

// Every criterion that applies scored `score`.
void score_all(const Batch& batch, ScoreSheet& sheet, int score) {
    for (const Batch::Item& i : batch.items)
        for (const ReviewCriterion& c : batch.criteria)
            if (c.applies_to(i.app.cover.kind)) sheet.find(i.submission_id)->scores[c.id] = score;
}

Batch open(const std::string& bytes) {
    BatchRead read = read_batch(bytes);
    REQUIRE_MESSAGE(read.batch, read.error);
    return *read.batch;
}

std::string programme_with_criteria(const std::string& criteria) {
    nlohmann::json j = nlohmann::json::parse(read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
    j["review_criteria"] = nlohmann::json::parse(criteria);
    return j.dump();
}

}  // namespace

TEST_CASE("criteria come from the programme file; without them, a default set named by the form's fields") {
    const std::vector<ReviewCriterion>& defaults = programme().review_criteria;
    auto labelled = [&](const std::string& path) {
        return std::find_if(defaults.begin(), defaults.end(), [&](const ReviewCriterion& c) {
            return c.id == path && c.label == programme().form.label_of(path);
        });
    };
    // 附件2: 精品学术交流活动 择优, 按活动规模和主办活动级别综合考量.
    for (const char* path : {"details.scale", "details.level"}) {
        auto c = labelled(path);
        REQUIRE(c != defaults.end());
        CHECK(c->applies_to(KindId::AcademicExchange));
        CHECK_FALSE(c->applies_to(KindId::ServiceStation));
        CHECK(c->max_score > 0);
        CHECK(c->weight > 0);
    }
    CHECK(labelled("plan.content") != defaults.end());

    auto loaded = load_programme(programme_with_criteria(
        R"([{"id": "impact", "label": "社会影响", "max_score": 5, "weight": 3, "kinds": ["service_station"]},
            {"id": "all", "label": "总体", "max_score": 20, "weight": 0.5}])"));
    REQUIRE_MESSAGE(loaded.programme, loaded.error);
    const auto& criteria = loaded.programme->review_criteria;
    REQUIRE(criteria.size() == 2);
    CHECK(criteria[0].label == "社会影响");
    CHECK(criteria[0].max_score == 5);
    CHECK(criteria[0].weight == 3);
    CHECK(criteria[0].applies_to(KindId::ServiceStation));
    CHECK_FALSE(criteria[0].applies_to(KindId::AcademicExchange));
    CHECK(criteria[1].applies_to(KindId::AcademicExchange));

    for (const char* bad : {R"([])", R"([{"id": "x", "label": "X", "max_score": 0, "weight": 1}])",
                            R"([{"id": "x", "label": "X", "max_score": 10, "weight": 0}])",
                            R"([{"id": "x", "label": "X", "max_score": 10, "weight": 1, "kinds": ["nope"]}])",
                            R"([{"id": "x", "label": "X", "max_score": 10, "weight": 1},
                                {"id": "x", "label": "Y", "max_score": 10, "weight": 1}])",
                            R"([{"id": "x", "max_score": 10, "weight": 1}])"}) {
        auto refused = load_programme(programme_with_criteria(bad));
        CHECK_MESSAGE(!refused.programme, bad);
        CHECK(refused.error.find("review_criteria") != std::string::npos);
    }
}

TEST_CASE("a batch carries the chosen submissions as received and the criteria, and refuses to open when altered") {
    const ReviewSet set = three();
    const WrittenBatch written = write_batch(programme(), set, {set.items[0].id, set.items[2].id, "s-unknown"},
                                             "专家甲", "2018-06-05T02:00:00Z");
    CHECK(written.sent.items.size() == 2);
    CHECK(written.sent.fingerprint.size() == 64);
    CHECK(is_batch_file(written.bytes));
    CHECK_FALSE(is_score_file(written.bytes));
    // Nothing else of the association's data: no proposed amounts, comments, other submissions.
    ReviewSet reviewed = set;
    reviewed.items[0].comment = "内部意见";
    reviewed.items[0].proposed.text = "3000";
    const WrittenBatch again = write_batch(programme(), reviewed, {set.items[0].id}, "专家甲", "2018-06-05T02:00:00Z");
    CHECK(again.bytes.find("内部意见") == std::string::npos);
    CHECK(again.bytes.find(set.items[1].fingerprint) == std::string::npos);

    const Batch batch = open(written.bytes);
    CHECK(batch.batch_id == written.sent.batch_id);
    CHECK(batch.fingerprint == written.sent.fingerprint);
    CHECK(batch.expert == "专家甲");
    REQUIRE(batch.items.size() == 2);
    CHECK(batch.items[0].fingerprint == set.items[0].fingerprint);
    CHECK(batch.items[0].bytes == set.items[0].bytes);
    CHECK(batch.items[0].file_name == "a.json");
    CHECK(batch.programme_id == programme().id);
    CHECK(new_sheet(batch).expert == "专家甲");  // the name it was given to, to be corrected by the expert
    CHECK(new_sheet(batch).programme_id == programme().id);
    // A reviewer's file is not a batch.
    ScoreSheet signed_sheet = new_sheet(batch);
    CHECK(read_batch(write_score_file(signed_sheet, "2018-06-05T03:00:00Z")).error == "这不是专家评审包");
    // A review of a submission the batch does not hold is never complete.
    CHECK_FALSE(review_complete(batch, ExpertReview{"s-elsewhere", "", false, {}, ""}));
    CHECK(batch.items[1].app.cover.kind == KindId::OrganisationBuilding);
    CHECK(batch.criteria.size() == programme().review_criteria.size());
    CHECK(batch.criteria[0].label == programme().review_criteria[0].label);

    // A submission inside it edited by hand: refused, naming it.
    std::string altered = written.bytes;
    const std::string name = set.items[0].app.cover.project_name;
    altered.replace(altered.find(name), name.size(), "改过的名称");
    const BatchRead refused = read_batch(altered);
    CHECK_FALSE(refused.batch);
    CHECK(refused.error.find("指纹不符") != std::string::npos);
    for (
        const std::string bad :
        {std::string("{}"), std::string("not json"),
         std::string(R"({"schema": "shenbao.review_batch", "schema_version": 2})"),
         std::string(
             R"({"schema": "shenbao.review_batch", "schema_version": 1, "batch_id": "b-0123456789abcdef", "criteria": [{"id": "a", "label": "A", "max_score": 10, "weight": 1}], "submissions": []})"),
         std::string(
             R"({"schema": "shenbao.review_batch", "schema_version": 1, "batch_id": "../../x", "submissions": []})")}) {
        const BatchRead r = read_batch(bad);
        CHECK_FALSE(r.batch);
        CHECK_FALSE(r.error.empty());
    }
}

TEST_CASE("a score sheet is signed only when complete; conflicts carry no scores; the seal shows an edit") {
    const ReviewSet set = three();
    const Batch batch = open(write_batch(programme(), set, ids(set), "", "2018-06-05T02:00:00Z").bytes);
    ScoreSheet sheet = new_sheet(batch);
    REQUIRE(sheet.reviews.size() == 3);
    std::vector<std::string> problems = sign_off_problems(batch, sheet);
    CHECK(problems.size() == 4);  // no name, three not scored
    CHECK(problems[0] == "请填写专家姓名");
    sheet.expert = "  王教授 ";
    score_all(batch, sheet, 8);
    CHECK(sign_off_problems(batch, sheet).empty());
    // A score out of range, or a criterion missing: not complete.
    const std::string first = batch.criteria[0].id;
    sheet.reviews[0].scores[first] = batch.criteria[0].max_score + 1;
    CHECK(sign_off_problems(batch, sheet).size() == 1);
    sheet.reviews[0].scores.erase(first);
    CHECK_FALSE(review_complete(batch, sheet.reviews[0]));
    sheet.reviews[0].conflict = true;  // 回避: complete without scores
    CHECK(review_complete(batch, sheet.reviews[0]));
    CHECK(sign_off_problems(batch, sheet).empty());

    // Progress round trip.
    sheet.reviews[1].comment = "内容充实";
    const std::optional<ScoreSheet> kept = decode_sheet(encode_sheet(sheet));
    REQUIRE(kept);
    CHECK(kept->expert == sheet.expert);
    CHECK(kept->reviews[1].comment == "内容充实");
    CHECK(kept->reviews[1].scores == sheet.reviews[1].scores);
    CHECK(kept->reviews[0].conflict);
    CHECK_FALSE(decode_sheet("[]"));
    // A backup's sheet: taken only when edited later, and only for the same batch.
    ScoreSheet older = *kept, newer = *kept;
    older.updated_at = "2018-06-01T00:00:00Z";
    newer.updated_at = "2018-06-02T00:00:00Z";
    newer.reviews[1].comment = "改过";
    ScoreSheet here = older;
    CHECK(take_newer_sheet(here, newer));
    CHECK(here.reviews[1].comment == "改过");
    CHECK_FALSE(take_newer_sheet(here, older));
    CHECK(here.reviews[1].comment == "改过");
    CHECK_FALSE(take_newer_sheet(here, newer));  // the same time: nothing to take
    ScoreSheet other = newer;
    other.batch_id = "b-ffffffffffffffff";
    other.updated_at = "2019-01-01T00:00:00Z";
    CHECK_FALSE(take_newer_sheet(here, other));
    CHECK_FALSE(decode_sheet(R"({"schema": "shenbao.review_sheet", "reviews": []})"));
    CHECK_FALSE(decode_sheet(R"({"schema": "shenbao.review_sheet", "batch_id": "b-1"})"));  // no reviews
    CHECK(kept->programme_id == programme().id);

    const std::string file = write_score_file(sheet, "2018-06-08T09:00:00Z");
    CHECK(is_score_file(file));
    CHECK(nlohmann::json::parse(file)["schema_version"] == 1);
    CHECK_FALSE(decode_sheet(file));  // a signed file is not the sheet being worked on
    CHECK(read_score_file("s.json", encode_sheet(sheet)).error == "这不是专家评分文件");
    const ReceivedScores read = read_score_file("王.json", file);
    CHECK(read.error.empty());
    CHECK(read.sealed);
    CHECK(read.sheet.expert == "王教授");
    CHECK(read.sheet.signed_at == "2018-06-08T09:00:00Z");
    CHECK(read.sheet.batch_fingerprint == batch.fingerprint);
    CHECK(read.sheet.reviews[0].conflict);
    CHECK(read.sheet.reviews[0].scores.empty());
    CHECK(read.bytes == file);

    // One score raised by hand after sign-off.
    nlohmann::json edited = nlohmann::json::parse(file);
    edited["reviews"][1]["scores"][batch.criteria.back().id] = 10;
    const ReceivedScores tampered = read_score_file("王.json", edited.dump());
    CHECK(tampered.error.empty());
    CHECK_FALSE(tampered.sealed);
    edited.erase("seal");
    CHECK_FALSE(read_score_file("王.json", edited.dump()).sealed);
    CHECK_FALSE(read_score_file("x.json", "garbage").error.empty());
    // A file over 64 MB is not read at all, whatever it holds.
    const std::string huge = R"({"schema": "shenbao.review_scores", "pad": ")" + std::string(65u << 20, 'x') + "\"}";
    CHECK_FALSE(is_score_file(huge));
    CHECK_FALSE(read_score_file("x.json", R"({"schema": "shenbao.review_scores"})").error.empty());
}

TEST_CASE("what a file is, told by its top-level schema without reading it whole") {
    CHECK(is_batch_file(R"({"schema": "shenbao.review_batch"})"));
    CHECK(is_batch_file(R"({"title": {"schema": "x"}, "list": [1, {"schema": 2}], "schema": "shenbao.review_batch"})"));
    // Read no further than the schema: a batch damaged after it is still a batch (which
    // then refuses to open, saying why), not an application.
    const std::string damaged = R"({"schema": "shenbao.review_batch", "criteria": [)";
    CHECK(is_batch_file(damaged));
    CHECK_FALSE(read_batch(damaged).error.empty());
    CHECK_FALSE(is_batch_file(R"({"inner": {"schema": "shenbao.review_batch"}})"));  // not the top level
    CHECK_FALSE(is_batch_file(R"([{"schema": "shenbao.review_batch"}])"));
    CHECK_FALSE(is_batch_file(R"({"schema": ["shenbao.review_batch"]})"));
    CHECK_FALSE(is_batch_file(R"({"schema": {"name": "shenbao.review_batch"}})"));
    CHECK_FALSE(is_batch_file(R"({"schema": 1, "x": "shenbao.review_batch"})"));
    CHECK_FALSE(is_batch_file(R"({"schema": "shenbao.review_scores"})"));
    CHECK_FALSE(is_batch_file(R"("shenbao.review_batch")"));
    CHECK_FALSE(is_batch_file(R"({"other": 1} {"schema": "shenbao.review_batch"})"));  // after the top level
    CHECK_FALSE(is_batch_file(""));
    CHECK_FALSE(is_batch_file("{"));
    CHECK(is_decision_file(R"({"schema":"shenbao.decision"})"));
}

TEST_CASE("weighted totals are out of 100 over the criteria of the kind") {
    const std::vector<ReviewCriterion> criteria{{"a", "A", "", 10, 2, {KindId::AcademicExchange}, ""},
                                                {"b", "B", "", 5, 1, {}, ""}};
    // Academic: (8*2 + 5*1) / (10*2 + 5*1) = 21/25.
    CHECK(*weighted_total(criteria, KindId::AcademicExchange, {{"a", 8}, {"b", 5}}) == doctest::Approx(84));
    // Service station: only b applies.
    CHECK(*weighted_total(criteria, KindId::ServiceStation, {{"b", 4}}) == doctest::Approx(80));
    CHECK_FALSE(weighted_total(criteria, KindId::AcademicExchange, {{"b", 4}}));
    CHECK_FALSE(weighted_total(criteria, KindId::ServiceStation, {{"b", 6}}));   // above the range
    CHECK_FALSE(weighted_total(criteria, KindId::ServiceStation, {{"b", -1}}));  // below it
    CHECK(*weighted_total(criteria, KindId::ServiceStation, {{"b", 0}}) == doctest::Approx(0));
    CHECK(*weighted_total(criteria, KindId::ServiceStation, {{"b", 5}}) == doctest::Approx(100));
    // No criterion for the kind: no total (not a division by zero).
    const std::vector<ReviewCriterion> academic_only{{"a", "A", "", 10, 2, {KindId::AcademicExchange}, ""}};
    CHECK_FALSE(weighted_total(academic_only, KindId::ServiceStation, {}));
    // A single small criterion (1 point, weight 0.5) still gives a total.
    CHECK(*weighted_total({{"x", "X", "", 1, 0.5, {}, ""}}, KindId::ServiceStation, {{"x", 1}}) ==
          doctest::Approx(100));
}

TEST_CASE("merging: means and spread, a conflict, missing reviews, a changed submission, tampered and unknown files") {
    ReviewSet set = three();
    const std::string now = "2018-06-05T02:00:00Z";
    std::vector<SentBatch> sent;
    const WrittenBatch to_a = write_batch(programme(), set, ids(set), "专家甲", now);
    const WrittenBatch to_b = write_batch(programme(), set, ids(set), "专家乙", now);
    const WrittenBatch to_c = write_batch(programme(), set, {set.items[2].id}, "专家丙", now);  // never returned
    for (const WrittenBatch* w : {&to_a, &to_b, &to_c}) sent.push_back(w->sent);
    CHECK(to_a.sent.batch_id != to_b.sent.batch_id);

    const Batch batch_a = open(to_a.bytes), batch_b = open(to_b.bytes);
    ScoreSheet a = new_sheet(batch_a), b = new_sheet(batch_b);
    a.expert = "甲";
    b.expert = "乙";
    score_all(batch_a, a, 8);
    score_all(batch_b, b, 6);
    b.reviews[1].conflict = true;  // 乙 declares a conflict on the service station
    b.reviews[2].scores.clear();   // and left the third unscored (a file signed some other way)
    std::vector<ReceivedScores> received{read_score_file("a.json", write_score_file(a, "2018-06-08T00:00:00Z")),
                                         read_score_file("b.json", write_score_file(b, "2018-06-09T00:00:00Z"))};

    MergedScores m = merge_scores(programme(), set, sent, received);
    REQUIRE(m.files.size() == 2);
    CHECK(m.files[0].problem.empty());
    CHECK(m.files[1].problem.empty());
    REQUIRE(m.submissions.size() == 3);
    const MergedSubmission& academic = *m.find(set.items[0].id);
    CHECK(academic.counted == 2);
    CHECK(*academic.mean == doctest::Approx(70));  // 80 and 60
    CHECK(*academic.spread == doctest::Approx(20));
    REQUIRE_FALSE(academic.criterion_means.empty());
    CHECK(academic.criterion_means[0].second == doctest::Approx(7));
    CHECK(academic.missing.empty());
    const MergedSubmission& station = *m.find(set.items[1].id);
    CHECK(station.conflicts == 1);
    CHECK(station.counted == 1);
    CHECK(*station.mean == doctest::Approx(80));
    CHECK(*station.spread == doctest::Approx(0));
    CHECK(station.missing.empty());  // a conflict is an answer
    const MergedSubmission& building = *m.find(set.items[2].id);
    CHECK(building.counted == 1);
    // 乙 did not score it; 丙 never sent anything back.
    CHECK(building.missing == std::vector<std::string>{"专家乙", "专家丙"});
    REQUIRE(building.reviews.size() == 2);
    CHECK(building.reviews[1].flag == "评分不完整");

    // The academic event is resubmitted after scoring, and the new version kept.
    Application changed = set.items[0].app;
    changed.plan.place = "盐城市会议中心";
    REQUIRE(review_add(set, programme(), "a2.json", file_of(changed, "d-a", "2018-06-10T00:00:00Z"), kToday) ==
            ReviewAdd::Resubmitted);
    review_resolve(set, 0, true);
    // A file edited after sign-off, and one for a batch this association never sent.
    nlohmann::json edited = nlohmann::json::parse(write_score_file(a, "2018-06-08T00:00:00Z"));
    edited["reviews"][2]["scores"]["plan.content"] = 10;
    ScoreSheet stranger = a;
    stranger.batch_id = "b-ffffffffffffffff";
    received = {read_score_file("a.json", edited.dump()),
                read_score_file("b.json", write_score_file(b, "2018-06-09T00:00:00Z")),
                read_score_file("x.json", write_score_file(stranger, "2018-06-09T00:00:00Z"))};
    m = merge_scores(programme(), set, sent, received);
    CHECK(m.files[0].problem.find("封签不符") != std::string::npos);
    CHECK(m.files[1].problem.empty());
    CHECK(m.files[2].problem == "本机没有发出过这个评审包");
    const MergedSubmission& resubmitted = *m.find(set.items[0].id);
    // Every review of it is of the earlier version, or in a file that does not count.
    CHECK(resubmitted.counted == 0);
    CHECK_FALSE(resubmitted.mean);
    bool flagged_changed = false;
    for (const MergedReview& r : resubmitted.reviews) flagged_changed |= r.flag == "评分后申报书已更换为新版本";
    CHECK(flagged_changed);
    // The tampered file counts for nothing: the building's only counted review was 甲's.
    CHECK(m.find(set.items[2].id)->counted == 0);
    CHECK(m.find(set.items[2].id)->missing == std::vector<std::string>{"专家甲", "专家乙", "专家丙"});

    // The same file twice is one; a later sign-off of the same batch replaces the earlier.
    received = {read_score_file("b.json", write_score_file(b, "2018-06-09T00:00:00Z")),
                read_score_file("b-copy.json", write_score_file(b, "2018-06-09T00:00:00Z"))};
    m = merge_scores(programme(), set, sent, received);
    CHECK(m.files[1].problem == "与另一个评分文件相同");
    b.reviews[2].scores = a.reviews[2].scores;
    received.push_back(read_score_file("b-later.json", write_score_file(b, "2018-06-11T00:00:00Z")));
    m = merge_scores(programme(), set, sent, received);
    CHECK(m.files[0].problem == "同一评审包已有较新的评分文件");
    CHECK(m.files[2].problem.empty());
    CHECK(m.find(set.items[2].id)->counted == 1);

    // 丙's batch held only the building; a file of that batch that also scores the academic
    // event (edited in another app, sealed again) is not counted for it.
    const Batch batch_c = open(to_c.bytes);
    ScoreSheet c = new_sheet(batch_c);
    c.expert = "丙";
    score_all(batch_c, c, 7);
    ExpertReview extra = a.reviews[0];
    extra.fingerprint = set.items[0].fingerprint;
    c.reviews.push_back(extra);
    m = merge_scores(programme(), set, sent, {read_score_file("c.json", write_score_file(c, "2018-06-12T00:00:00Z"))});
    REQUIRE(m.find(set.items[0].id));
    REQUIRE(m.find(set.items[0].id)->reviews.size() == 1);
    CHECK(m.find(set.items[0].id)->reviews[0].flag == "不在发出的评审包中");
    CHECK(m.find(set.items[2].id)->counted == 1);

    // What the association keeps of the batches it sent.
    const std::vector<SentBatch> kept = decode_sent_batches(encode_sent_batches(sent));
    REQUIRE(kept.size() == 3);
    CHECK(kept[1].expert == "专家乙");
    CHECK(kept[1].fingerprint == to_b.sent.fingerprint);
    CHECK(kept[2].items.size() == 1);
    CHECK(kept[2].items[0].fingerprint == set.items[2].fingerprint);
    CHECK(nlohmann::json::parse(encode_sent_batches(sent))["schema_version"] == 1);
    const std::vector<SentBatch> bare =
        decode_sent_batches(R"({"batches": [{"batch_id": "b-1", "fingerprint": "f"}]})");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].items.empty());
    CHECK(decode_sent_batches("garbage").empty());
    CHECK(decode_sent_batches(R"({"batches": [1, {"batch_id": ""}]})").empty());
}

TEST_CASE("decisions: an amount outside the standard is refused everywhere; each unit gets its decisions") {
    ReviewSet set = three();
    Submission& academic = set.items[0];  // 1000-5000, requested 4000
    academic.decision = {Verdict::Approved, {"6000"}, ""};
    Findings fs = check_review(programme(), academic);
    REQUIRE_FALSE(fs.empty());
    CHECK(fs[0].field == "review.decision.amount");
    CHECK(fs[0].severity == Severity::Error);
    CHECK_FALSE(approved_amount(programme(), academic));
    academic.decision.amount.text = "";
    CHECK(check_review(programme(), academic)[0].message == "批准资助，请填写批准金额");
    academic.decision.amount.text = "0";
    CHECK_FALSE(approved_amount(programme(), academic));
    academic.decision.amount.text = "4500";  // within the standard, above the request: a warning only
    fs = check_review(programme(), academic);
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].severity == Severity::Warning);
    CHECK(*approved_amount(programme(), academic) == Money::yuan(4500));
    set.items[1].decision = {Verdict::Approved, {"3000.01"}, ""};  // the station's fixed 3000: refused
    set.items[2].decision = {Verdict::NotApproved, {}, "材料不全"};

    const ReviewTotals t = review_totals(programme(), set);
    CHECK(t.overall.approved_count == 1);
    CHECK(t.overall.approved == Money::yuan(4500));
    const std::string html = review_publication_html(programme(), set);
    CHECK(html.find(academic.app.cover.project_name) != std::string::npos);
    CHECK(html.find(set.items[1].app.cover.project_name) == std::string::npos);
    CHECK(html.find(set.items[2].app.cover.project_name) == std::string::npos);
    const std::string csv = review_csv(programme(), set);
    CHECK(csv.find("\"批准\",\"4500\"") != std::string::npos);
    CHECK(csv.find("\"不予资助\"") != std::string::npos);
    CHECK(csv.find("\"材料不全\"") != std::string::npos);

    std::vector<DecisionFile> files = write_decision_files(programme(), set, "2018-06-20T08:00:00Z");
    REQUIRE(files.size() == 2);  // 市化学化工学会 and 市物理学会 (the refused station is left out, not the unit)
    const auto physics =
        std::find_if(files.begin(), files.end(), [](const DecisionFile& f) { return f.unit == "市物理学会"; });
    REQUIRE(physics != files.end());
    CHECK(physics->file_name.find("市物理学会") != std::string::npos);
    CHECK(physics->file_name.find(".json") != std::string::npos);
    CHECK(is_decision_file(physics->bytes));
    DecisionRead read = read_decision_file(physics->bytes);
    CHECK(read.error.empty());
    CHECK(read.unit == "市物理学会");
    CHECK(read.issuer == programme().issuer);
    REQUIRE(read.decisions.size() == 1);
    CHECK(read.decisions[0].approved);
    CHECK(*read.decisions[0].amount == Money::yuan(4500));
    CHECK(read.decisions[0].fingerprint == academic.fingerprint);
    CHECK(read.decisions[0].draft_id == "d-a");
    CHECK(physics->bytes.find(set.items[2].app.cover.project_name) == std::string::npos);  // another unit's
    CHECK(physics->bytes.find(set.items[1].fingerprint) == std::string::npos);  // the refused amount is not decided
    CHECK(nlohmann::json::parse(physics->bytes)["schema_version"] == 1);
    const auto chemistry =
        std::find_if(files.begin(), files.end(), [](const DecisionFile& f) { return f.unit != "市物理学会"; });
    read = read_decision_file(chemistry->bytes);
    REQUIRE(read.decisions.size() == 1);
    CHECK_FALSE(read.decisions[0].approved);
    CHECK(read.decisions[0].note == "材料不全");
    CHECK_FALSE(read_decision_file("{}").error.empty());
    CHECK_FALSE(read_decision_file(R"({"schema": "shenbao.decision"})").error.empty());
    CHECK_FALSE(read_decision_file(R"({"schema": "shenbao.decision", "decisions": 5})").error.empty());
    CHECK_FALSE(read_decision_file(R"({"schema": "shenbao.other", "decisions": []})").error.empty());
    CHECK(read_decision_file(R"({"schema": "shenbao.decision", "decisions": [1, "x"]})").decisions.empty());
    CHECK_FALSE(read_decision_file(physics->bytes.substr(0, 40)).error.empty());
}
