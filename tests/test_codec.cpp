// The application file: round trips, fingerprints, migrations and hostile input.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "checks.h"
#include "helpers.h"

using namespace shenbao;
using testing::complete;
using testing::programme;

namespace {

const DocumentMeta kMeta{"draft-1", "2018-05-01T08:00:00Z", "2018-05-20T09:30:00Z", "test"};

bool has_error(const Decoded& d) { return count_severity(d.findings, Severity::Error) > 0; }
bool mentions(const Decoded& d, const std::string& text) {
    for (const Finding& f : d.findings)
        if (f.message.find(text) != std::string::npos || f.field.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("out, in, out gives identical bytes and fingerprint for every kind") {
    for (KindId k : kAllKinds) {
        CAPTURE(kind_key(k));
        Application a = Application::blank(programme(), k);
        a.cover.project_name = "测试项目 <b>&\"'</b> 䶮𠀾";
        a.team.push_back({"张三", "单位", "教授", "专业", "13805151234"});
        std::string first = encode_application(a, "yancheng-2018", kMeta);
        Decoded d = decode_application(first);
        REQUIRE(d.application.has_value());
        CHECK(d.findings.empty());
        CHECK(d.meta.draft_id == "draft-1");
        CHECK(d.stated_fingerprint == d.fingerprint);
        std::string second = encode_application(*d.application, d.programme_id, d.meta);
        CHECK(second == first);
        CHECK(fingerprint_of(*d.application, "yancheng-2018") == fingerprint_of(a, "yancheng-2018"));
    }
    for (const char* kind : testing::kAcceptedKinds) {
        Application a = complete(kind);
        std::string bytes = encode_application(a, "yancheng-2018", kMeta);
        CHECK(encode_application(*decode_application(bytes).application, "yancheng-2018", kMeta) == bytes);
    }
}

TEST_CASE("the round trip against literal JSON") {
    const char* literal = R"({
  "schema": "shenbao.application", "schema_version": 2, "programme": "yancheng-2018",
  "application": {"cover": {"kind": "organisation_building", "project_name": "党支部建设", "phone": "88192426"},
                  "details": {"items": ["成立学会党支部"], "evidence": ""},
                  "budget": {"lines": [{"expense_kind": "sundries", "description": "会务", "amount": "1200.5"}],
                             "requested": "1200.5", "self_raised": ""}}
})";
    Decoded d = decode_application(literal);
    REQUIRE(d.application);
    const Application& a = *d.application;
    CHECK(a.cover.kind == KindId::OrganisationBuilding);
    CHECK(a.cover.project_name == "党支部建设");
    CHECK(a.organisation.items == std::vector<std::string>{"成立学会党支部"});
    CHECK(a.budget.total() == Money{120050});
    auto out = nlohmann::json::parse(encode_application(a, d.programme_id, {}));
    CHECK(out["application"]["budget"]["lines"][0]["amount"] == "1200.5");
    CHECK(out["application"]["cover"]["kind"] == "organisation_building");
    CHECK(out["fingerprint"].get<std::string>().size() == 64);
}

TEST_CASE("the fingerprint covers the content and not the meta") {
    Application a = complete("service_station");
    std::string f1 = fingerprint_of(a, "yancheng-2018");
    DocumentMeta other = kMeta;
    other.updated_at = "2018-05-21T00:00:00Z";
    CHECK(decode_application(encode_application(a, "yancheng-2018", other)).fingerprint == f1);
    a.plan.place += "。";
    CHECK(fingerprint_of(a, "yancheng-2018") != f1);
    CHECK(short_fingerprint(f1).size() == 12);
}

TEST_CASE("a file changed after export is recognised by its fingerprint") {
    std::string bytes = encode_application(complete("service_station"), "yancheng-2018", kMeta);
    std::string tampered = bytes;
    tampered.replace(tampered.find("\"3000\""), 6, "\"5000\"");
    Decoded d = decode_application(tampered);
    REQUIRE(d.application);
    CHECK(mentions(d, "指纹不符"));
    CHECK_FALSE(mentions(decode_application(bytes), "指纹不符"));
}

TEST_CASE("schema version 1 files are migrated") {
    const char* v1 = R"({
  "schema": "shenbao.application", "schema_version": 1, "programme": "yancheng-2018",
  "application": {
    "cover": {"kind": "service_station", "project_name": "旧版服务站", "date": "2018-05-02"},
    "budget": {"lines": [{"kind": "venue_rent", "text": "场地", "amount_yuan": 1500.5}],
               "requested_yuan": 1500, "self_raised_yuan": 0.5}
  }
})";
    Decoded d = decode_application(v1);
    REQUIRE(d.application);
    CHECK(d.schema_version == 1);
    const Application& a = *d.application;
    CHECK(a.cover.applied_on.text == "2018-05-02");
    REQUIRE(a.budget.lines.size() == 1);
    CHECK(a.budget.lines[0].expense_kind == "venue_rent");
    CHECK(a.budget.lines[0].description == "场地");
    CHECK(a.budget.lines[0].amount.text == "1500.50");
    CHECK(a.budget.requested.text == "1500");
    CHECK(a.budget.self_raised.text == "0.50");
    CHECK_FALSE(has_error(d));
    CHECK(mentions(d, "旧版本"));
    for (const Finding& f : d.findings) CHECK(f.field.find("_yuan") == std::string::npos);  // nothing left unread
    // Written back out it is a current file.
    auto out = nlohmann::json::parse(encode_application(a, d.programme_id, d.meta));
    CHECK(out["schema_version"] == kSchemaVersion);
}

