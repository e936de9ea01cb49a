// libFuzzer target: any bytes through the whole path a received file takes — decode,
// checks, printing, re-encoding (which must round-trip), and the review set; and the same
// bytes as text in the long-text editor (soft wrap and an edit of it).
// Built by scripts/fuzz with clang, ASan and UBSan.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "builtin_programme.h"
#include "checks.h"
#include "codec.h"
#include "print_html.h"
#include "review.h"
#include "soft_wrap.h"

using namespace shenbao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const Programme programme = *load_programme(builtin_programme_jsons().front()).programme;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Decoded d = decode_application(bytes);
    if (d.application) {
        const Application& app = *d.application;
        check_full(programme, app, Date{2018, 5, 30});
        print_html(programme, app, d.fingerprint);
        const std::string again = encode_application(app, d.programme_id, d.meta);
        Decoded round = decode_application(again);
        // What we write we must read back, identically.
        if (!round.application || round.fingerprint != d.fingerprint ||
            encode_application(*round.application, round.programme_id, round.meta) != again)
            std::abort();
    }
    ReviewSet set;
    review_add(set, programme, "fuzz.json", bytes, Date{2018, 5, 30});
    review_csv(programme, set);
    review_publication_html(programme, set);

    // The editor: the text as typed (no '\r'), shown in rows of 1 to 8 bytes, then the
    // first half of the shown text cut out, as a Backspace or Delete would.
    const size_t row = 1 + (size ? data[0] % 8 : 0);
    const RowFit fit = [row](std::string_view line) { return std::min(row, line.size()); };
    const std::string text = normalise_breaks(bytes);
    const std::string shown = soft_wrap(text, fit);
    if (soft_unwrap(shown) != text) std::abort();
    const std::string after = shown.substr(shown.size() / 2);
    const SoftEdit e = soft_edit(shown, after, 0, size % 2 == 0, fit);
    if (e.cursor > e.shown.size() || soft_wrap(soft_unwrap(e.shown), fit) != e.shown) std::abort();
    return 0;
}
