// Expert review by file (申报说明2: 专家评审、评估认定、党组研究、结果公示).
//
// The association hands each expert a *batch*: one file holding the chosen submissions
// exactly as received and the criteria, nothing else of its data. The expert scores in
// the same app, offline, and signs off a *score file*: the scores tied to the
// fingerprints of what was scored and to the batch's fingerprint, sealed with the
// SHA-256 of its own content so that an edit after sign-off shows. The association
// merges the score files it gets back with the batches it sent, then records its
// decisions; the 公示 list, the CSV, the totals and each unit's decision file are built
// from the decisions (review.h).
//
// Words: a *batch* goes out to one expert; a *score file* comes back; a *review* is one
// expert's scores of one submission; a *decision* is the association's (评估认定 or 党组研究).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "programme.h"
#include "review.h"

namespace shenbao {

// A batch as the association records it when it writes one (its file is not kept).
struct SentBatch {
    std::string batch_id;     // "b-" + 16 hex digits
    std::string fingerprint;  // SHA-256 of the batch file's bytes
    std::string expert;       // who it was given to, as the association wrote it
    std::string created_at;   // ISO 8601 UTC
    struct Item {
        std::string submission_id, fingerprint;
    };
    std::vector<Item> items;
};

// A batch as the expert opens it.
struct Batch {
    std::string batch_id, fingerprint, expert, created_at, programme_id, title;
    std::vector<ReviewCriterion> criteria;
    struct Item {
        std::string submission_id, fingerprint, file_name, bytes;  // the file as the association received it
        Application app;
    };
    std::vector<Item> items;
};

// Writes a batch for one expert of the given submissions, and what the association keeps
// of it. `submissions` are ids in `set`; unknown ids are skipped.
struct WrittenBatch {
    std::string bytes;
    SentBatch sent;
};
WrittenBatch write_batch(const Programme& programme, const ReviewSet& set, const std::vector<std::string>& submissions,
                         const std::string& expert, const std::string& now);

struct BatchRead {
    std::optional<Batch> batch;
    std::string error;  // zh-CN, when batch is empty
};
// Never throws. A batch whose submissions do not match their fingerprints is refused.
BatchRead read_batch(std::string_view bytes);
bool is_batch_file(std::string_view bytes);

// One expert's review of one submission.
struct ExpertReview {
    std::string submission_id, fingerprint;
    bool conflict = false;              // 回避: a conflict of interest declared; no scores then
    std::map<std::string, int> scores;  // criterion id -> score
    std::string comment;
};

// What the expert works on (kept like a draft) and signs off.
struct ScoreSheet {
    std::string batch_id, batch_fingerprint, programme_id;
    std::string expert;     // the expert's name, as signed
    std::string signed_at;  // ISO 8601 UTC; empty until signed off
    std::string updated_at;
    std::vector<ExpertReview> reviews;  // one per item of the batch, in its order

    ExpertReview* find(const std::string& submission_id);
    const ExpertReview* find(const std::string& submission_id) const;
};

// A fresh sheet for a batch: one empty review per submission.
ScoreSheet new_sheet(const Batch& batch);
// Whether a review is complete: a conflict declared, or every criterion that applies to
// the submission's kind scored within its range.
bool review_complete(const Batch& batch, const ExpertReview& review);
// What stops the sheet from being signed off (zh-CN, one line each): no name, reviews
// not complete, scores out of range. Empty when it can be signed.
std::vector<std::string> sign_off_problems(const Batch& batch, const ScoreSheet& sheet);

// The sheet as the expert's app keeps it (not sealed), and back.
std::string encode_sheet(const ScoreSheet& sheet);
std::optional<ScoreSheet> decode_sheet(std::string_view json);

// Merging a backup: the incoming sheet of the same batch replaces this one when it was
// edited later (an older one changes nothing). True when it replaced.
bool take_newer_sheet(ScoreSheet& here, const ScoreSheet& incoming);

// The signed score file: the sheet with `signed_at` and a seal over its content.
std::string write_score_file(ScoreSheet sheet, const std::string& now);
bool is_score_file(std::string_view bytes);

// A score file as the association reads it.
struct ReceivedScores {
    std::string file_name;
    std::string bytes;             // the file as received (the app keeps it so)
    std::string file_fingerprint;  // SHA-256 of the file's bytes: the same file twice is one
    ScoreSheet sheet;
    bool sealed = false;  // the seal matches the content: not edited after sign-off
    std::string error;    // zh-CN: not readable at all (then nothing else is set)
};
ReceivedScores read_score_file(const std::string& file_name, std::string_view bytes);

// Per submission, what the experts said.
struct MergedReview {
    std::string expert, file_name;
    bool conflict = false;
    std::map<std::string, int> scores;
    std::optional<double> total;  // weighted, out of 100
    std::string comment;
    // Why the review does not count (zh-CN), empty when it does: the submission changed
    // since it was scored, the file was edited after sign-off, the batch was never sent.
    std::string flag;
};
struct MergedSubmission {
    std::string submission_id;
    std::vector<MergedReview> reviews;
    std::vector<std::pair<std::string, double>> criterion_means;  // in the criteria's order, counted reviews only
    std::optional<double> mean, spread;  // of the counted totals (spread: highest minus lowest)
    size_t counted = 0, conflicts = 0;
    std::vector<std::string> missing;  // experts it was sent to who have not scored it
};
struct ScoreFileStatus {
    std::string file_name, expert;
    std::string problem;  // zh-CN, empty when the file is in order
};
struct MergedScores {
    std::vector<MergedSubmission> submissions;  // in the set's order, those sent or scored
    std::vector<ScoreFileStatus> files;
    const MergedSubmission* find(const std::string& submission_id) const;
};

// The weighted total of a review, out of 100: the sum of score times weight over the sum
// of maximum times weight, for the criteria that apply to the kind. Nothing when a
// criterion that applies is not scored, or the review is a conflict.
std::optional<double> weighted_total(const std::vector<ReviewCriterion>& criteria, KindId kind,
                                     const std::map<std::string, int>& scores);

MergedScores merge_scores(const Programme& programme, const ReviewSet& set, const std::vector<SentBatch>& sent,
                          const std::vector<ReceivedScores>& received);

// What the association keeps of the batches it sent (review folder), and back.
std::string encode_sent_batches(const std::vector<SentBatch>& sent);
std::vector<SentBatch> decode_sent_batches(std::string_view json);

// A unit's decision file: its submissions with a decision, for the unit to import.
struct DecisionFile {
    std::string unit, file_name, bytes;
};
// One per unit with at least one decision made (党组研究), in 附件1's unit names.
std::vector<DecisionFile> write_decision_files(const Programme& programme, const ReviewSet& set,
                                               const std::string& now);

// A decision file as a unit reads it.
struct ReceivedDecision {
    std::string fingerprint, draft_id, project_name, kind, note;
    bool approved = false;
    std::optional<Money> amount;
};
struct DecisionRead {
    std::string unit, issuer, issued_at, programme_id;
    std::vector<ReceivedDecision> decisions;
    std::string error;  // zh-CN, when the file is not a decision file
};
bool is_decision_file(std::string_view bytes);
DecisionRead read_decision_file(std::string_view bytes);

}  // namespace shenbao