TEST_CASE("a file from a newer version is refused with a reason") {
    Decoded d = decode_application(R"({"schema": "shenbao.application", "schema_version": 99, "application": {}})");
    CHECK_FALSE(d.application);
    CHECK(mentions(d, "更新"));
}

TEST_CASE("hostile input gives findings, never a crash or a throw") {
    SUBCASE("empty, truncated, not JSON") {
        for (std::string bad :
             {std::string(""), std::string("{"), std::string("{\"schema\": \"shenbao.appl"), std::string("null"),
              std::string("[]"), std::string("\"text\""), std::string("\xFF\xFE{}"), std::string("{\"a\": NaN}"),
              std::string("{\"a\": Infinity}"), std::string("{\"a\": 1e999}")}) {
            CAPTURE(bad);
            Decoded d = decode_application(bad);
            CHECK_FALSE(d.application);
            CHECK(has_error(d));
        }
        std::string full = encode_application(complete("service_station"), "yancheng-2018", kMeta);
        for (size_t cut : {full.size() / 4, full.size() / 2, full.size() - 3}) {
            Decoded d = decode_application(full.substr(0, cut));
            CHECK_FALSE(d.application);
            CHECK(mentions(d, "截断"));
        }
    }
    SUBCASE("a 20 MB string") {
        std::string huge =
            "{\"schema\": \"shenbao.application\", \"schema_version\": 2, \"application\": {\"cover\": "
            "{\"project_name\": \"" +
            std::string(20 * 1024 * 1024, 'x') + "\"}}}";
        Decoded d = decode_application(huge);
        CHECK_FALSE(d.application);
        CHECK(mentions(d, "文件过大"));
    }
    SUBCASE("deep nesting") {
        std::string deep = "{\"schema\": \"shenbao.application\", \"schema_version\": 2, \"application\": " +
                           std::string(100000, '[') + std::string(100000, ']') + "}";
        Decoded d = decode_application(deep);
        CHECK_FALSE(d.application);
        CHECK(mentions(d, "嵌套"));
    }
    SUBCASE("not an application") {
        Decoded d = decode_application(R"({"name": "something else"})");
        CHECK_FALSE(d.application);
        CHECK(mentions(d, "不是申报书文件"));
    }
    SUBCASE("wrong types are reported; convertible values are kept") {
        Decoded d = decode_application(R"({"schema": "shenbao.application", "schema_version": 2,
          "application": {"cover": {"kind": "service_station", "project_name": ["a"], "phone": 88192426,
                                     "applied_on": {"y": 2018}},
                          "team": [{"name": "甲"}, 42, "乙"],
                          "budget": "lots", "eligibility_confirmed": ["legal_person", 7]}})");
        REQUIRE(d.application);
        const Application& a = *d.application;
        CHECK(a.cover.project_name.empty());
        CHECK(a.cover.phone == "88192426");
        CHECK(a.team.size() == 1);
        CHECK(a.eligibility_confirmed == std::vector<std::string>{"legal_person"});
        CHECK(has_error(d));
        CHECK(mentions(d, "cover.project_name"));
        CHECK(mentions(d, "cover.applied_on"));
        CHECK(mentions(d, "team[1]"));
        CHECK(mentions(d, "budget"));
        // And the checks still run over what was read.
        CHECK_FALSE(check_application(programme(), a, testing::before_deadline()).empty());
    }
    SUBCASE("unknown keys and an unknown kind") {
        Decoded d = decode_application(R"({"schema": "shenbao.application", "schema_version": 2, "extra": 1,
          "application": {"cover": {"kind": "moon_base", "colour": "red"}, "wishes": []}})");
        REQUIRE(d.application);
        CHECK(mentions(d, "extra"));
        CHECK(mentions(d, "wishes"));
        // Text under an unknown key may be a field another programme's form adds: it is
        // kept (and written back), and the checks say that this programme's form lacks it.
        CHECK(d.application->extra.at("cover.colour") == "red");
        CHECK(canonical_content(*d.application).find("\"colour\":\"red\"") != std::string::npos);
        bool reported = false;
        for (const Finding& f : check_application(programme(), *d.application, testing::before_deadline()))
            reported = reported || (f.field == "cover.colour" && f.message.find("red") != std::string::npos);
        CHECK(reported);
        CHECK(mentions(d, "moon_base"));
    }
    SUBCASE("duplicate keys: the last one is used and the duplicate is reported") {
        Decoded d = decode_application(R"({"schema": "shenbao.application", "schema_version": 2,
          "application": {"cover": {"kind": "service_station", "project_name": "甲", "project_name": "乙"}}})");
        REQUIRE(d.application);
        CHECK(d.application->cover.project_name == "乙");
        CHECK(mentions(d, "出现多次"));
    }
    SUBCASE("control characters, bidi overrides and NUL survive the round trip unchanged") {
        Application a = complete("service_station");
        a.cover.project_name = std::string("站\0点\u202E\u0007<script>", 17);
        std::string bytes = encode_application(a, "yancheng-2018", kMeta);
        Decoded d = decode_application(bytes);
        REQUIRE(d.application);
        CHECK(d.application->cover.project_name == a.cover.project_name);
    }
    SUBCASE("invalid UTF-8 inside strings is refused") {
        Decoded d = decode_application(
            "{\"schema\": \"shenbao.application\", \"schema_version\": 2, \"application\": "
            "{\"cover\": {\"project_name\": \"\xC0\xAF\"}}}");
        CHECK_FALSE(d.application);
        CHECK(has_error(d));
    }
    SUBCASE("a byte-order mark is tolerated") {
        std::string bytes = "\xEF\xBB\xBF" + encode_application(complete("service_station"), "yancheng-2018", kMeta);
        CHECK(decode_application(bytes).application.has_value());
    }
}

