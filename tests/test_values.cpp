// Dates, money, text and SHA-256: the value types under the model.
#include <doctest/doctest.h>

#include "date.h"
#include "money.h"
#include "sha256.h"
#include "text.h"

using namespace shenbao;

TEST_CASE("dates are accepted in the forms people write") {
    for (const char* text : {"2018-05-31", "2018-5-31", "2018/5/31", "2018.05.31", "2018年5月31日", "2018年05月31日",
                             " 2018年5月31号 ", "２０１８年５月３１日", "2018 年 5 月 31 日"}) {
        CAPTURE(text);
        auto d = Date::parse(text);
        REQUIRE(d.has_value());
        CHECK(d->iso() == "2018-05-31");
        CHECK(d->chinese() == "2018年5月31日");
    }
}

TEST_CASE("impossible and malformed dates are refused") {
    for (const char* text : {"", "2018", "2018-05", "2018-02-30", "2018-13-01", "2018-00-10", "2019-02-29",
                             "2018-05-31x", "2018/05-31", "五月三十一日", "31-05-2018", "20180531", "2018年5月"}) {
        CAPTURE(text);
        CHECK_FALSE(Date::parse(text).has_value());
    }
    CHECK(Date::parse("2020-02-29").has_value());  // leap day
}

TEST_CASE("date order and day counts") {
    Date a{2018, 5, 31}, b{2018, 6, 1};
    CHECK(a < b);
    CHECK(b.serial() - a.serial() == 1);
    CHECK(Date{1970, 1, 1}.serial() == 0);
    CHECK(Date{2018, 12, 31}.serial() - Date{2018, 1, 1}.serial() == 364);
}

TEST_CASE("stored UTC times are shown in local time, across a day, a month and a year") {
    CHECK(local_time_text("2026-11-29T04:16:00Z", 8 * 60) == "2026-11-29 12:16");
    CHECK(local_time_text("2026-11-29T20:30:00Z", 8 * 60) == "2026-11-30 04:30");
    CHECK(local_time_text("2018-12-31T23:59:59Z", 60) == "2019-01-01 00:59");
    CHECK(local_time_text("2018-03-01T02:00:00Z", -5 * 60) == "2018-02-28 21:00");
    CHECK(local_time_text("2016-03-01T02:00:00Z", -5 * 60) == "2016-02-29 21:00");
    CHECK(local_time_text("1970-01-01T00:00:00Z", -60) == "1969-12-31 23:00");
    CHECK(local_time_text("2018-05-20T08:30:00Z", 0) == "2018-05-20 08:30");
    CHECK(local_time_text("不是时间", 480) == "不是时间");
    CHECK(local_time_text("", 480) == "—");
    for (int serial : {-800000, -1, 0, 1, 17676, 20000, 2932896}) CHECK(Date::from_serial(serial).serial() == serial);
}

TEST_CASE("the date hint shows the format and is never taken for a date") {
    CHECK_FALSE(Date::parse(kDateHint).has_value());
    CHECK(std::string(kDateHint).find("年") != std::string::npos);
}

TEST_CASE("money parses as people type it and stays exact") {
    CHECK(Money::parse("1500")->fen == 150000);
    CHECK(Money::parse("1,500.5")->fen == 150050);
    CHECK(Money::parse("1500.05")->fen == 150005);
    CHECK(Money::parse("１５００")->fen == 150000);
    CHECK(Money::parse("3000元")->fen == 300000);
    CHECK(Money::parse(".5")->fen == 50);
    for (const char* bad : {"", "abc", "1.234", "-5", "1.2.3", "12元3", "1e5", "999999999999999"}) {
        CAPTURE(bad);
        CHECK_FALSE(Money::parse(bad).has_value());
    }
    CHECK(Money{150050}.plain() == "1500.50");
    CHECK(Money{150000}.plain() == "1500");
    CHECK(Money{123456789}.display() == "1,234,567.89");
    CHECK((Money::parse("0.1").value() + Money::parse("0.2").value()).fen == 30);
}

