#include "expert_review.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "print_html.h"
#include "sha256.h"
#include "text.h"

namespace shenbao {

using nlohmann::json;

namespace {

constexpr const char* kBatchSchema = "shenbao.review_batch";
constexpr const char* kScoresSchema = "shenbao.review_scores";
constexpr const char* kSheetSchema = "shenbao.review_sheet";
constexpr const char* kDecisionSchema = "shenbao.decision";
constexpr size_t kMaxReviewFileBytes = 64u * 1024 * 1024;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json parse(std::string_view bytes) {
    if (bytes.size() > kMaxReviewFileBytes) return json();
    return json::parse(bytes.begin(), bytes.end(), nullptr, false);
}

// The top-level "schema" of a JSON text, read without building the document: the scan
// stops at it. Every file dropped on the app is asked what it is, one kind after another,
// and reading each whole for that was a quarter of importing 1000 applications.
class SchemaScan : public nlohmann::json_sax<json> {
public:
    std::optional<std::string> schema;  // set when the top level is an object whose "schema" is a string

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& s) override {
        if (depth_ == 1 && at_schema_) {
            schema = s;
            return false;  // found: stop
        }
        return scalar();
    }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return --depth_ > 0; }  // the top level closed: stop
    bool end_array() override { return --depth_ > 0; }
    bool key(string_t& k) override {
        if (depth_ == 1) at_schema_ = k == "schema";
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    // A value other than a string where the schema is, or at the top level: no schema.
    bool scalar() const { return depth_ > 0 && !(depth_ == 1 && at_schema_); }
    bool open(bool object) {
        if ((depth_ == 0 && !object) || (depth_ == 1 && at_schema_)) return false;
        ++depth_;
        return true;
    }
    int depth_ = 0;
    bool at_schema_ = false;
};

bool has_schema(std::string_view bytes, const char* schema) {
    if (bytes.size() > kMaxReviewFileBytes) return false;
    SchemaScan scan;
    json::sax_parse(bytes.begin(), bytes.end(), &scan, nlohmann::detail::input_format_t::json, false);
    return scan.schema && *scan.schema == schema;
}

std::string text_of(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

json review_json(const ExpertReview& r) {
    json scores = json::object();
    for (const auto& [id, score] : r.scores) scores[id] = score;
    return {{"submission", r.submission_id},
            {"fingerprint", r.fingerprint},
            {"conflict", r.conflict},
            {"scores", scores},
            {"comment", r.comment}};
}

ExpertReview review_from(const json& j) {
    ExpertReview r;
    r.submission_id = text_of(j, "submission");
    r.fingerprint = text_of(j, "fingerprint");
    r.conflict = j.contains("conflict") && j["conflict"].is_boolean() && j["conflict"].get<bool>();
    if (j.contains("scores") && j["scores"].is_object())
        for (auto it = j["scores"].begin(); it != j["scores"].end(); ++it)
            if (it.value().is_number_integer()) r.scores[it.key()] = it.value().get<int>();
    r.comment = text_of(j, "comment");
    return r;
}

// The sheet's content, without the seal.
json sheet_json(const ScoreSheet& sheet, const char* schema) {
    json reviews = json::array();
    for (const ExpertReview& r : sheet.reviews) reviews.push_back(review_json(r));
    return {{"schema", schema},
            {"schema_version", 1},
            {"batch_id", sheet.batch_id},
            {"batch_fingerprint", sheet.batch_fingerprint},
            {"programme", sheet.programme_id},
            {"expert", sheet.expert},
            {"signed_at", sheet.signed_at},
            {"updated_at", sheet.updated_at},
            {"reviews", reviews}};
}

std::optional<ScoreSheet> sheet_from(const json& j) {
    if (!j.is_object() || !j.contains("reviews") || !j["reviews"].is_array()) return std::nullopt;
    ScoreSheet s;
    s.batch_id = text_of(j, "batch_id");
    s.batch_fingerprint = text_of(j, "batch_fingerprint");
    s.programme_id = text_of(j, "programme");
    s.expert = text_of(j, "expert");
    s.signed_at = text_of(j, "signed_at");
    s.updated_at = text_of(j, "updated_at");
    if (s.batch_id.empty()) return std::nullopt;
    for (const json& r : j["reviews"])
        if (r.is_object()) s.reviews.push_back(review_from(r));
    return s;
}

std::string seal_of(const json& content) { return sha256_hex(dump(content)); }

const SentBatch* find_sent(const std::vector<SentBatch>& sent, const std::string& id) {
    for (const SentBatch& b : sent)
        if (b.batch_id == id) return &b;
    return nullptr;
}

}  // namespace

bool is_batch_file(std::string_view bytes) { return has_schema(bytes, kBatchSchema); }
bool is_score_file(std::string_view bytes) { return has_schema(bytes, kScoresSchema); }
bool is_decision_file(std::string_view bytes) { return has_schema(bytes, kDecisionSchema); }

WrittenBatch write_batch(const Programme& programme, const ReviewSet& set, const std::vector<std::string>& submissions,
                         const std::string& expert, const std::string& now) {
    WrittenBatch out;
    json items = json::array();
    std::string identity = now + "\n" + expert;
    for (const std::string& id : submissions) {
        const Submission* s = set.find(id);
        if (!s) continue;
        items.push_back(
            {{"id", s->id}, {"fingerprint", s->fingerprint}, {"file_name", s->file_name}, {"file", s->bytes}});
        out.sent.items.push_back({s->id, s->fingerprint});
        identity += "\n" + s->fingerprint;
    }
    out.sent.batch_id = "b-" + sha256_hex(identity).substr(0, 16);
    out.sent.expert = expert;
    out.sent.created_at = now;
    const json doc = {{"schema", kBatchSchema},
                      {"schema_version", 1},
                      {"batch_id", out.sent.batch_id},
                      {"expert", expert},
                      {"created_at", now},
                      {"programme", programme.id},
                      {"title", programme.name + "专家评审"},
                      {"criteria", json::parse(review_criteria_json(programme.review_criteria))},
                      {"submissions", items}};
    out.bytes = doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    out.sent.fingerprint = sha256_hex(out.bytes);
    return out;
}

BatchRead read_batch(std::string_view bytes) {
    BatchRead out;
    if (bytes.size() > kMaxReviewFileBytes) {
        out.error = "评审包文件过大";
        return out;
    }
    const json j = parse(bytes);
    if (!j.is_object() || text_of(j, "schema") != kBatchSchema) {
        out.error = "这不是专家评审包";
        return out;
    }
    if (!j.contains("schema_version") || j["schema_version"] != 1) {
        out.error = "评审包的版本较新，请先更新申报助手";
        return out;
    }
    Batch b;
    b.batch_id = text_of(j, "batch_id");
    b.fingerprint = sha256_hex(bytes);
    b.expert = text_of(j, "expert");
    b.created_at = text_of(j, "created_at");
    b.programme_id = text_of(j, "programme");
    b.title = text_of(j, "title");
    if (b.batch_id.size() != 18 || b.batch_id.rfind("b-", 0) != 0 ||
        !std::all_of(b.batch_id.begin() + 2, b.batch_id.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
        out.error = "评审包缺少有效的编号";
        return out;
    }
    std::string criteria_error;
    b.criteria = j.contains("criteria") ? read_review_criteria(dump(j["criteria"]), criteria_error)
                                        : std::vector<ReviewCriterion>{};
    if (b.criteria.empty()) {
        out.error = "评审包的评审指标有误" + (criteria_error.empty() ? "" : "：" + criteria_error);
        return out;
    }
    if (!j.contains("submissions") || !j["submissions"].is_array() || j["submissions"].empty()) {
        out.error = "评审包中没有申报书";
        return out;
    }
    for (const json& item : j["submissions"]) {
        Batch::Item i;
        i.submission_id = text_of(item, "id");
        i.fingerprint = text_of(item, "fingerprint");
        i.file_name = text_of(item, "file_name");
        i.bytes = text_of(item, "file");
        Decoded d = decode_application(i.bytes);
        if (!d.application || d.fingerprint != i.fingerprint || i.submission_id.empty()) {
            out.error = "评审包中的申报书“" + i.file_name + "”与其指纹不符，文件可能已被改动";
            return out;
        }
        i.app = std::move(*d.application);
        b.items.push_back(std::move(i));
    }
    out.batch = std::move(b);
    return out;
}

ExpertReview* ScoreSheet::find(const std::string& id) {
    for (ExpertReview& r : reviews)
        if (r.submission_id == id) return &r;
    return nullptr;
}

const ExpertReview* ScoreSheet::find(const std::string& id) const {
    for (const ExpertReview& r : reviews)
        if (r.submission_id == id) return &r;
    return nullptr;
}

ScoreSheet new_sheet(const Batch& batch) {
    ScoreSheet s;
    s.batch_id = batch.batch_id;
    s.batch_fingerprint = batch.fingerprint;
    s.programme_id = batch.programme_id;
    s.expert = batch.expert;
    for (const Batch::Item& i : batch.items) s.reviews.push_back({i.submission_id, i.fingerprint, false, {}, ""});
    return s;
}

std::optional<double> weighted_total(const std::vector<ReviewCriterion>& criteria, KindId kind,
                                     const std::map<std::string, int>& scores) {
    double got = 0, most = 0;
    for (const ReviewCriterion& c : criteria) {
        if (!c.applies_to(kind)) continue;
        auto it = scores.find(c.id);
        if (it == scores.end() || it->second < 0 || it->second > c.max_score) return std::nullopt;
        got += it->second * c.weight;
        most += c.max_score * c.weight;
    }
    if (most <= 0) return std::nullopt;
    return got / most * 100;
}

bool review_complete(const Batch& batch, const ExpertReview& review) {
    if (review.conflict) return true;
    for (const Batch::Item& i : batch.items)
        if (i.submission_id == review.submission_id)
            return weighted_total(batch.criteria, i.app.cover.kind, review.scores).has_value();
    return false;
}

std::vector<std::string> sign_off_problems(const Batch& batch, const ScoreSheet& sheet) {
    std::vector<std::string> out;
    if (trim(sheet.expert).empty()) out.push_back("请填写专家姓名");
    for (const Batch::Item& i : batch.items) {
        const ExpertReview* r = sheet.find(i.submission_id);
        if (!r || !review_complete(batch, *r))
            out.push_back("《" + i.app.cover.project_name + "》尚未评完（每项指标都要打分，或声明回避）");
    }
    return out;
}

std::string encode_sheet(const ScoreSheet& sheet) { return dump(sheet_json(sheet, kSheetSchema)); }

std::optional<ScoreSheet> decode_sheet(std::string_view text) {
    const json j = parse(text);
    if (!j.is_object() || text_of(j, "schema") != kSheetSchema) return std::nullopt;
    return sheet_from(j);
}

bool take_newer_sheet(ScoreSheet& here, const ScoreSheet& incoming) {
    if (incoming.batch_id != here.batch_id || incoming.updated_at <= here.updated_at) return false;
    here = incoming;
    return true;
}

std::string write_score_file(ScoreSheet sheet, const std::string& now) {
    sheet.signed_at = now;
    sheet.expert = trim(sheet.expert);
    for (ExpertReview& r : sheet.reviews)
        if (r.conflict) r.scores.clear();  // a declared conflict carries no scores
    json doc = sheet_json(sheet, kScoresSchema);
    doc["seal"] = seal_of(doc);
    return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

ReceivedScores read_score_file(const std::string& file_name, std::string_view bytes) {
    ReceivedScores out;
    out.file_name = file_name;
    json j = parse(bytes);
    if (!j.is_object() || text_of(j, "schema") != kScoresSchema) {
        out.error = "这不是专家评分文件";
        return out;
    }
    std::optional<ScoreSheet> sheet = sheet_from(j);
    if (!sheet) {
        out.error = "评分文件内容不完整";
        return out;
    }
    out.file_fingerprint = sha256_hex(bytes);
    out.bytes = std::string(bytes);
    const std::string seal = text_of(j, "seal");
    j.erase("seal");
    out.sealed = !seal.empty() && seal == seal_of(j);
    out.sheet = std::move(*sheet);
    return out;
}

const MergedSubmission* MergedScores::find(const std::string& id) const {
    for (const MergedSubmission& m : submissions)
        if (m.submission_id == id) return &m;
    return nullptr;
}

MergedScores merge_scores(const Programme& programme, const ReviewSet& set, const std::vector<SentBatch>& sent,
                          const std::vector<ReceivedScores>& received) {
    MergedScores out;
    const std::vector<ReviewCriterion>& criteria = programme.review_criteria;
    // Which files count: readable, and of each batch only the latest sign-off (an expert
    // may send a corrected file); the same file twice is one.
    std::vector<const ReceivedScores*> files;
    std::set<std::string> seen;
    for (const ReceivedScores& r : received) {
        ScoreFileStatus status{r.file_name, r.sheet.expert, r.error};
        if (r.error.empty() && !seen.insert(r.file_fingerprint).second) status.problem = "与另一个评分文件相同";
        if (status.problem.empty()) {
            for (const ReceivedScores& other : received)
                if (&other != &r && other.error.empty() && other.sheet.batch_id == r.sheet.batch_id &&
                    other.sheet.signed_at > r.sheet.signed_at)
                    status.problem = "同一评审包已有较新的评分文件";
        }
        if (status.problem.empty()) {
            const SentBatch* batch = find_sent(sent, r.sheet.batch_id);
            if (!batch)
                status.problem = "本机没有发出过这个评审包";
            else if (batch->fingerprint != r.sheet.batch_fingerprint)
                status.problem = "评分所依据的评审包与发出的不一致";
            else if (!r.sealed)
                status.problem = "签署后被改动过（封签不符）";
            files.push_back(&r);
        }
        out.files.push_back(status);
    }
    auto problem_of = [&](const ReceivedScores* r) {
        for (size_t i = 0; i < received.size(); ++i)
            if (&received[i] == r) return out.files[i].problem;
        return std::string();
    };

    for (const Submission& s : set.items) {
        MergedSubmission m;
        m.submission_id = s.id;
        bool involved = false;
        auto scored_here = [&](const ExpertReview& r) {
            return r.fingerprint == s.fingerprint ||
                   std::find(s.earlier_fingerprints.begin(), s.earlier_fingerprints.end(), r.fingerprint) !=
                       s.earlier_fingerprints.end();
        };
        for (const ReceivedScores* f : files) {
            for (const ExpertReview& r : f->sheet.reviews) {
                if (!scored_here(r)) continue;
                involved = true;
                MergedReview mr{f->sheet.expert, f->file_name, r.conflict, r.scores, std::nullopt, r.comment, ""};
                if (!r.conflict) mr.total = weighted_total(criteria, s.app.cover.kind, r.scores);
                const SentBatch* batch = find_sent(sent, f->sheet.batch_id);
                const bool in_batch =
                    batch && std::any_of(batch->items.begin(), batch->items.end(),
                                         [&](const SentBatch::Item& i) { return i.fingerprint == r.fingerprint; });
                mr.flag = problem_of(f);
                if (mr.flag.empty() && !in_batch) mr.flag = "不在发出的评审包中";
                if (mr.flag.empty() && r.fingerprint != s.fingerprint) mr.flag = "评分后申报书已更换为新版本";
                if (mr.flag.empty() && !r.conflict && !mr.total) mr.flag = "评分不完整";
                if (r.conflict) ++m.conflicts;
                m.reviews.push_back(std::move(mr));
            }
        }
        // Experts it was sent to whose review has not come back.
        for (const SentBatch& b : sent) {
            const bool sent_here = std::any_of(b.items.begin(), b.items.end(), [&](const SentBatch::Item& i) {
                return i.fingerprint == s.fingerprint ||
                       std::find(s.earlier_fingerprints.begin(), s.earlier_fingerprints.end(), i.fingerprint) !=
                           s.earlier_fingerprints.end();
            });
            if (!sent_here) continue;
            involved = true;
            bool back = false;
            for (const ReceivedScores* f : files)
                if (f->sheet.batch_id == b.batch_id && problem_of(f).empty())
                    for (const ExpertReview& r : f->sheet.reviews)
                        if (scored_here(r) && (r.conflict || weighted_total(criteria, s.app.cover.kind, r.scores)))
                            back = true;
            if (!back) m.missing.push_back(b.expert);
        }
        if (!involved) continue;
        std::vector<double> totals;
        for (const ReviewCriterion& c : criteria) {
            if (!c.applies_to(s.app.cover.kind)) continue;
            double sum = 0;
            size_t n = 0;
            for (const MergedReview& r : m.reviews)
                if (r.flag.empty() && !r.conflict && r.total) {
                    sum += r.scores.at(c.id);
                    ++n;
                }
            if (n) m.criterion_means.emplace_back(c.id, sum / static_cast<double>(n));
        }
        for (const MergedReview& r : m.reviews)
            if (r.flag.empty() && !r.conflict && r.total) totals.push_back(*r.total);
        m.counted = totals.size();
        if (!totals.empty()) {
            double sum = 0;
            for (double t : totals) sum += t;
            m.mean = sum / static_cast<double>(totals.size());
            m.spread =
                *std::max_element(totals.begin(), totals.end()) - *std::min_element(totals.begin(), totals.end());
        }
        out.submissions.push_back(std::move(m));
    }
    return out;
}

std::string encode_sent_batches(const std::vector<SentBatch>& sent) {
    json out = json::array();
    for (const SentBatch& b : sent) {
        json items = json::array();
        for (const SentBatch::Item& i : b.items)
            items.push_back({{"id", i.submission_id}, {"fingerprint", i.fingerprint}});
        out.push_back({{"batch_id", b.batch_id},
                       {"fingerprint", b.fingerprint},
                       {"expert", b.expert},
                       {"created_at", b.created_at},
                       {"items", items}});
    }
    return dump(json{{"schema", "shenbao.sent_batches"}, {"schema_version", 1}, {"batches", out}});
}

std::vector<SentBatch> decode_sent_batches(std::string_view text) {
    std::vector<SentBatch> out;
    const json j = parse(text);
    if (!j.is_object() || !j.contains("batches") || !j["batches"].is_array()) return out;
    for (const json& b : j["batches"]) {
        if (!b.is_object()) continue;
        SentBatch s{
            text_of(b, "batch_id"), text_of(b, "fingerprint"), text_of(b, "expert"), text_of(b, "created_at"), {}};
        if (s.batch_id.empty() || s.fingerprint.empty()) continue;
        if (b.contains("items") && b["items"].is_array())
            for (const json& i : b["items"])
                if (i.is_object()) s.items.push_back({text_of(i, "id"), text_of(i, "fingerprint")});
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<DecisionFile> write_decision_files(const Programme& programme, const ReviewSet& set,
                                               const std::string& now) {
    std::map<std::string, json> by_unit;
    for (const Submission& s : set.items) {
        if (s.decision.verdict == Verdict::Pending) continue;
        const std::optional<Money> amount = approved_amount(programme, s);
        if (s.decision.verdict == Verdict::Approved && !amount) continue;  // refused amount: not decided yet
        json d = {{"fingerprint", s.fingerprint},
                  {"draft_id", s.meta.draft_id},
                  {"project_name", s.app.cover.project_name},
                  {"kind", kind_key(s.app.cover.kind)},
                  {"kind_name", programme.project_category_text(s.app.cover.kind)},
                  {"verdict", s.decision.verdict == Verdict::Approved ? "approved" : "not_approved"},
                  {"note", s.decision.note}};
        if (auto requested = s.requested()) d["requested"] = requested->plain();
        if (amount) d["amount"] = amount->plain();
        by_unit[programme.listed_unit_name(s.app.cover.applicant_unit)].push_back(std::move(d));
    }
    std::vector<DecisionFile> out;
    for (auto& [unit, decisions] : by_unit) {
        const json doc = {{"schema", kDecisionSchema},  {"schema_version", 1},
                          {"programme", programme.id},  {"programme_name", programme.name},
                          {"issuer", programme.issuer}, {"unit", unit},
                          {"issued_at", now},           {"decisions", decisions}};
        out.push_back({unit, safe_file_name(unit, "评审决定", now.substr(0, std::min<size_t>(10, now.size())), "json"),
                       doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n"});
    }
    return out;
}

DecisionRead read_decision_file(std::string_view bytes) {
    DecisionRead out;
    const json j = parse(bytes);
    if (!j.is_object() || text_of(j, "schema") != kDecisionSchema || !j.contains("decisions") ||
        !j["decisions"].is_array()) {
        out.error = "这不是市科协的评审决定文件";
        return out;
    }
    out.unit = text_of(j, "unit");
    out.issuer = text_of(j, "issuer");
    out.issued_at = text_of(j, "issued_at");
    out.programme_id = text_of(j, "programme");
    for (const json& d : j["decisions"]) {
        if (!d.is_object()) continue;
        ReceivedDecision r{text_of(d, "fingerprint"),
                           text_of(d, "draft_id"),
                           text_of(d, "project_name"),
                           text_of(d, "kind"),
                           text_of(d, "note"),
                           text_of(d, "verdict") == "approved",
                           std::nullopt};
        if (r.approved) {
            MoneyField amount;
            amount.text = text_of(d, "amount");
            r.amount = amount.value();
            if (!r.amount) continue;  // an approval without a readable amount says nothing usable
        }
        out.decisions.push_back(std::move(r));
    }
    return out;
}

}  // namespace shenbao
