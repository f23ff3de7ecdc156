// Assignment: hands an annotator the next samples to label so that every sample gets the
// project's overlap of k distinct annotators. A handed-out sample is reserved for the
// annotator until the reservation lapses; while it holds, the sample counts towards k, so two
// annotators asking at once never get more than k reservations between them (requests run
// one after another on the server's database thread).
#pragma once

#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/ServerStore.hpp"

#include <chrono>

namespace concord::net {

Assignment assignNext(ServerStore& server, const Identity& who, const NextRequest& request,
                      std::chrono::milliseconds reservationTime);

} // namespace concord::net
