// The keys of a range of samples without their texts: what the GUI's samples list needs to put
// rows up to a sample deep in a large project (a resumed annotator's first unlabeled sample)
// before it reads, page by page, only the rows that are shown.
#pragma once

#include <cstdint>
#include <vector>

namespace concord::sqlite {
class Database;
}

namespace concord::store {

// The sample keys greater than `afterKey` and at most `throughKey`, ascending.
std::vector<std::int64_t> sampleKeysThrough(sqlite::Database& db, std::int64_t afterKey, std::int64_t throughKey);

} // namespace concord::store