TEST_CASE("the duplicate-key scan reads past every kind of value") {
    // null, a boolean, integers and a float before the duplicate: the scan must not stop at any.
    std::string file = encode_application(testing::complete("service_station"), "yancheng-2018", {});
    file.replace(file.find('{'), 1, R"({"n": null, "t": true, "i": -1, "u": 1, "f": 1.5, "dup": 1, "dup": 2,)");
    const Decoded d = decode_application(file);
    REQUIRE(d.application);
    bool reported = false;
    for (const Finding& f : d.findings)
        reported = reported || (f.field == "dup" && f.message.find("出现多次") != std::string::npos);
    CHECK(reported);
}

TEST_CASE("a file without its parts: no cover, no application, no programme named") {
    auto doc = nlohmann::json::parse(encode_application(testing::complete("service_station"), "yancheng-2018", {}));
    auto severity_at = [](const Decoded& d, const std::string& field) {
        for (const Finding& f : d.findings)
            if (f.field == field) return static_cast<int>(f.severity);
        return -1;
    };
    auto without_cover = doc;
    without_cover["application"].erase("cover");
    CHECK(severity_at(decode_application(without_cover.dump()), "cover") == static_cast<int>(Severity::Error));
    auto without_programme = doc;
    without_programme.erase("programme");
    CHECK(severity_at(decode_application(without_programme.dump()), "programme") ==
          static_cast<int>(Severity::Warning));
    auto without_application = doc;
    without_application.erase("application");
    const Decoded none = decode_application(without_application.dump());
    CHECK_FALSE(none.application);
    CHECK(severity_at(none, "application") == static_cast<int>(Severity::Error));
    for (const char* not_one : {"[1, 2]", "\"text\"", R"({"schema": "other"})", R"({"application": {}})"}) {
        CAPTURE(not_one);
        const Decoded d = decode_application(not_one);
        CHECK_FALSE(d.application);
        CHECK(has_error(d));
    }
}

