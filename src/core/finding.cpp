#include "finding.h"

namespace shenbao {

const char* severity_key(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

const char* severity_label(Severity s) {
    switch (s) {
        case Severity::Error: return "错误";
        case Severity::Warning: return "警告";
        case Severity::Info: return "提示";
    }
    return "错误";
}

size_t count_severity(const Findings& findings, Severity s) {
    size_t n = 0;
    for (const Finding& f : findings) n += f.severity == s ? 1 : 0;
    return n;
}

}  // namespace shenbao
