#include "net/server/ChangeFeed.hpp"

#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "net/protocol/Frame.hpp"

#include <optional>

namespace concord::net {

namespace {

// What a page adds around its rows (type, id, cursors, the arrays) and around each skipped row,
// from above.
constexpr std::size_t kEnvelopeBytes = 64 * 1024;
constexpr std::size_t kRowOverheadBytes = 192;
// The largest row a page may carry: alone on its page, it still fits a frame.
constexpr std::size_t kMaxRowBytes = kMaxFrameBytes - kEnvelopeBytes;

// Rows are named in the skipped list; a name that is itself the problem is cut short there.
std::string shortened(const std::string& text)
{
    constexpr std::size_t kShown = 120;
    return text.size() <= kShown ? text : text.substr(0, kShown) + "...";
}

std::size_t rowBytes(const AnnotationChange& row)
{
    return row.value.size() + jsonEncodedSize(row.sampleId) + jsonEncodedSize(row.annotator) +
           jsonEncodedSize(row.stamp.client) + kRowOverheadBytes;
}

std::size_t rowBytes(const ResolutionChange& row)
{
    return row.value.size() + jsonEncodedSize(row.note) + jsonEncodedSize(row.sampleId) + jsonEncodedSize(row.author) +
           jsonEncodedSize(row.stamp.client) + kRowOverheadBytes;
}

std::size_t rowBytes(const Sample& sample)
{
    return jsonEncodedSize(sample.text) + sample.meta.size() + jsonEncodedSize(sample.id) + kRowOverheadBytes;
}

// Why a row cannot be sent as it is (a client would refuse the page that holds it, or the page
// would not fit a frame), or nullopt. Only rows stored before the limits existed fail here.
std::optional<std::string> unsendable(std::size_t bytes, const std::string& sampleId, const std::string& value,
                                      int valueDepth)
{
    if (bytes > kMaxRowBytes) {
        return "the row takes " + std::to_string(bytes) + " bytes, more than a message carries (" +
               std::to_string(kMaxFrameBytes) + ")";
    }
    if (sampleId.size() > kMaxIdBytes) {
        return "the sample id has " + std::to_string(sampleId.size()) + " bytes, more than the protocol's " +
               std::to_string(kMaxIdBytes);
    }
    if (io::nestsDeeperThan(value, valueDepth)) {
        return "it nests deeper than the " + std::to_string(valueDepth) + " levels a message carries";
    }
    return std::nullopt;
}

std::optional<std::string> unsendable(const AnnotationChange& row, std::size_t bytes)
{
    if (row.annotator.size() > kMaxNameBytes) {
        return "the annotator's name has " + std::to_string(row.annotator.size()) + " bytes, more than the " +
               "protocol's " + std::to_string(kMaxNameBytes);
    }
    return unsendable(bytes, row.sampleId, row.value, limits::kValueDepth);
}

std::optional<std::string> unsendable(const ResolutionChange& row, std::size_t bytes)
{
    if (row.author.size() > kMaxNameBytes || row.note.size() > kMaxNoteBytes) {
        return "its author's name or note is longer than the protocol allows (" + std::to_string(kMaxNameBytes) +
               " and " + std::to_string(kMaxNoteBytes) + " bytes)";
    }
    return unsendable(bytes, row.sampleId, row.value, limits::kValueDepth);
}

// Builds one page from rows in cursor order: a row goes in while the page stays within its
// budget (the first always fits a frame), a row that can never be sent is named and passed.
class PageBuilder
{
public:
    // Returns false when the row must wait for the next page.
    bool fits(std::size_t bytes) const { return m_empty || m_bytes + bytes <= kPageBudgetBytes; }
    void take(std::size_t bytes)
    {
        m_bytes += bytes;
        m_empty = false;
    }
    void skip(std::vector<SkippedRow>& skipped, SkippedRow row)
    {
        row.sampleId = shortened(row.sampleId);
        row.annotator = shortened(row.annotator);
        m_bytes += row.sampleId.size() + row.annotator.size() + row.reason.size() + kRowOverheadBytes;
        skipped.push_back(std::move(row));
    }
    bool full() const { return m_bytes >= kPageBudgetBytes; }

private:
    std::size_t m_bytes = 0;
    bool m_empty = true;
};

} // namespace

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
    std::int64_t last = request.after;
    int taken = 0;
    PageBuilder builder;
    // Merge the two tables in sequence order.
    while ((a < annotations.size() || r < resolutions.size()) && taken < request.limit && !builder.full()) {
        const bool takeAnnotation =
            r == resolutions.size() || (a < annotations.size() && annotations[a].seq < resolutions[r].seq);
        if (takeAnnotation) {
            auto& row = annotations[a];
            const std::size_t bytes = rowBytes(row);
            if (auto problem = unsendable(row, bytes)) {
                builder.skip(page.skipped, SkippedRow{"annotation", row.sampleId, row.annotator, row.seq, *problem});
            } else if (builder.fits(bytes)) {
                builder.take(bytes);
                page.annotations.push_back(std::move(row));
            } else {
                break;
            }
            last = annotations[a++].seq;
        } else {
            auto& row = resolutions[r];
            const std::size_t bytes = rowBytes(row);
            if (auto problem = unsendable(row, bytes)) {
                builder.skip(page.skipped, SkippedRow{"resolution", row.sampleId, {}, row.seq, *problem});
            } else if (builder.fits(bytes)) {
                builder.take(bytes);
                page.resolutions.push_back(std::move(row));
            } else {
                break;
            }
            last = resolutions[r++].seq;
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
    PageBuilder builder;
    int taken = 0;
    for (auto& sample : samples) {
        if (taken == request.limit || builder.full()) {
            page.more = true;
            break;
        }
        const std::int64_t key = sample.key;
        const std::size_t bytes = rowBytes(sample);
        if (auto problem = unsendable(bytes, sample.id, sample.meta, limits::kMetadataDepth)) {
            builder.skip(page.skipped, SkippedRow{"sample", sample.id, {}, sample.key, *problem});
        } else if (builder.fits(bytes)) {
            builder.take(bytes);
            page.samples.push_back(std::move(sample));
        } else {
            page.more = true;
            break;
        }
        page.next = key;
        ++taken;
    }
    return page;
}

} // namespace concord::net