TEST_CASE("a field the programme adds is kept through the file; the meta keeps the call's version") {
    Application a = testing::complete("service_station");
    a.extra["plan.partner_note"] = "与市农科院合作";
    DocumentMeta meta{"d1", "2018-05-01T00:00:00Z", "2018-05-01T00:00:00Z", "test"};
    meta.programme_version = 1;
    const Decoded d = decode_application(encode_application(a, "yancheng-2018", meta));
    REQUIRE(d.application);
    CHECK(d.application->extra.at("plan.partner_note") == "与市农科院合作");
    CHECK(d.meta.programme_version == 1);
    CHECK(short_fingerprint("0123456789abcdef0123") == "0123456789ab");
}

TEST_CASE("the fingerprint is pinned: a file exported before keeps verifying, with the same value") {
    // tests/fixtures/exported-service_station.json was written by encode_application and
    // committed. A change to the canonical form or to what the fingerprint covers would
    // break the fingerprint of every file already exported and printed: it must fail here.
    const std::string bytes = testing::read_text(SHENBAO_FIXTURES "/exported-service_station.json");
    const Decoded d = decode_application(bytes);
    REQUIRE(d.application);
    const char* kPinned = "386dbc64a2c1021a9f9993057b17105b1093db82d75b34411cdaff4d8ec84d19";
    CHECK(d.stated_fingerprint == kPinned);
    CHECK(d.fingerprint == kPinned);
    CHECK(fingerprint_of(*d.application, d.programme_id) == kPinned);
    CHECK(short_fingerprint(d.fingerprint) == "386dbc64a2c1");
    CHECK_FALSE(mentions(d, "指纹不符"));
    // and writing it again gives the same bytes
    CHECK(encode_application(*d.application, d.programme_id, d.meta) == bytes);
}

TEST_CASE(
    "a whole file of another kind is refused; a number for a text is read as text with a warning; counts from 0") {
    auto doc = nlohmann::json::parse(encode_application(testing::complete("service_station"), "yancheng-2018", {}));
    auto other = doc;
    other["schema"] = "shenbao.backup";
    const Decoded refused = decode_application(other.dump());
    CHECK_FALSE(refused.application);
    CHECK(mentions(refused, "这不是申报书文件"));

    auto number = doc;
    number["application"]["cover"]["project_name"] = 123;
    const Decoded read = decode_application(number.dump());
    REQUIRE(read.application);
    CHECK(read.application->cover.project_name == "123");
    bool warned = false;
    for (const Finding& f : read.findings)
        warned = warned || (f.field == "cover.project_name" && f.severity == Severity::Warning);
    CHECK(warned);

    for (const auto& [version, accepted] :
         std::vector<std::pair<long long, bool>>{{0, true}, {999999, true}, {-1, false}, {1000000, false}}) {
        CAPTURE(version);
        auto counted = doc;
        counted["meta"] = {{"programme_version", version}};
        const Decoded d = decode_application(counted.dump());
        REQUIRE(d.application);
        bool complained = false;
        for (const Finding& f : d.findings) complained = complained || f.field == "meta.programme_version";
        CHECK(complained != accepted);
        if (accepted) CHECK(d.meta.programme_version == version);
    }
}
