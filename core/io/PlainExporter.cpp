#include "core/io/PlainExporter.hpp"

#include "core/feedback/ResponseExport.hpp"
#include "core/io/AtomicFile.hpp"
#include "core/io/KeySelection.hpp"

namespace concord::io {

std::size_t exportPlainJsonl(Project& project, std::ostream& output, const std::vector<std::int64_t>* only,
                             bool allResponses)
{
    if (!project.isLegacy()) {
        return exportResponsesJsonl(project, output, allResponses, only);
    }
    // Annotations come in sample order from one scan, merged with the samples' scan, so the
    // export costs two sequential reads rather than a query per sample.
    auto annotations =
        project.database().prepare("SELECT sample, annotator, value FROM annotations ORDER BY sample, annotator");
    bool moreAnnotations = annotations.step();
    auto gold = project.database().prepare("SELECT sample, value, note, author FROM resolutions ORDER BY sample");
    bool moreGold = gold.step();

    std::size_t count = 0;
    KeySelection selection(only);
    project.samples().forEach([&](const Sample& sample) {
        if (!selection.wants(sample.key)) {
            return;
        }
        nlohmann::ordered_json line;
        line["id"] = sample.id;
        line["text"] = sample.text;
        line["meta"] = nlohmann::ordered_json::parse(sample.meta);
        nlohmann::ordered_json values = nlohmann::ordered_json::object();
        while (moreAnnotations && annotations.columnInt(0) < sample.key) {
            moreAnnotations = annotations.step();
        }
        while (moreAnnotations && annotations.columnInt(0) == sample.key) {
            values[annotations.columnText(1)] = nlohmann::ordered_json::parse(annotations.columnView(2));
            moreAnnotations = annotations.step();
        }
        line["annotations"] = std::move(values);
        while (moreGold && gold.columnInt(0) < sample.key) {
            moreGold = gold.step();
        }
        if (moreGold && gold.columnInt(0) == sample.key) {
            line["gold"] = {{"value", nlohmann::ordered_json::parse(gold.columnView(1))},
                            {"note", gold.columnText(2)},
                            {"author", gold.columnText(3)}};
        } else {
            line["gold"] = nullptr;
        }
        output << line.dump() << '\n';
        ++count;
    });
    return count;
}

std::size_t exportPlainJsonlFile(Project& project, const std::string& path, const std::vector<std::int64_t>* only,
                                 bool allResponses)
{
    AtomicFile file(path);
    const std::size_t count = exportPlainJsonl(project, file.stream(), only, allResponses);
    file.commit();
    return count;
}

} // namespace concord::io
