#include "date.h"

#include <cstdio>
#include <vector>

namespace shenbao {

bool is_valid_date(int year, int month, int day) {
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
    static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int limit = days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

namespace {

// A date text as alternating tokens: numbers (ASCII or full-width digits) and the
// separator text between them (spaces dropped).
struct DateTokens {
    std::vector<int> numbers;
    std::vector<std::string> separators;  // separators[i] follows numbers[i]
};

std::optional<DateTokens> tokenize(std::string_view text) {
    DateTokens out;
    std::string digits;
    auto end_number = [&]() -> bool {
        if (digits.empty()) return true;
        if (digits.size() > 4) return false;
        out.numbers.push_back(std::stoi(digits));
        out.separators.emplace_back();
        digits.clear();
        return true;
    };
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= '0' && c <= '9') {
            digits.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        // Full-width digits U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(text[i + 2]);
            if (d >= 0x90 && d <= 0x99) {
                digits.push_back(static_cast<char>('0' + d - 0x90));
                i += 3;
                continue;
            }
        }
        if (!end_number()) return std::nullopt;
        size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (i + len > text.size()) return std::nullopt;
        if (c != ' ' && c != '\t') {
            if (out.numbers.empty()) return std::nullopt;  // text before the year
            out.separators.back().append(text.substr(i, len));
        }
        i += len;
    }
    if (!end_number()) return std::nullopt;
    return out;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
    auto t = tokenize(text);
    if (!t || t->numbers.size() != 3) return std::nullopt;
    const auto& s = t->separators;
    const bool dashed = s[0] == s[1] && (s[0] == "-" || s[0] == "/" || s[0] == ".") && s[2].empty();
    const bool chinese = s[0] == "年" && s[1] == "月" && (s[2] == "日" || s[2] == "号" || s[2].empty());
    if (!dashed && !chinese) return std::nullopt;
    const auto& n = t->numbers;
    if (!is_valid_date(n[0], n[1], n[2])) return std::nullopt;
    return Date{n[0], n[1], n[2]};
}

std::optional<long long> iso_utc_seconds(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SSZ, exactly.
    if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != 'Z')
        return std::nullopt;
    auto num = [&](size_t at, size_t len) {
        int v = 0;
        for (size_t i = at; i < at + len; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    const int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2);
    if (!is_valid_date(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60) return std::nullopt;
    return static_cast<long long>(Date{y, mo, d}.serial()) * 86400 + h * 3600 + mi * 60 + s;
}

std::string local_time_text(std::string_view iso_utc, int utc_offset_minutes) {
    const auto seconds = iso_utc_seconds(iso_utc);
    if (!seconds) return iso_utc.empty() ? "—" : std::string(iso_utc);
    const long long local = *seconds + utc_offset_minutes * 60LL;
    const long long days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const long long in_day = local - days * 86400;
    const Date d = Date::from_serial(static_cast<int>(days));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day, static_cast<int>(in_day / 3600),
                  static_cast<int>(in_day % 3600 / 60));
    return buf;
}

Date Date::from_serial(int days) {
    // Civil from days, the inverse of serial() (same public-domain algorithm).
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return Date{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::chinese() const {
    return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

int Date::serial() const {
    // Days from civil (proleptic Gregorian), after H. Hinnant's public-domain algorithm.
    int y = year - (month <= 2 ? 1 : 0);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = month + (month > 2 ? -3 : 9);
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace shenbao
