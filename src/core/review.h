// The association's side: many submissions at once. Import and check them, recognise
// duplicates and resubmissions, record its decisions per submission (评估认定: a proposed
// amount and a comment; 党组研究: approved or not, the amount, a note), total by kind and
// by unit against 附件1, and export CSV and the 公示 list. Expert review is expert_review.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "application.h"
#include "codec.h"
#include "finding.h"
#include "programme.h"

namespace shenbao {

// 党组研究's decision on a submission.
enum class Verdict { Pending, Approved, NotApproved };
struct Decision {
    Verdict verdict = Verdict::Pending;
    MoneyField amount;  // 批准金额, when approved
    std::string note;
};

struct Submission {
    std::string id;  // "s-" + the first 16 hex digits of the fingerprint
    std::string file_name;
    std::string bytes;  // the file as received, kept unchanged
    Application app;
    std::string programme_id, fingerprint;
    DocumentMeta meta;
    Findings findings;  // the file's own problems, then the programme's checks
    size_t errors = 0, warnings = 0;
    // Review fields, entered by the association.
    MoneyField proposed;  // 评估认定: 拟资助金额
    std::string comment;  // 评估认定: 审阅意见
    Decision decision;    // 党组研究
    // The fingerprints of the versions this one replaced (resubmissions kept): a score
    // given to one of them is for an earlier version.
    std::vector<std::string> earlier_fingerprints;

    std::string project_key;  // unit and project name, normalised: finds resubmissions

    std::optional<Money> requested() const { return app.budget.requested.value(); }
    std::string submitted_on() const;  // 申报时间 as a date if it parses, else the file's last edit
};

struct RejectedFile {
    std::string file_name, reason;
};

// A changed resubmission of a submission already in the set (same unit and project name,
// or same draft id, other content): kept aside until someone chooses.
struct Resubmission {
    std::string existing_id;
    Submission incoming;
    bool incoming_is_newer = false;
};

struct ReviewSet {
    std::vector<Submission> items;
    std::vector<RejectedFile> rejected;
    std::vector<Resubmission> resubmissions;

    const Submission* find(const std::string& id) const;
    Submission* find(const std::string& id);
};

enum class ReviewAdd { Added, Duplicate, Resubmitted, Rejected };

// Adds one received file. Never throws; a broken file is listed in `rejected` and
// stops nothing.
ReviewAdd review_add(ReviewSet& set, const Programme& programme, const std::string& file_name, std::string_view bytes,
                     const Date& today);
// Settles a resubmission: keep the incoming version (replacing the existing one, whose
// review fields carry over) or the existing one.
void review_resolve(ReviewSet& set, size_t resubmission_index, bool keep_incoming);

// The review fields against the programme: the proposed amount and the approved amount
// parse, stay within the kind's standard and do not exceed the request; an approval has
// an amount. Paths: review.proposed, review.decision.amount.
Findings check_review(const Programme& programme, const Submission& s);
// The amount 党组研究 approved, when it approved one that passes check_review (an amount
// above the standard is refused: it counts nowhere until mended).
std::optional<Money> approved_amount(const Programme& programme, const Submission& s);
const char* verdict_text(Verdict v);  // 待定 / 批准 / 不予资助

struct KindTotal {
    KindId kind{};
    size_t count = 0, with_errors = 0;
    Money requested, proposed, approved;
    size_t approved_count = 0;  // approved by 党组研究 with a valid amount
    size_t over_standard = 0;   // requests above the kind's standard
};

struct UnitTotal {
    std::string unit;
    bool listed = false;  // found in 附件1
    size_t count = 0, approved_count = 0;
    Money requested, proposed, approved;
    // Academic events applied for, by scale, against the unit's 附件1 targets.
    struct Scale {
        std::string label;
        size_t applied = 0;
        std::optional<int> target;
    };
    std::vector<Scale> academic;
};

struct ReviewTotals {
    std::vector<KindTotal> kinds;  // in the programme's order
    KindTotal overall;
    std::vector<UnitTotal> units;  // by unit: 附件1's name where listed (both spellings count as one)
};

ReviewTotals review_totals(const Programme& programme, const ReviewSet& set);
// Academic events against a unit's 附件1 targets: per scale where its table has scales
// (市级学会), otherwise all of them against its one academic column. `scales`: the scale of
// each event counted (the application's 活动规模). Empty for a unit not in 附件1.
std::vector<UnitTotal::Scale> academic_against_targets(const Programme& programme, const std::string& unit,
                                                       const std::vector<std::string>& scales);

// CSV of the table, UTF-8 with a BOM (so Excel shows Chinese), CRLF lines, every field
// quoted, and cells that a spreadsheet would run as a formula (= + - @ tab CR at the
// start) neutralised with a leading apostrophe.
std::string review_csv(const Programme& programme, const ReviewSet& set);
std::string csv_field(std::string_view text);

// The 公示 list: 单位、项目名称、类别、资助金额 of the submissions 党组研究 approved (with a valid
// amount), by kind then unit. Self-contained HTML, everything escaped.
std::string review_publication_html(const Programme& programme, const ReviewSet& set);

// The review set on disk: the received files unchanged (the app stores them under their
// ids), plus this: the review fields and the name each file came with.
std::string encode_review_fields(const ReviewSet& set);
void apply_review_fields(ReviewSet& set, std::string_view json);

}  // namespace shenbao
