// Pages of the server's change feed and of its samples. A change is a row's current version
// with the sequence number of its last change; a client that has every change up to N asks for
// those after N (the update-sequence idea of Anki and CouchDB). In a blind project an annotator
// receives only their own answers and responses and no resolutions; others' drafts reach no one.
#pragma once

#include "net/protocol/Messages.hpp"
#include "net/server/Identity.hpp"
#include "net/server/ServerStore.hpp"

namespace concord::net {

// A page stops growing past this many bytes of values and texts, well inside a frame.
constexpr std::size_t kPageBudgetBytes = 1024 * 1024;

Changes pullChanges(ServerStore& server, const Identity& who, const Pull& request, bool blind);
SamplePage pageSamples(ServerStore& server, const SamplesRequest& request);

} // namespace concord::net
