#include "core/quality/leaderboard/ComparisonsCsv.hpp"

#include "core/io/CsvReader.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

namespace concord::quality {

namespace {

constexpr std::size_t kMaxRecordKeyBytes = 256;

Outcome outcomeFrom(const std::string& winner)
{
    if (winner == "a" || winner == "A") {
        return Outcome::AWins;
    }
    if (winner == "b" || winner == "B") {
        return Outcome::BWins;
    }
    if (winner == "tie" || winner == "TIE" || winner == "Tie") {
        return Outcome::Tie;
    }
    throw InputError("winner '" + winner + "' is not one of a, b, tie");
}

const std::string& column(const nlohmann::json& fields, const std::string& name)
{
    return fields.at(name).get_ref<const std::string&>();
}

} // namespace

ComparisonSet readComparisonsCsv(std::istream& input, const std::string& name)
{
    io::CsvReader reader(input);
    ComparisonSetBuilder builder;
    bool checkedHeader = false;
    bool hasRecord = false;
    const auto checkHeader = [&] {
        const auto& header = reader.header();
        for (const char* wanted : {"model_a", "model_b", "winner"}) {
            if (std::find(header.begin(), header.end(), wanted) == header.end()) {
                throw InputError(name + ": the header has no '" + wanted +
                                 "' column; expected model_a,model_b,winner (and optionally record)");
            }
        }
        hasRecord = std::find(header.begin(), header.end(), "record") != header.end();
        checkedHeader = true;
    };
    while (const auto result = reader.next()) {
        if (const auto* problem = std::get_if<io::ReadProblem>(&*result)) {
            throw InputError(name + ":" + std::to_string(problem->line) + ": " + problem->message);
        }
        const auto& row = std::get<io::SourceRecord>(*result);
        if (!checkedHeader) {
            checkHeader();
        }
        try {
            const Outcome outcome = outcomeFrom(column(row.fields, "winner"));
            std::uint32_t record = 0;
            if (hasRecord) {
                const std::string& key = column(row.fields, "record");
                if (key.empty() || key.size() > kMaxRecordKeyBytes) {
                    throw InputError("the record is empty or longer than " + std::to_string(kMaxRecordKeyBytes) +
                                     " bytes");
                }
                record = builder.recordNamed(key);
            } else {
                record = builder.newRecord();
            }
            builder.add(record, column(row.fields, "model_a"), column(row.fields, "model_b"), outcome);
        } catch (const InputError& error) {
            throw InputError(name + ":" + std::to_string(row.line) + ": " + error.what());
        }
    }
    if (reader.header().empty()) {
        throw InputError(name + ": the file is empty; expected a header model_a,model_b,winner and a row per vote");
    }
    if (!checkedHeader) {
        checkHeader();
    }
    return builder.build();
}

ComparisonSet loadComparisonsCsv(const std::string& path)
{
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxComparisonsFileBytes) {
        throw InputError(path + ": the file has " + std::to_string(size) + " bytes; at most " +
                         std::to_string(kMaxComparisonsFileBytes) + " are read");
    }
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw StoreError("cannot open '" + path + "': " + std::strerror(errno));
    }
    return readComparisonsCsv(input, path);
}

} // namespace concord::quality
