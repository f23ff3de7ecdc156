// The leakage check: a text (after quality::normalizeForDuplicates) that appears in two or
// more splits lets a model be tested on what it trained on. Lists every such text with the
// samples that carry it in each split.
#pragma once

#include "core/export/Splits.hpp"

#include <string>
#include <vector>

namespace concord::exporting {

struct LeakedSample
{
    std::string split;
    std::string id;
};

struct LeakedText
{
    std::string text;                  // normalised
    std::vector<LeakedSample> samples; // in split order, then record order
};

struct LeakageReport
{
    std::size_t texts = 0;          // distinct normalised texts checked
    std::vector<LeakedText> shared; // texts in more than one split, by first appearance
    bool clean() const { return shared.empty(); }
};

LeakageReport checkLeakage(const std::vector<NamedSplit>& splits);

} // namespace concord::exporting
