// Applies what the server says to a replica, each step in one transaction so that a crash or a
// dropped connection leaves nothing half-applied: the project settings of a welcome, a page of
// samples, the acknowledgements of a push (clearing the outbox), a page of changes (moving the
// cursor). No sockets: tests drive it with messages made by hand.
#pragma once

#include "core/store/Project.hpp"
#include "net/protocol/Messages.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace concord::net {

struct AckSummary
{
    std::int64_t applied = 0;
    std::int64_t duplicates = 0;
    std::int64_t superseded = 0;
    std::vector<std::string> rejections; // "sample s1: forbidden: ..."
};

struct ChangeSummary
{
    std::int64_t annotations = 0;
    std::int64_t resolutions = 0;
    std::int64_t responses = 0;
    std::int64_t suggestions = 0;
    std::int64_t keptLocal = 0; // rows whose unsent local edit is later than the server's
    // With skipMissing: rows of samples this replica lacks (the server could not send them).
    std::vector<std::string> missing;
};

// A change names a sample this replica does not have yet; fetch samples and pull again.
class MissingSample : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The operation as sent in a push.
Operation toOperation(const PendingOperation& pending);
// The fields and questions a welcome announces; throws NetError when this build cannot read them.
RecordSchema schemaOf(const ProjectInfo& project);

class ReplicaApplier
{
public:
    explicit ReplicaApplier(Project& replica) : m_replica(replica) {}

    // Takes over the server's settings, schema and the user's role.
    void applyWelcome(const Welcome& welcome);
    // Returns how many samples were new.
    std::int64_t applySamples(const SamplePage& page);
    // `sent` are the outbox rows the push carried, in its order.
    AckSummary applyAck(const std::vector<PendingOperation>& sent, const Ack& ack);
    // Throws MissingSample (having applied nothing) for a change of an unknown sample, unless
    // `skipMissing`: then such rows are passed over and listed (after a fresh fetch of samples,
    // a sample still missing is one the server skipped).
    ChangeSummary applyChanges(const Changes& changes, bool skipMissing = false);

private:
    // Moves the cursor past the sender's own rows when nothing else lies between (see the .cpp).
    void skipOwnChanges(const std::vector<PendingOperation>& sent, const Ack& ack);
    void restoreAnnotation(const PendingOperation& sent, const OpResult& result);
    void restoreResolution(const PendingOperation& sent, const OpResult& result);
    void restoreResponse(const PendingOperation& sent, const OpResult& result);
    std::string questionOf(const std::string& question) const;

    Project& m_replica;
};

} // namespace concord::net
