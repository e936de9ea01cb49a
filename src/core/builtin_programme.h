// The programme files the build was made with (assets/programmes/*.json, in file-name
// order), compiled in so that the app and the CLI need no file at run time.
#pragma once
#include <vector>

namespace shenbao {

std::vector<const char*> builtin_programme_jsons();

}  // namespace shenbao
