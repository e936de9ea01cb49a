// The project kinds of 附件2, as the code knows them. A programme lists which of them its
// call has; ids are stable because they appear in exported files.
#pragma once
#include <optional>
#include <string>

namespace shenbao {

// The six project kinds of 附件2. The ids are stable: they appear in exported files.
enum class KindId {
    AcademicExchange,       // academic_exchange        精品学术交流活动
    ServiceStation,         // service_station          学会科技服务站
    EnterpriseCooperation,  // enterprise_cooperation   企会协作
    EnterpriseInfoService,  // enterprise_info_service  企业科技信息服务
    InnovationContest,      // innovation_contest       创新创业竞赛
    OrganisationBuilding,   // organisation_building    组织建设
};
constexpr KindId kAllKinds[] = {KindId::AcademicExchange,      KindId::ServiceStation,    KindId::EnterpriseCooperation,
                                KindId::EnterpriseInfoService, KindId::InnovationContest, KindId::OrganisationBuilding};
const char* kind_key(KindId kind);
std::optional<KindId> kind_from_key(const std::string& key);

}  // namespace shenbao
