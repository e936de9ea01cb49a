// Calendar dates as the programme and the form use them (no times, no time zones).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace shenbao {

struct Date {
    int year = 0, month = 0, day = 0;

    // Accepts 2018-05-31, 2018-5-31, 2018/5/31, 2018.5.31 and 2018年5月31日 (full-width
    // digits too), with surrounding spaces. Returns nothing for anything else, including
    // impossible days such as 2018-02-30.
    static std::optional<Date> parse(std::string_view text);

    std::string iso() const;      // 2018-05-31
    std::string chinese() const;  // 2018年5月31日
    int serial() const;           // days since 1970-01-01, for differences and ordering
    static Date from_serial(int days);

    friend bool operator==(const Date& a, const Date& b) { return a.serial() == b.serial(); }
    friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
    friend bool operator<(const Date& a, const Date& b) { return a.serial() < b.serial(); }
    friend bool operator<=(const Date& a, const Date& b) { return a.serial() <= b.serial(); }
    friend bool operator>(const Date& a, const Date& b) { return b < a; }
    friend bool operator>=(const Date& a, const Date& b) { return b <= a; }
};

bool is_valid_date(int year, int month, int day);

// Seconds since 1970 of an ISO 8601 UTC time such as 2018-05-20T08:30:00Z; nothing if it
// is not one.
std::optional<long long> iso_utc_seconds(std::string_view text);

// A stored UTC time as people read it where they are: 2018-05-20T08:30:00Z with an offset
// of +480 minutes is "2018-05-20 16:30". Text that is not such a time comes back as it is
// ("—" when empty). The offset is the place's at that instant (the caller asks the
// platform, which knows the time zone and its summer time).
std::string local_time_text(std::string_view iso_utc, int utc_offset_minutes);

// The hint shown in an empty date field: the format, in a form that is plainly not a date.
constexpr const char* kDateHint = "年-月-日";

}  // namespace shenbao
