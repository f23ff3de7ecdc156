// Votes between two models, grouped by the record they came from: the input of the
// Bradley–Terry leaderboard. The record is the bootstrap's unit (one record may hold the votes
// of several annotators, or every pair of a ranking), so the votes of one record stay together.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace concord::quality {

enum class Outcome : std::uint8_t
{
    AWins,
    BWins,
    Tie // half a win for each side
};

struct Comparison
{
    std::uint32_t a = 0; // model indices into ComparisonSet::models
    std::uint32_t b = 0;
    Outcome outcome = Outcome::Tie;
};

struct ComparisonSet
{
    std::vector<std::string> models;      // index -> name, in order of first appearance
    std::vector<Comparison> comparisons;  // grouped by record
    std::vector<std::size_t> recordStart; // record r: comparisons [recordStart[r], recordStart[r + 1])

    std::size_t recordCount() const { return recordStart.empty() ? 0 : recordStart.size() - 1; }
};

// Limits that keep a hostile file from exhausting memory: the win matrices grow with the square
// of the number of models.
inline constexpr std::size_t kMaxModels = 2000;
inline constexpr std::size_t kMaxModelNameBytes = 256;

class ComparisonSetBuilder
{
public:
    // A record of its own (a comparison file without a record column: every row is one).
    std::uint32_t newRecord();
    // The record named `key`, made on first use.
    std::uint32_t recordNamed(std::string_view key);
    // Throws InputError when both sides are the same model, a name is empty or too long, or
    // there would be more than kMaxModels models.
    void add(std::uint32_t record, std::string_view modelA, std::string_view modelB, Outcome outcome);
    // Records without comparisons are left out.
    ComparisonSet build();

private:
    std::uint32_t modelIndex(std::string_view name);

    std::unordered_map<std::string, std::uint32_t> m_modelIndex;
    std::vector<std::string> m_models;
    std::unordered_map<std::string, std::uint32_t> m_recordIndex;
    std::uint32_t m_records = 0;
    std::vector<std::uint32_t> m_recordOf; // per comparison, in the order added
    std::vector<Comparison> m_comparisons;
};

} // namespace concord::quality
