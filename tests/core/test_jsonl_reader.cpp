// JsonlReader: records, skipped lines, line numbers and the problems it reports.
#include "ReaderTestSupport.hpp"

#include "core/io/JsonlReader.hpp"

#include <sstream>

using concord::io::JsonlReader;
using concord::test::asProblem;
using concord::test::asRecord;
using concord::test::describe;
using concord::test::drain;

namespace {

std::vector<concord::io::ReadResult> readJsonl(const std::string& text,
                                               std::size_t chunkSize = concord::io::LineSource::kDefaultChunkSize)
{
    std::istringstream input(text);
    JsonlReader reader(input, chunkSize);
    return drain(reader);
}

} // namespace

TEST_CASE("JSONL objects become records with their physical line", "[io][jsonl]")
{
    const auto results = readJsonl("{\"text\":\"hello\",\"n\":1}\n"
                                   "\n"
                                   "   \t \n"
                                   "{\"text\":\"w\\u00f6rld\",\"meta\":{\"a\":[1,2]}}\n");
    REQUIRE(results.size() == 2);
    const auto& first = asRecord(results[0]);
    CHECK(first.line == 1);
    CHECK(first.fields == nlohmann::json{{"text", "hello"}, {"n", 1}});
    CHECK(first.raw == "{\"text\":\"hello\",\"n\":1}");
    const auto& second = asRecord(results[1]);
    CHECK(second.line == 4);
    CHECK(second.fields["text"] == "wörld");
    CHECK(second.fields["meta"]["a"] == nlohmann::json::array({1, 2}));
}

TEST_CASE("JSONL accepts a BOM, CRLF and a last line without a newline", "[io][jsonl]")
{
    const auto results = readJsonl("\xEF\xBB\xBF{\"a\":1}\r\n\r\n{\"a\":2}");
    REQUIRE(results.size() == 2);
    CHECK(asRecord(results[0]).line == 1);
    CHECK(asRecord(results[0]).raw == "{\"a\":1}");
    CHECK(asRecord(results[1]).line == 3);
    CHECK(asRecord(results[1]).fields["a"] == 2);
    CHECK(asRecord(results[1]).raw == "{\"a\":2}");
}

TEST_CASE("JSONL reports invalid UTF-8 with the byte position before parsing", "[io][jsonl]")
{
    const auto results = readJsonl("{\"a\":1}\n{\"t\":\"ab\xC3\x28\"}\n{\"a\":3}\n");
    REQUIRE(results.size() == 3);
    const auto& problem = asProblem(results[1]);
    CHECK(problem.line == 2);
    CHECK(problem.message == "invalid UTF-8 at byte 9 of the line");
    CHECK(problem.raw == "{\"t\":\"ab\xC3\x28\"}");
    // Reading goes on after a problem.
    CHECK(asRecord(results[2]).line == 3);
}

TEST_CASE("JSONL reports invalid JSON with a short parser message", "[io][jsonl]")
{
    const auto results = readJsonl("{\"a\":tru}\n{\"a\":1} {}\n{\"a\":\"unterminated}\n{\"a\":1e999}\n{\"a\":1}\n");
    REQUIRE(results.size() == 5);

    const auto& literal = asProblem(results[0]);
    CHECK(literal.line == 1);
    CHECK(literal.message == "invalid JSON: syntax error while parsing value - invalid literal (column 9)");
    CHECK(literal.raw == "{\"a\":tru}");

    const auto& trailing = asProblem(results[1]);
    CHECK(trailing.line == 2);
    CHECK(trailing.message ==
          "invalid JSON: syntax error while parsing value - unexpected '{'; expected end of input (column 9)");

    const auto& string = asProblem(results[2]);
    CHECK(string.line == 3);
    CHECK(string.message.rfind("invalid JSON: syntax error while parsing value - invalid string", 0) == 0);
    // The offending token is left out: it can be as long as the line.
    CHECK(string.message.find("last read") == std::string::npos);

    const auto& overflow = asProblem(results[3]);
    CHECK(overflow.line == 4);
    CHECK(overflow.message == "invalid JSON: number overflow parsing '1e999'");

    CHECK(asRecord(results[4]).line == 5);
}

TEST_CASE("JSONL requires each line to be an object", "[io][jsonl]")
{
    const auto results = readJsonl("[1,2]\n\"text\"\n42\nnull\ntrue\n{}\n");
    REQUIRE(results.size() == 6);
    CHECK(asProblem(results[0]).message == "expected a JSON object, found an array");
    CHECK(asProblem(results[1]).message == "expected a JSON object, found a string");
    CHECK(asProblem(results[2]).message == "expected a JSON object, found a number");
    CHECK(asProblem(results[3]).message == "expected a JSON object, found null");
    CHECK(asProblem(results[4]).message == "expected a JSON object, found a boolean");
    CHECK(asProblem(results[4]).line == 5);
    CHECK(asRecord(results[5]).fields.is_object());
    CHECK(asRecord(results[5]).fields.empty());
}

TEST_CASE("JSONL tolerates a BOM at the start of a later line", "[io][jsonl]")
{
    // Concatenated files carry their BOMs along; nlohmann's parser skips a leading one.
    const auto results = readJsonl("{\"a\":1}\n\xEF\xBB\xBF{\"a\":2}\n");
    REQUIRE(results.size() == 2);
    CHECK(asRecord(results[1]).line == 2);
    CHECK(asRecord(results[1]).fields["a"] == 2);
}

TEST_CASE("JSONL reads the same whatever the chunk size", "[io][jsonl]")
{
    const std::string text = "\xEF\xBB\xBF{\"a\":\"x\"}\r\n\n{\"b\":\"\xF0\x9F\x98\x80\"}\n[1]\n{\"c\":\r\n"
                             "{\"d\":\"" +
                             std::string(300, 'z') + "\"}";
    const std::string expected = describe(readJsonl(text));
    const std::size_t chunkSize = GENERATE(1, 2, 3, 4, 7, 64);
    CAPTURE(chunkSize);
    CHECK(describe(readJsonl(text, chunkSize)) == expected);
    CHECK(expected.find("record 6 {\"d\":\"zzz") != std::string::npos);
}

TEST_CASE("JSONL counts consumed bytes including the BOM and line ends", "[io][jsonl]")
{
    const std::string text = "\xEF\xBB\xBF{\"a\":1}\r\n\n{\"a\":2}\n";
    std::istringstream input(text);
    JsonlReader reader(input, 4);
    CHECK(reader.bytesConsumed() == 0);
    REQUIRE(reader.next().has_value());
    CHECK(reader.bytesConsumed() == 3 + 9);
    REQUIRE(reader.next().has_value());
    CHECK(reader.bytesConsumed() == text.size());
    CHECK_FALSE(reader.next().has_value());
    CHECK(reader.bytesConsumed() == text.size());
}

TEST_CASE("JSONL on empty or blank input yields nothing", "[io][jsonl]")
{
    CHECK(readJsonl("").empty());
    CHECK(readJsonl("\xEF\xBB\xBF").empty());
    CHECK(readJsonl("\n\r\n  \n").empty());
}
