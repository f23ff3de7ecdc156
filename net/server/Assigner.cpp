#include "net/server/Assigner.hpp"

namespace concord::net {

Assignment assignNext(ServerStore& server, const Identity& who, const NextRequest& request,
                      std::chrono::milliseconds reservationTime)
{
    auto& reservations = server.reservations();
    const std::int64_t now = server.now();
    const std::int64_t expiresAt = now + reservationTime.count();
    const int overlap = server.overlap();
    reservations.expire(now);

    // Samples already held come first (asking again renews them), then new ones.
    std::vector<std::int64_t> keys = reservations.heldBy(who.user, now);
    if (static_cast<int>(keys.size()) > request.count) {
        keys.resize(static_cast<std::size_t>(request.count));
    }
    const int wanted = request.count - static_cast<int>(keys.size());
    if (wanted > 0) {
        for (std::int64_t key : reservations.candidates(who.user, overlap, now, wanted)) {
            keys.push_back(key);
        }
    }

    Assignment assignment;
    assignment.id = request.id;
    assignment.expiresAt = expiresAt;
    for (std::int64_t key : keys) {
        reservations.reserve(key, who.user, expiresAt);
        if (auto sample = server.sample(key)) {
            assignment.samples.push_back(sample->id);
        }
    }
    if (assignment.samples.empty()) {
        assignment.waiting = reservations.heldByOthers(who.user, overlap, now);
    }
    return assignment;
}

} // namespace concord::net
