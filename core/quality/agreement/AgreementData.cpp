// Wrapping tables as agreement input; see AgreementData.hpp.
#include "core/quality/agreement/AgreementData.hpp"

#include <utility>

namespace concord::quality {

std::string_view toString(DataKind kind)
{
    switch (kind) {
    case DataKind::Labels:
        return "labels";
    case DataKind::Ratings:
        return "ratings";
    case DataKind::Sets:
        return "label sets";
    case DataKind::Spans:
        return "spans";
    }
    return "labels";
}

AgreementData dataFromTable(RatingTable table)
{
    AgreementData data;
    data.kind = table.allNumeric() ? DataKind::Ratings : DataKind::Labels;
    data.table = std::move(table);
    return data;
}

AgreementData setDataFromTable(const RatingTable& table, char separator)
{
    AgreementData data;
    data.kind = DataKind::Sets;
    data.sets = setRatingsFromSeparated(table, separator);
    data.table = data.sets->table;
    return data;
}

} // namespace concord::quality
