// Shared by the core tests: the programme from assets/, fixtures from tests/fixtures/.
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "application.h"
#include "codec.h"
#include "programme.h"

namespace testing {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline const shenbao::Programme& programme() {
    static const shenbao::Programme p = [] {
        auto loaded = shenbao::load_programme(read_text(SHENBAO_ASSETS "/programmes/yancheng-2018.json"));
        if (!loaded.programme) throw std::runtime_error(loaded.error);
        return *loaded.programme;
    }();
    return p;
}

// A complete application of the kind, as a person would hand it in (tests/fixtures).
inline shenbao::Application complete(const std::string& kind) {
    auto d = shenbao::decode_application(read_text(SHENBAO_FIXTURES "/complete-" + kind + ".json"));
    if (!d.application) throw std::runtime_error("fixture does not decode: " + kind);
    return *d.application;
}

inline const char* const kAcceptedKinds[] = {"academic_exchange", "service_station", "enterprise_cooperation",
                                             "organisation_building"};

// A day before the deadline, when a complete application has no error.
inline shenbao::Date before_deadline() { return shenbao::Date{2018, 5, 30}; }

}  // namespace testing
