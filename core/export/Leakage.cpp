// Normalised texts shared across splits; see Leakage.hpp.
#include "core/export/Leakage.hpp"

#include "core/quality/integrity/TextNormalize.hpp"

#include <unordered_map>

namespace concord::exporting {

LeakageReport checkLeakage(const std::vector<NamedSplit>& splits)
{
    struct Seen
    {
        std::size_t firstSplit = 0;
        bool shared = false;
        std::vector<LeakedSample> samples;
    };
    std::unordered_map<std::string, std::size_t> indexOf;
    std::vector<std::pair<std::string, Seen>> texts;
    for (std::size_t s = 0; s < splits.size(); ++s) {
        for (const auto& record : splits[s].records) {
            std::string text = quality::normalizeForDuplicates(record.text);
            const auto [it, added] = indexOf.try_emplace(text, texts.size());
            if (added) {
                texts.emplace_back(std::move(text), Seen{s, false, {}});
            }
            Seen& seen = texts[it->second].second;
            seen.shared = seen.shared || seen.firstSplit != s;
            seen.samples.push_back(LeakedSample{splits[s].name, record.id});
        }
    }
    LeakageReport report;
    report.texts = texts.size();
    for (auto& [text, seen] : texts) {
        if (seen.shared) {
            report.shared.push_back(LeakedText{text, std::move(seen.samples)});
        }
    }
    return report;
}

} // namespace concord::exporting
