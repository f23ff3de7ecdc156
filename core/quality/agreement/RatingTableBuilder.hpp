// Builds a RatingTable from (item, annotator, value) rows, the shape of a spreadsheet of
// annotations: names become dense indices, the values get their order, and a pair rated twice
// is refused. The CSV loader (TriplesCsv) and the project loader (ProjectRatings) both use it.
#pragma once

#include "core/quality/agreement/RatingTable.hpp"
#include "core/util/StringInterner.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace concord::quality {

struct Triple
{
    std::string item;
    std::string annotator;
    std::string value; // empty: missing
};

// How the values are ordered (the order ordinal distances and label positions use).
struct ValueOrder
{
    // When non-empty, the values in this order. Listed values that nobody used are kept (they
    // count as possible values, e.g. for Bennett's S); a used value that is not listed is an
    // InputError unless `appendUnlisted` is set, which puts it after the listed ones.
    std::vector<std::string> listed;
    bool appendUnlisted = false;
};

// A number when the whole text is one (an optional sign, digits, a fraction, an exponent), and
// finite; nullopt otherwise. "1" and "1.0" are both 1 but stay two different values.
std::optional<double> parseNumber(std::string_view text);

class RatingTableBuilder
{
public:
    // Adds one row. An empty value is a missing rating: the item and the annotator are still
    // registered, nothing is rated. Throws InputError for an empty item or annotator and for
    // names that are not valid UTF-8 (the caller adds where).
    void add(std::string_view item, std::string_view annotator, std::string_view value);
    std::size_t rows() const { return m_rows.size(); }
    // Room for this many rows, so that a large file is not copied while its rows grow.
    void reserve(std::size_t rows) { m_rows.reserve(rows); }

    // The table. Without a listed order, values are in numeric order when every value is a
    // number, else in order of first appearance. Ratings come out grouped by item, in input
    // order within an item. Throws InputError when an (item, annotator) pair appears on two
    // rows (with or without a value), naming both through `rowName(k)` (k 0-based; "row k+1"
    // by default). The builder is left empty.
    RatingTable build(const ValueOrder& order = {}, const std::function<std::string(std::size_t)>& rowName = {});

private:
    static constexpr std::uint32_t kMissing = UINT32_MAX;

    StringInterner m_items;
    StringInterner m_annotators;
    StringInterner m_values;
    std::vector<Rating> m_rows; // value kMissing for a row without a value
    bool m_grouped = true;      // every item's rows so far came together
};

// The table of plain triples (see RatingTableBuilder::build; rows are named "row N").
RatingTable ratingTableFromTriples(const std::vector<Triple>& triples, const ValueOrder& order = {});

} // namespace concord::quality
