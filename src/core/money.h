// Amounts of money in 元, held as whole 分 so that sums are exact.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shenbao {

struct Money {
    int64_t fen = 0;

    static Money yuan(int64_t y) { return Money{y * 100}; }
    // Accepts "1500", "1500.5", "1,500.50", "1500元", full-width digits; at most two
    // decimals, not negative, at most 10^11 元. Returns nothing for anything else.
    static std::optional<Money> parse(std::string_view text);
    // From a JSON number of 元; rejects NaN, negatives, more than two decimals.
    static std::optional<Money> from_yuan(double yuan);

    double as_yuan() const { return static_cast<double>(fen) / 100.0; }
    std::string plain() const;    // 1500 or 1500.50
    std::string display() const;  // 1,500.00
    std::string capital() const;  // 壹仟伍佰元整 (大写金额, as on Chinese financial forms)

    friend Money operator+(Money a, Money b) { return Money{a.fen + b.fen}; }
    friend bool operator==(Money a, Money b) { return a.fen == b.fen; }
    friend bool operator!=(Money a, Money b) { return a.fen != b.fen; }
    friend bool operator<(Money a, Money b) { return a.fen < b.fen; }
    friend bool operator>(Money a, Money b) { return a.fen > b.fen; }
    friend bool operator<=(Money a, Money b) { return a.fen <= b.fen; }
    friend bool operator>=(Money a, Money b) { return a.fen >= b.fen; }
};

constexpr int64_t kMaxFen = 100000000000LL * 100;  // 10^11 元

}  // namespace shenbao
