#include "net/server/ChangeFeed.hpp"

#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "net/protocol/Frame.hpp"

#include <algorithm>

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
    return jsonEncodedSize(sample.text) + sample.meta.size() + sample.record.size() + jsonEncodedSize(sample.id) +
           kRowOverheadBytes;
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

Changes pullChanges(ServerStore& server, const Identity& who, const Pull& request, bool blind)
{
    const bool others = seesOthers(who, blind);
    // The head first, and no row above it: every change numbered up to the head is committed
    // and stays readable, while one above it may belong to a transaction that commits between
    // two of the queries below (another server on the same database). A page that took it but
    // not a lower one committed later would move the cursor past the lower one for good.
    const std::int64_t head = server.log().head();
    const auto upToHead = [head](auto rows) {
        rows.erase(std::find_if(rows.begin(), rows.end(), [head](const auto& row) { return row.seq > head; }),
                   rows.end());
        return rows;
    };
    // One row more than asked for from each table tells whether another page follows.
    const int fetch = request.limit + 1;
    auto annotations = upToHead(server.annotationsAfter(request.after, fetch, who.user, !others));
    auto responses = upToHead(server.responsesAfter(request.after, fetch, who.user, !others));
    std::vector<ResolutionChange> resolutions;
    if (others) {
        resolutions = upToHead(server.resolutionsAfter(request.after, fetch));
    }
    auto suggestions = upToHead(server.suggestionsAfter(request.after, fetch));

    // The four tables merged in sequence order.
    enum class Source
    {
        Annotation,
        Resolution,
        Response,
        Suggestion
    };
    struct Entry
    {
        std::int64_t seq;
        Source source;
        std::size_t index;
    };
    std::vector<Entry> entries;
    entries.reserve(annotations.size() + resolutions.size() + responses.size() + suggestions.size());
    for (std::size_t i = 0; i < annotations.size(); ++i) {
        entries.push_back({annotations[i].seq, Source::Annotation, i});
    }
    for (std::size_t i = 0; i < resolutions.size(); ++i) {
        entries.push_back({resolutions[i].seq, Source::Resolution, i});
    }
    for (std::size_t i = 0; i < responses.size(); ++i) {
        entries.push_back({responses[i].seq, Source::Response, i});
    }
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        entries.push_back({suggestions[i].seq, Source::Suggestion, i});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.seq < b.seq; });

    Changes page;
    page.id = request.id;
    page.head = head;
    std::int64_t last = request.after;
    int taken = 0;
    std::size_t consumed = 0;
    PageBuilder builder;
    const RecordSchema& schema = server.recordSchema();
    for (; consumed < entries.size() && taken < request.limit && !builder.full(); ++consumed) {
        const Entry& entry = entries[consumed];
        std::optional<std::string> problem;
        SkippedRow skipped;
        std::size_t bytes = 0;
        bool wanted = true;
        switch (entry.source) {
        case Source::Annotation: {
            const auto& row = annotations[entry.index];
            bytes = rowBytes(row) + row.context.size();
            problem = unsendable(row, bytes);
            skipped = SkippedRow{"annotation", row.sampleId, row.annotator, row.seq, {}};
            break;
        }
        case Source::Resolution: {
            const auto& row = resolutions[entry.index];
            bytes = rowBytes(row);
            problem = unsendable(row, bytes);
            skipped = SkippedRow{"resolution", row.sampleId, {}, row.seq, {}};
            break;
        }
        case Source::Response: {
            const auto& row = responses[entry.index];
            bytes = row.reason.size() + row.sampleId.size() + row.annotator.size() + kRowOverheadBytes;
            break;
        }
        case Source::Suggestion: {
            const auto& row = suggestions[entry.index];
            // A question that hides its suggestions hides them from those who answer it, blind
            // mode or not; reviewers and admins see them.
            const Question* question = schema.findQuestion(row.question);
            wanted = who.role != Role::Annotator || (question && question->suggestions != SuggestionMode::Hidden);
            bytes = row.value.size() + row.sampleId.size() + row.agent.size() + kRowOverheadBytes;
            problem = unsendable(bytes, row.sampleId, row.value, limits::kValueDepth);
            skipped = SkippedRow{"suggestion", row.sampleId, row.agent, row.seq, {}};
            break;
        }
        }
        if (!wanted) {
            last = entry.seq;
            continue;
        }
        if (problem) {
            skipped.reason = *problem;
            builder.skip(page.skipped, std::move(skipped));
        } else if (builder.fits(bytes)) {
            builder.take(bytes);
            switch (entry.source) {
            case Source::Annotation:
                page.annotations.push_back(std::move(annotations[entry.index]));
                break;
            case Source::Resolution:
                page.resolutions.push_back(std::move(resolutions[entry.index]));
                break;
            case Source::Response:
                page.responses.push_back(std::move(responses[entry.index]));
                break;
            case Source::Suggestion:
                page.suggestions.push_back(std::move(suggestions[entry.index]));
                break;
            }
        } else {
            break;
        }
        last = entry.seq;
        ++taken;
    }
    page.more = consumed < entries.size();
    // With nothing more to see, the cursor moves to the head: changes this user may not
    // receive are skipped for good.
    page.next = page.more ? last : std::max(request.after, page.head);
    if (server.schemaSeq() > request.after) {
        page.records = schema.toJson();
    }
    return page;
}

SamplePage pageSamples(ServerStore& server, const SamplesRequest& request)
{
    auto samples = server.samplesAfter(request.after, request.limit + 1);
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
