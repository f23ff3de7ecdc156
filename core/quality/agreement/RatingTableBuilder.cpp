// Turns rows of names into a RatingTable; see RatingTableBuilder.hpp.
#include "core/quality/agreement/RatingTableBuilder.hpp"

#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace concord::quality {

namespace {

void requireName(std::string_view name, const char* what, bool firstSeen)
{
    if (name.empty()) {
        throw InputError(std::string("the ") + what + " is empty");
    }
    // Only a name seen for the first time needs checking: the rest are copies of it.
    if (firstSeen && !utf8::isValid(name)) {
        throw InputError(std::string("the ") + what + " is not valid UTF-8: '" + utf8::sanitized(name) + "'");
    }
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

struct OrderedValues
{
    std::vector<std::string> names;
    std::vector<std::uint32_t> newIndex; // by the interner's index
};

OrderedValues orderValues(std::vector<std::string> seen, const ValueOrder& order)
{
    OrderedValues result;
    result.newIndex.assign(seen.size(), 0);
    if (!order.listed.empty()) {
        std::unordered_map<std::string, std::uint32_t> position;
        for (const auto& name : order.listed) {
            if (!position.emplace(name, static_cast<std::uint32_t>(position.size())).second) {
                throw InputError("the value order lists '" + name + "' twice");
            }
        }
        result.names = order.listed;
        for (std::size_t i = 0; i < seen.size(); ++i) {
            if (const auto found = position.find(seen[i]); found != position.end()) {
                result.newIndex[i] = found->second;
            } else if (order.appendUnlisted) {
                result.newIndex[i] = static_cast<std::uint32_t>(result.names.size());
                result.names.push_back(seen[i]);
            } else {
                throw InputError("the value '" + seen[i] + "' is not in the given order (" + joined(order.listed) +
                                 ")");
            }
        }
        return result;
    }
    std::vector<std::uint32_t> byOrder(seen.size());
    std::iota(byOrder.begin(), byOrder.end(), 0U);
    std::vector<double> numbers(seen.size());
    bool allNumeric = !seen.empty();
    for (std::size_t i = 0; i < seen.size() && allNumeric; ++i) {
        const auto number = parseNumber(seen[i]);
        allNumeric = number.has_value();
        numbers[i] = number.value_or(0.0);
    }
    if (allNumeric) {
        std::stable_sort(byOrder.begin(), byOrder.end(), [&](std::uint32_t a, std::uint32_t b) {
            return numbers[a] < numbers[b] || (numbers[a] == numbers[b] && seen[a] < seen[b]);
        });
    }
    result.names.reserve(seen.size());
    for (std::uint32_t position = 0; position < byOrder.size(); ++position) {
        result.newIndex[byOrder[position]] = position;
        result.names.push_back(std::move(seen[byOrder[position]]));
    }
    return result;
}

} // namespace

std::optional<double> parseNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1); // from_chars refuses a plus sign, spreadsheets write one
        if (!text.empty() && text.front() == '-') {
            return std::nullopt;
        }
    }
    // from_chars also reads "inf" and "nan", which are no ratings.
    if (text.empty() || std::isalpha(static_cast<unsigned char>(text.front())) != 0) {
        return std::nullopt;
    }
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

void RatingTableBuilder::add(std::string_view item, std::string_view annotator, std::string_view value)
{
    Rating row;
    bool first = false;
    std::tie(row.item, first) = m_items.intern(item);
    requireName(item, "item", first);
    std::tie(row.annotator, first) = m_annotators.intern(annotator);
    requireName(annotator, "annotator", first);
    row.value = kMissing;
    if (!value.empty()) {
        std::tie(row.value, first) = m_values.intern(value);
        if (first && !utf8::isValid(value)) {
            throw InputError("the value is not valid UTF-8: '" + utf8::sanitized(value) + "'");
        }
    }
    m_grouped = m_grouped && (m_rows.empty() || row.item >= m_rows.back().item);
    m_rows.push_back(row);
}

RatingTable RatingTableBuilder::build(const ValueOrder& order, const std::function<std::string(std::size_t)>& rowName)
{
    const auto nameRow = [&](std::size_t row) { return rowName ? rowName(row) : "row " + std::to_string(row + 1); };
    RatingTable table;
    table.items = m_items.release();
    table.annotators = m_annotators.release();
    OrderedValues values = orderValues(m_values.release(), order);
    table.values = std::move(values.names);
    table.numeric.reserve(table.values.size());
    for (const auto& value : table.values) {
        table.numeric.push_back(parseNumber(value).value_or(std::numeric_limits<double>::quiet_NaN()));
    }

    // The rows in item order: as they are when each item's rows come together (the usual layout
    // of a file: items are numbered by first appearance, so their numbers then never go down),
    // else by a counting sort (stable, so input order survives within an item). Then a pair
    // rated twice shows as an annotator stamped twice within one item.
    std::vector<std::uint32_t> start(table.items.size() + 1, 0);
    for (const auto& row : m_rows) {
        ++start[row.item + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> byItem;
    if (!m_grouped) {
        byItem.resize(m_rows.size());
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (std::uint32_t row = 0; row < m_rows.size(); ++row) {
            byItem[next[m_rows[row].item]++] = row;
        }
    }
    const auto rowAt = [&](std::uint32_t k) { return m_grouped ? k : byItem[k]; };
    std::vector<std::uint32_t> stampItem(table.annotators.size(), UINT32_MAX);
    std::vector<std::uint32_t> stampRow(table.annotators.size(), 0);
    std::size_t firstRow = 0;
    std::size_t repeatRow = SIZE_MAX;
    std::size_t present = 0;
    for (std::uint32_t item = 0; item < table.items.size(); ++item) {
        for (std::uint32_t k = start[item]; k < start[item + 1]; ++k) {
            const std::uint32_t row = rowAt(k);
            const std::uint32_t annotator = m_rows[row].annotator;
            if (stampItem[annotator] == item) {
                if (row < repeatRow) { // report the earliest repeat in the input
                    repeatRow = row;
                    firstRow = stampRow[annotator];
                }
            } else {
                stampItem[annotator] = item;
                stampRow[annotator] = row;
            }
            present += m_rows[row].value != kMissing ? 1 : 0;
        }
    }
    if (repeatRow != SIZE_MAX) {
        const Rating& row = m_rows[repeatRow];
        throw InputError(nameRow(repeatRow) + ": item '" + table.items[row.item] + "' and annotator '" +
                         table.annotators[row.annotator] + "' appear twice (first on " + nameRow(firstRow) + ")");
    }
    table.ratings.reserve(present);
    for (std::uint32_t k = 0; k < m_rows.size(); ++k) {
        const Rating& rating = m_rows[rowAt(k)];
        if (rating.value != kMissing) {
            table.ratings.push_back(Rating{rating.item, rating.annotator, values.newIndex[rating.value]});
        }
    }
    m_rows = {};
    m_grouped = true;
    return table;
}

RatingTable ratingTableFromTriples(const std::vector<Triple>& triples, const ValueOrder& order)
{
    RatingTableBuilder builder;
    for (std::size_t row = 0; row < triples.size(); ++row) {
        try {
            builder.add(triples[row].item, triples[row].annotator, triples[row].value);
        } catch (const InputError& error) {
            throw InputError("row " + std::to_string(row + 1) + ": " + error.what());
        }
    }
    return builder.build(order);
}

} // namespace concord::quality
