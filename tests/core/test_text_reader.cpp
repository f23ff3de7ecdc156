// TextReader: one sample per line, and choosing a reader by file name (RecordReader.cpp).
#include "ReaderTestSupport.hpp"

#include "core/io/TextReader.hpp"

#include <sstream>

using concord::io::TextReader;
using concord::test::asProblem;
using concord::test::asRecord;
using concord::test::describe;
using concord::test::drain;

namespace {

std::vector<concord::io::ReadResult> readText(const std::string& text,
                                              std::size_t chunkSize = concord::io::LineSource::kDefaultChunkSize)
{
    std::istringstream input(text);
    TextReader reader(input, chunkSize);
    return drain(reader);
}

} // namespace

TEST_CASE("Text lines become records with a text field", "[io][text]")
{
    const auto results = readText("\xEF\xBB\xBF"
                                  "first line\r\n"
                                  "\n"
                                  "  \t\n"
                                  "  indented, \"quoted\" {json}\n"
                                  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    REQUIRE(results.size() == 3);
    CHECK(asRecord(results[0]).line == 1);
    CHECK(asRecord(results[0]).fields == nlohmann::json{{"text", "first line"}});
    CHECK(asRecord(results[0]).raw == "first line");
    // Leading spaces and quotes are part of the text.
    CHECK(asRecord(results[1]).line == 4);
    CHECK(asRecord(results[1]).fields["text"] == "  indented, \"quoted\" {json}");
    CHECK(asRecord(results[2]).line == 5);
    CHECK(asRecord(results[2]).fields["text"] == "שלום");
}

TEST_CASE("Text reports invalid UTF-8 and goes on", "[io][text]")
{
    const auto results = readText("ok\nbad \xED\xA0\x80 surrogate\nfine\n");
    REQUIRE(results.size() == 3);
    const auto& problem = asProblem(results[1]);
    CHECK(problem.line == 2);
    CHECK(problem.message == "invalid UTF-8 at byte 5 of the line");
    CHECK(problem.raw == "bad \xED\xA0\x80 surrogate");
    CHECK(asRecord(results[2]).fields["text"] == "fine");
}

TEST_CASE("Text reads the same whatever the chunk size", "[io][text]")
{
    const std::string text = "\xEF\xBB\xBF"
                             "a\r\n\r\nb\xF0\x9F\x98\x80\n\xC0\xAF\n" +
                             std::string(100, 'x');
    const std::string expected = describe(readText(text));
    const std::size_t chunkSize = GENERATE(1, 2, 3, 8);
    CAPTURE(chunkSize);
    CHECK(describe(readText(text, chunkSize)) == expected);
    CHECK(expected.find("problem 4 invalid UTF-8 at byte 1 of the line") != std::string::npos);
}

TEST_CASE("Text on empty input yields nothing", "[io][text]")
{
    CHECK(readText("").empty());
    CHECK(readText("\n \n\r\n").empty());
}

TEST_CASE("The format follows the file name's extension", "[io]")
{
    using concord::io::Format;
    using concord::io::formatFromPath;
    CHECK(formatFromPath("data/samples.jsonl") == Format::Jsonl);
    CHECK(formatFromPath("samples.NDJSON") == Format::Jsonl);
    CHECK(formatFromPath("samples.json") == Format::Jsonl);
    CHECK(formatFromPath("/tmp/a.b/samples.csv") == Format::Csv);
    CHECK(formatFromPath("samples.TSV") == Format::Csv);
    CHECK(formatFromPath("notes.txt") == Format::Text);
    CHECK_FALSE(formatFromPath("samples.parquet").has_value());
    CHECK_FALSE(formatFromPath("jsonl").has_value());
    CHECK_FALSE(formatFromPath("dir.csv/file").has_value());
}

TEST_CASE("makeReader gives the reader for each format", "[io]")
{
    using concord::io::Format;
    std::istringstream jsonl("{\"text\":\"a\"}\n");
    auto jsonlReader = concord::io::makeReader(Format::Jsonl, jsonl);
    CHECK(asRecord(*jsonlReader->next()).fields == nlohmann::json{{"text", "a"}});

    std::istringstream tsv("text\tlabel\nb\tpos\n");
    auto tsvReader = concord::io::makeReader(Format::Csv, tsv, '\t');
    CHECK(asRecord(*tsvReader->next()).fields == nlohmann::json{{"text", "b"}, {"label", "pos"}});

    std::istringstream text("{\"text\":\"c\"}\n");
    auto textReader = concord::io::makeReader(Format::Text, text);
    CHECK(asRecord(*textReader->next()).fields == nlohmann::json{{"text", "{\"text\":\"c\"}"}});
}
