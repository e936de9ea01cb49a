// A finding: something the checks or the codec have to say about an application.
#pragma once
#include <string>
#include <vector>

namespace shenbao {

enum class Severity { Error, Warning, Info };
const char* severity_key(Severity s);    // error | warning | info
const char* severity_label(Severity s);  // 错误 | 警告 | 提示

struct Finding {
    Severity severity = Severity::Error;
    std::string field;     // path of the field, e.g. budget.lines[2].amount; empty: the whole file
    std::string message;   // zh-CN, says what is wrong and what to do
    std::string clause;    // where the rule stands in the call, e.g. 附件2·学会科技服务站·资助标准
    bool missing = false;  // a required value is simply not filled in yet (as opposed to wrong)
};

using Findings = std::vector<Finding>;

size_t count_severity(const Findings& findings, Severity s);

}  // namespace shenbao
