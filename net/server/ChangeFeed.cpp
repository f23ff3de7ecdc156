#include "net/server/ChangeFeed.hpp"

#include <optional>

namespace concord::net {

Changes pullChanges(ServerProject& server, const Identity& who, const Pull& request, bool blind)
{
    const bool others = seesOthers(who, blind);
    const std::optional<std::string> onlyAnnotator = others ? std::nullopt : std::optional<std::string>(who.user);
    // One row more than asked for tells whether another page follows.
    auto annotations = server.project().annotations().changesAfter(request.after, request.limit + 1, onlyAnnotator);
    std::vector<ResolutionChange> resolutions;
    if (others) {
        resolutions = server.project().resolutions().changesAfter(request.after, request.limit + 1);
    }

    Changes page;
    page.id = request.id;
    page.head = server.log().head();
    std::size_t a = 0;
    std::size_t r = 0;
    std::size_t bytes = 0;
    std::int64_t last = request.after;
    int taken = 0;
    // Merge the two tables in sequence order.
    while ((a < annotations.size() || r < resolutions.size()) && taken < request.limit && bytes < kPageBudgetBytes) {
        const bool takeAnnotation =
            r == resolutions.size() || (a < annotations.size() && annotations[a].seq < resolutions[r].seq);
        if (takeAnnotation) {
            bytes += annotations[a].value.size() + 128;
            last = annotations[a].seq;
            page.annotations.push_back(std::move(annotations[a++]));
        } else {
            bytes += resolutions[r].value.size() + resolutions[r].note.size() + 128;
            last = resolutions[r].seq;
            page.resolutions.push_back(std::move(resolutions[r++]));
        }
        ++taken;
    }
    page.more = a < annotations.size() || r < resolutions.size();
    // With nothing more to see, the cursor moves to the head: changes this user may not
    // receive are skipped for good.
    page.next = page.more ? last : std::max(request.after, page.head);
    return page;
}

SamplePage pageSamples(ServerProject& server, const SamplesRequest& request)
{
    auto samples = server.project().samples().pageAfter(request.after, request.limit + 1);
    SamplePage page;
    page.id = request.id;
    page.next = request.after;
    std::size_t bytes = 0;
    for (auto& sample : samples) {
        if (static_cast<int>(page.samples.size()) == request.limit ||
            (!page.samples.empty() && bytes + sample.text.size() + sample.meta.size() > kPageBudgetBytes)) {
            page.more = true;
            break;
        }
        bytes += sample.text.size() + sample.meta.size() + 64;
        page.next = sample.key;
        page.samples.push_back(std::move(sample));
    }
    return page;
}

} // namespace concord::net
