// The programme file the build was made with (assets/programmes/yancheng-2018.json),
// compiled in so that the app and the CLI need no file at run time.
#pragma once

namespace shenbao {

const char* builtin_programme_json();

}  // namespace shenbao
