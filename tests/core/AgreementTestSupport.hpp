// Helpers shared by the agreement tests: tables written as one row of values per annotator
// (the layout of the published examples), values printed to a given number of decimals, and
// the reference data under tests/data/agreement.
#pragma once

#include "core/quality/agreement/RatingTableBuilder.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace concord::test {

// rows[a][u] is annotator a's value for unit u; "" or "." is missing. Items are "u1", "u2", ...
inline quality::RatingTable tableFromRows(const std::vector<std::vector<std::string>>& rows,
                                          const quality::ValueOrder& order = {})
{
    std::vector<quality::Triple> triples;
    for (std::size_t a = 0; a < rows.size(); ++a) {
        for (std::size_t u = 0; u < rows[a].size(); ++u) {
            const std::string& value = rows[a][u];
            if (!value.empty() && value != ".") {
                triples.push_back({"u" + std::to_string(u + 1), "coder" + std::to_string(a + 1), value});
            }
        }
    }
    return quality::ratingTableFromTriples(triples, order);
}

// A two-annotator table from a cross table given as counts[i][j] (row: first annotator's value
// values[i], column: second's values[j]).
inline quality::RatingTable tableFromCrossCounts(const std::vector<std::string>& values,
                                                 const std::vector<std::vector<int>>& counts)
{
    std::vector<quality::Triple> triples;
    int item = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        for (std::size_t j = 0; j < counts[i].size(); ++j) {
            for (int k = 0; k < counts[i][j]; ++k) {
                const std::string name = "i" + std::to_string(++item);
                triples.push_back({name, "first", values[i]});
                triples.push_back({name, "second", values[j]});
            }
        }
    }
    quality::ValueOrder order;
    order.listed = values;
    return quality::ratingTableFromTriples(triples, order);
}

// The value as printed with `decimals` digits after the point, to compare with a published
// figure digit for digit.
inline std::string printed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

inline std::string agreementData(const std::string& name)
{
    return std::string(CONCORD_TEST_DATA) + "/agreement/" + name;
}

inline const nlohmann::json& expectedAgreement()
{
    static const nlohmann::json expected = [] {
        std::ifstream in(agreementData("expected.json"));
        return nlohmann::json::parse(in);
    }();
    return expected;
}

} // namespace concord::test
