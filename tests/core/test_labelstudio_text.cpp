// The two small readers behind Label Studio's files: value.text as the editor writes it
// (LabelStudioText) and the ISO 8601 times that decide which of two annotations is the later
// (IsoTimestamp).
#include "core/export/IsoTimestamp.hpp"
#include "core/export/LabelStudioText.hpp"

#include <catch2/catch.hpp>

using namespace concord::exporting;

TEST_CASE("Label Studio value.text: line breaks escaped or dropped and collapsed spaces are the same text",
          "[labelstudio]")
{
    CHECK(labelStudioComparable("one\\n\\nLine  two ") == "oneLinetwo");
    CHECK(labelStudioComparable("one\r\nLine two") == "oneLinetwo");
    CHECK(labelStudioComparable(" \t lead  double\n") == "leaddouble");
    // A span the editor makes: line breaks escaped, spaces collapsed.
    CHECK(sameLabelStudioText("line\\nBob", "line\nBob"));
    CHECK(sameLabelStudioText("one\\n\\nLine", "one\r\nLine"));
    CHECK(sameLabelStudioText("lead double", "lead  double"));
    // The same span after the editor loaded and saved it again: the <br> leaves nothing.
    CHECK(sameLabelStudioText("lineBob", "line\nBob"));
    CHECK(sameLabelStudioText("oneLine", "one\r\nLine"));
    CHECK(sameLabelStudioText("\U0001F44D\U0001F3FD", "\U0001F44D\U0001F3FD"));
    // Letters, emoji and words are never forgiven.
    CHECK_FALSE(sameLabelStudioText("line\\nRob", "line\nBob"));
    CHECK_FALSE(sameLabelStudioText("Ann", " An"));
    CHECK_FALSE(sameLabelStudioText("\U0001F44D\U0001F3FD", "\U0001F3FD g"));
    CHECK_FALSE(sameLabelStudioText("lead double", "lead double space"));
    // A backslash that is not an escape stays a backslash.
    CHECK(labelStudioComparable("C:\\temp") == "C:\\temp");
}

TEST_CASE("ISO timestamps compare by the instant they name", "[labelstudio]")
{
    const auto at = [](const char* text) { return parseIsoTimestamp(text); };
    CHECK(at("1970-01-01T00:00:00Z") == 0);
    CHECK(at("2021-03-09T22:16:08.728353Z") == 1615328168728353);
    CHECK(at("2021-03-09 22:16:08.7283539") == 1615328168728353); // digits past the sixth dropped
    CHECK(at("2021-03-09T23:16:08.728353+01:00") == at("2021-03-09T22:16:08.728353Z"));
    CHECK(at("2021-03-09T17:16:08.728353-0500") == at("2021-03-09T22:16:08.728353Z"));
    CHECK(at("2024-02-29T12:00:00") == 1709208000000000);
    // As text "…:00Z" sorts after "…:00.5Z"; as instants it is half a second earlier.
    CHECK(*at("2024-05-03T09:00:00Z") < *at("2024-05-03T09:00:00.5Z"));
    for (const char* bad : {"", "yesterday", "2024-05-03", "2024-13-01T00:00:00Z", "2024-05-03T09:00:00.Z",
                            "2024-05-03T09:00:00Zjunk", "2024-05-03T09:00:00+1"}) {
        INFO(bad);
        CHECK_FALSE(at(bad));
    }
}
