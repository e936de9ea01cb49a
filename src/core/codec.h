// The application file: JSON with a schema name and version, the programme id, the
// application's content and a fingerprint (SHA-256 of the canonical form of the content).
//
//   { "schema": "shenbao.application", "schema_version": 2, "programme": "yancheng-2018",
//     "fingerprint": "<64 hex>", "application": { ... }, "meta": { ... } }
//
// The canonical form is the compact JSON of {application, programme, schema,
// schema_version} with keys sorted; `meta` (draft id, times) is outside the fingerprint,
// so the same content always has the same fingerprint. Encoding is deterministic:
// encode(decode(encode(a))) gives identical bytes.
//
// Decoding never throws: anything wrong with a file becomes a finding.
#pragma once
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "application.h"
#include "finding.h"

namespace shenbao {

constexpr const char* kApplicationSchema = "shenbao.application";
constexpr int kSchemaVersion = 2;
constexpr size_t kMaxFileBytes = 4 * 1024 * 1024;  // far above any real application
constexpr int kMaxDepth = 24;                      // the schema itself needs 5

// What the association decided on the draft (its decision file imported, expert_review.h)
// and which of the funded project's duties are done (project.h). Kept with the draft.
// A file attached to a project's report (a photo, a scan, a PDF). The bytes are stored
// apart, by their SHA-256 (Store::write_attachment); the record names them.
struct Attachment {
    std::string sha256;  // 64 hex digits of the bytes
    std::string name;    // as the person's file was called
    std::string type;    // image/jpeg, image/png or application/pdf (by content)
    size_t size = 0;     // bytes
    std::string added_at;
};

// An attachment's record as the draft's file and a report handed in write it.
nlohmann::json attachment_json(const Attachment& a);

// One report of the funded project (报备, 佐证材料, 中期评估, 验收): the values of the
// programme's form for it (ReportForm), by path, and its files.
struct DutyReport {
    std::map<std::string, std::string> values;
    std::vector<Attachment> attachments;
    std::string handed_in_at;  // ISO UTC of the last archive written for it
};

struct ProjectRecord {
    bool approved = false;
    std::string amount;  // 元, as the decision file writes it, when approved
    std::string note, issuer, issued_at;
    std::string fingerprint;                                                 // of the content the decision was made on
    std::string done_report, done_evidence, done_mid_term, done_acceptance;  // ISO UTC when marked done
    std::map<std::string, DutyReport> reports;  // by duty key (project.h); absent until begun
};

struct DocumentMeta {
    std::string draft_id;
    std::string created_at, updated_at;  // ISO 8601 UTC, e.g. 2018-05-20T08:30:00Z
    std::string generator;               // e.g. shenbao 0.1
    std::string deleted_at;              // set while the draft is in the trash
    // The last hand-in (printed, exported or emailed): when, how, and the fingerprint of
    // the content handed in, so the list can tell whether the association has this version.
    std::string handed_in_at;   // ISO 8601 UTC
    std::string handed_in_how;  // "print", "export" or "email"
    std::string handed_in_fingerprint;
    // The call the draft belongs to: its id (written as the file's "programme", inside the
    // fingerprint) and the version of that call's file it was last saved with.
    std::string programme_id;
    int programme_version = 0;             // 0: not recorded (files before programme versions)
    std::optional<ProjectRecord> project;  // once the association's decision is imported
};

struct Decoded {
    std::optional<Application> application;  // empty when the file is not usable at all
    std::string programme_id;
    std::string fingerprint;         // computed from the decoded content
    std::string stated_fingerprint;  // as written in the file
    int schema_version = 0;          // as written in the file (before migration)
    DocumentMeta meta;
    Findings findings;  // problems of the file itself
};

std::string encode_application(const Application& app, const std::string& programme_id, const DocumentMeta& meta);
Decoded decode_application(std::string_view bytes);

std::string fingerprint_of(const Application& app, const std::string& programme_id);
std::string short_fingerprint(const std::string& fingerprint);  // 12 hex digits for people
std::string canonical_content(const Application& app);          // compact JSON of the content

}  // namespace shenbao
