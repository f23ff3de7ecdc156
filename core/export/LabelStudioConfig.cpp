// The Label Studio project a Concord export goes into: its labeling config, the rating ↔ stars
// mapping, and the dataset card's section on using the two; see LabelStudioFormat.hpp.
#include "core/export/LabelStudioFormat.hpp"

#include <sstream>

namespace concord::exporting {

namespace {

std::string xmlEscaped(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string starsWord(int stars)
{
    return std::to_string(stars) + (stars == 1 ? " star" : " stars");
}

// "rating 0 is 1 star, rating 1 is 2 stars, ..., rating 4 is 5 stars".
std::string starScale(const ExportSchema& schema)
{
    const auto entry = [&](int rating) {
        return "rating " + std::to_string(rating) + " is " + starsWord(labelStudioStars(rating, schema));
    };
    std::string out = entry(schema.ratingMin);
    if (schema.ratingMax - schema.ratingMin > 2) {
        out += ", " + entry(schema.ratingMin + 1) + ", ...";
    } else {
        for (int rating = schema.ratingMin + 1; rating < schema.ratingMax; ++rating) {
            out += ", " + entry(rating);
        }
    }
    return out + ", " + entry(schema.ratingMax);
}

} // namespace

int labelStudioStarCount(const ExportSchema& schema)
{
    return schema.ratingMax - schema.ratingMin + 1;
}

int labelStudioStars(int rating, const ExportSchema& schema)
{
    return rating - schema.ratingMin + 1;
}

int ratingOfLabelStudioStars(int stars, const ExportSchema& schema)
{
    return stars + schema.ratingMin - 1;
}

std::string labelStudioConfig(const ExportSchema& schema)
{
    std::string xml = "<View>\n  <Text name=\"text\" value=\"$text\"/>\n";
    switch (schema.kind) {
    case TaskKind::Spans:
        xml += "  <Labels name=\"label\" toName=\"text\">\n";
        for (const auto& label : schema.labels) {
            xml += "    <Label value=\"" + xmlEscaped(label) + "\"/>\n";
        }
        xml += "  </Labels>\n";
        break;
    case TaskKind::Single:
    case TaskKind::Multi:
        xml += std::string("  <Choices name=\"label\" toName=\"text\" choice=\"") +
               (schema.kind == TaskKind::Single ? "single" : "multiple") + "\">\n";
        for (const auto& label : schema.labels) {
            xml += "    <Choice value=\"" + xmlEscaped(label) + "\"/>\n";
        }
        xml += "  </Choices>\n";
        break;
    case TaskKind::Rating:
        // Label Studio's editor reads the config with a parser that drops comments, so the
        // mapping can be written here for whoever opens the file.
        xml += "  <!-- Concord ratings " + std::to_string(schema.ratingMin) + ".." + std::to_string(schema.ratingMax) +
               " as stars: " + starScale(schema) + " -->\n";
        xml += "  <Rating name=\"label\" toName=\"text\" maxRating=\"" + std::to_string(labelStudioStarCount(schema)) +
               "\"/>\n";
        break;
    }
    return xml + "</View>\n";
}

std::string labelStudioCardSection(const ExportSchema& schema, const std::vector<std::string>& taskFiles)
{
    std::ostringstream out;
    out << "## Using it in Label Studio\n\n"
        << "1. Create a project and paste `label_config.xml` into its Settings → Labeling Interface → Code. It "
           "has a `Text` named `text` and a control named `label`, the names the tasks' results use.\n"
        << "2. Import ";
    for (std::size_t i = 0; i < taskFiles.size(); ++i) {
        out << (i == 0 ? "" : ", ") << '`' << taskFiles[i] << '`';
    }
    out << " on the project's Import page: " << (taskFiles.size() == 1 ? "it is" : "each is")
        << " a JSON list of tasks with their annotations (`completed_by` names the annotator, `ground_truth` "
           "marks a reviewer's gold value).\n"
        << "3. To bring the annotations made in Label Studio back, export the project there as JSON and import "
           "that file into the Concord project as Label Studio JSON.\n\n";
    if (schema.kind == TaskKind::Spans) {
        out << "Span offsets (`start`, `end`) count Unicode code points, as Label Studio does (and Python's "
               "`str`), not UTF-16 units: 🙂 is one, 👍🏽 two (the hand and its skin tone), 🇫🇷 two, a line "
               "break one and CRLF two.\n\n";
    }
    if (schema.kind == TaskKind::Rating) {
        out << "Ratings: Label Studio's `Rating` has 1.." << labelStudioStarCount(schema) << " stars";
        if (schema.ratingMin == 1) {
            out << ", the same as this project's scale: rating r is r stars.\n\n";
        } else {
            out << ", so a rating r of this project's scale " << schema.ratingMin << ".." << schema.ratingMax
                << " is written as r − " << schema.ratingMin << " + 1 stars: " << starScale(schema)
                << ". The import maps stars back the same way.\n\n";
        }
    }
    return out.str();
}

} // namespace concord::exporting