TEST_CASE("amounts in Chinese capital numerals") {
    CHECK(Money::yuan(1500).capital() == "壹仟伍佰元整");
    CHECK(Money::yuan(3000).capital() == "叁仟元整");
    CHECK(Money::yuan(1005).capital() == "壹仟零伍元整");
    CHECK(Money::yuan(10500).capital() == "壹万零伍佰元整");
    CHECK(Money::yuan(15000).capital() == "壹万伍仟元整");
    CHECK(Money::yuan(100000010).capital() == "壹亿零壹拾元整");
    CHECK(Money{150050}.capital() == "壹仟伍佰元伍角");
    CHECK(Money{150005}.capital() == "壹仟伍佰元零伍分");
    CHECK(Money{50}.capital() == "伍角");
    CHECK(Money{0}.capital() == "零元整");
}

TEST_CASE("UTF-8 helpers count characters, not bytes, and survive bad bytes") {
    CHECK(char_count("申报书") == 3);
    CHECK(char_count("𠀾a") == 2);
    CHECK(code_points("䶮")[0] == 0x4DAE);
    CHECK(code_points("𠀾")[0] == 0x2003E);
    CHECK(code_points("\xE4\xB8")[0] == 0xFFFD);  // truncated sequence
    CHECK(is_valid_utf8("中文"));
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
    CHECK(trim("\xE3\x80\x80 盐城 \n") == "盐城");
    CHECK(fold_width("０５１５－８８１９２４２６") == "0515-88192426");
    std::string s;
    append_utf8(s, 0x2003E);
    CHECK(s == "𠀾");
}

TEST_CASE("a long name is shortened in the middle: its start and its end stay, characters whole") {
    const auto chars = [](std::string_view t) { return static_cast<float>(char_count(t)); };
    const std::string name = "2018年盐城市智能制造产业发展高端学术论坛暨长三角专家交流会";
    const std::string copy = name + "（副本）";
    CHECK(elide_middle("短名称", 10, chars) == "短名称");
    const std::string a = elide_middle(name, 14, chars), b = elide_middle(copy, 14, chars);
    CHECK(a != b);  // the list must tell a draft from its copy
    CHECK(char_count(a) == 14);
    CHECK(char_count(b) == 14);
    CHECK(a.rfind("2018年", 0) == 0);
    CHECK(b.find("（副本）") == b.size() - std::string("（副本）").size());
    CHECK(b.find("…") != std::string::npos);
    CHECK(is_valid_utf8(a));
    CHECK(is_valid_utf8(b));
    CHECK(elide_middle(name, 1, chars) == "…");
    CHECK(elide_middle("𠀾𠀾𠀾𠀾𠀾𠀾𠀾𠀾", 5, chars) == "𠀾𠀾𠀾…𠀾");
}

TEST_CASE("SHA-256 matches the published test vectors") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Around the padding's edge: 55 bytes still fit the length in one last block, 56 do not.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    CHECK(sha256_hex(std::string(119, 'a')) == "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
}

TEST_CASE("base64: the RFC 4648 vectors, every byte value, and text that is not base64 refused") {
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, coded] : vectors) {
        CHECK(shenbao::base64_encode(plain) == coded);
        CHECK(shenbao::base64_decode(coded) == std::string(plain));
    }
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (size_t n : {size_t{254}, size_t{255}, size_t{256}})
        CHECK(shenbao::base64_decode(shenbao::base64_encode(all.substr(0, n))) == all.substr(0, n));
    for (const char* bad : {"Zg=", "Z===", "=Zg=", "Zg==Zg==", "Zm9v\n", "Zm9!", "Zm=v"}) {
        CAPTURE(bad);
        CHECK_FALSE(shenbao::base64_decode(bad));
    }
}
