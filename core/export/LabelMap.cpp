// The label2id/id2label maps; see LabelMap.hpp.
#include "core/export/LabelMap.hpp"

namespace concord::exporting {

std::vector<std::string> labelNamesOf(const ExportSchema& schema)
{
    if (schema.kind != TaskKind::Rating || !schema.labels.empty()) {
        return schema.labels;
    }
    std::vector<std::string> names;
    for (int r = schema.ratingMin; r <= schema.ratingMax; ++r) {
        names.push_back(std::to_string(r));
    }
    return names;
}

nlohmann::ordered_json labelMap(const ExportSchema& schema)
{
    const std::vector<std::string> names = labelNamesOf(schema);
    nlohmann::ordered_json label2id = nlohmann::ordered_json::object();
    nlohmann::ordered_json id2label = nlohmann::ordered_json::object();
    for (std::size_t id = 0; id < names.size(); ++id) {
        label2id[names[id]] = id;
        id2label[std::to_string(id)] = names[id];
    }
    return nlohmann::ordered_json{{"label2id", std::move(label2id)}, {"id2label", std::move(id2label)}};
}

} // namespace concord::exporting
