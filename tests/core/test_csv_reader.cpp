// CsvReader: RFC 4180 quoting, line numbers across embedded line breaks, the header rules
// and the problems it reports.
#include "ReaderTestSupport.hpp"

#include "core/io/CsvReader.hpp"
#include "core/util/Error.hpp"

#include <sstream>

using concord::io::CsvReader;
using concord::test::asProblem;
using concord::test::asRecord;
using concord::test::describe;
using concord::test::drain;

namespace {

std::vector<concord::io::ReadResult> readCsv(const std::string& text, char delimiter = ',',
                                             std::size_t chunkSize = concord::io::LineSource::kDefaultChunkSize)
{
    std::istringstream input(text);
    CsvReader reader(input, delimiter, chunkSize);
    return drain(reader);
}

} // namespace

TEST_CASE("CSV records are keyed by the header's names", "[io][csv]")
{
    std::istringstream input("id,text,source\n1,hello,web\n2,,\n");
    CsvReader reader(input);
    const auto results = drain(reader);
    CHECK(reader.header() == std::vector<std::string>{"id", "text", "source"});
    REQUIRE(results.size() == 2);
    const auto& first = asRecord(results[0]);
    CHECK(first.line == 2);
    CHECK(first.fields == nlohmann::json{{"id", "1"}, {"text", "hello"}, {"source", "web"}});
    CHECK(first.raw == "1,hello,web");
    const auto& second = asRecord(results[1]);
    CHECK(second.line == 3);
    CHECK(second.fields == nlohmann::json{{"id", "2"}, {"text", ""}, {"source", ""}});
}

TEST_CASE("CSV quoted fields hold delimiters, escaped quotes and line breaks", "[io][csv]")
{
    const auto results = readCsv("id,text\n"
                                 "1,\"a, b\"\n"
                                 "2,\"she said \"\"hi\"\"\"\n"
                                 "3,\"line one\nline two\n\nline four\"\n"
                                 "4,\"\"\n"
                                 "\"5\",after\n");
    REQUIRE(results.size() == 5);
    CHECK(asRecord(results[0]).fields["text"] == "a, b");
    CHECK(asRecord(results[1]).fields["text"] == "she said \"hi\"");
    CHECK(asRecord(results[1]).raw == "2,\"she said \"\"hi\"\"\"");

    const auto& multiline = asRecord(results[2]);
    CHECK(multiline.line == 4);
    CHECK(multiline.fields["text"] == "line one\nline two\n\nline four");
    CHECK(multiline.raw == "3,\"line one\nline two\n\nline four\"");

    // Line counting goes on past the four physical lines of record 3.
    CHECK(asRecord(results[3]).line == 8);
    CHECK(asRecord(results[3]).fields["text"] == "");
    CHECK(asRecord(results[4]).line == 9);
    CHECK(asRecord(results[4]).fields == nlohmann::json{{"id", "5"}, {"text", "after"}});
}

TEST_CASE("CSV accepts CRLF, keeps an embedded CRLF and strips a BOM", "[io][csv]")
{
    const auto results = readCsv("\xEF\xBB\xBFid,text\r\n1,\"two\r\nlines\"\r\n2,plain\r\n");
    REQUIRE(results.size() == 2);
    const auto& first = asRecord(results[0]);
    CHECK(first.fields == nlohmann::json{{"id", "1"}, {"text", "two\r\nlines"}});
    CHECK(first.raw == "1,\"two\r\nlines\"");
    CHECK(first.line == 2);
    const auto& second = asRecord(results[1]);
    CHECK(second.line == 4);
    CHECK(second.fields["text"] == "plain");
    CHECK(second.raw == "2,plain");
}

TEST_CASE("CSV with a tab delimiter reads TSV", "[io][csv]")
{
    const auto results = readCsv("id\ttext\n1\ta, b\n2\t\"tab\tinside\"\n", '\t');
    REQUIRE(results.size() == 2);
    CHECK(asRecord(results[0]).fields == nlohmann::json{{"id", "1"}, {"text", "a, b"}});
    CHECK(asRecord(results[1]).fields["text"] == "tab\tinside");
}

TEST_CASE("CSV skips blank lines between records but not inside quotes", "[io][csv]")
{
    const auto results = readCsv("a,b\n\n1,2\n\n\n3,\"\n\"\n\n");
    REQUIRE(results.size() == 2);
    CHECK(asRecord(results[0]).line == 3);
    CHECK(asRecord(results[1]).line == 6);
    CHECK(asRecord(results[1]).fields["b"] == "\n");
}

TEST_CASE("CSV reports a record with the wrong number of fields on its line", "[io][csv]")
{
    const auto results = readCsv("a,b,c\n1,2,3\n1,2\n\"x\ny\",2,3,4\n7,8,9\n");
    REQUIRE(results.size() == 4);
    const auto& tooFew = asProblem(results[1]);
    CHECK(tooFew.line == 3);
    CHECK(tooFew.message == "expected 3 fields (as in the header), found 2");
    CHECK(tooFew.raw == "1,2");
    const auto& tooMany = asProblem(results[2]);
    CHECK(tooMany.line == 4);
    CHECK(tooMany.message == "expected 3 fields (as in the header), found 4");
    CHECK(tooMany.raw == "\"x\ny\",2,3,4");
    CHECK(asRecord(results[3]).line == 6);
}

TEST_CASE("CSV reports an unterminated quote at the line where its record began", "[io][csv]")
{
    const auto results = readCsv("id,text\n1,ok\n2,\"never closed\n3,more\n4,rest\n");
    REQUIRE(results.size() == 2);
    CHECK(asRecord(results[0]).line == 2);
    const auto& problem = asProblem(results[1]);
    CHECK(problem.line == 3);
    CHECK(problem.message == "unterminated quoted field");
    CHECK(problem.raw == "2,\"never closed\n3,more\n4,rest");
}

TEST_CASE("CSV reports stray quotes and text after a closing quote, then goes on", "[io][csv]")
{
    const auto results = readCsv("id,text\n1,say \"hi\"\n2,\"quoted\"tail\n3,\"ok\"\n4,a\"b\n5,fine\n");
    REQUIRE(results.size() == 5);
    CHECK(asProblem(results[0]).line == 2);
    CHECK(asProblem(results[0]).message == "stray quote in unquoted field");
    CHECK(asProblem(results[0]).raw == "1,say \"hi\"");
    CHECK(asProblem(results[1]).line == 3);
    CHECK(asProblem(results[1]).message == "text after the closing quote of a quoted field");
    CHECK(asRecord(results[2]).fields["text"] == "ok");
    // A stray quote does not open a quoted field: the record ends with its line.
    CHECK(asProblem(results[3]).line == 5);
    CHECK(asProblem(results[3]).message == "stray quote in unquoted field");
    CHECK(asRecord(results[4]).line == 6);
}

TEST_CASE("CSV reports invalid UTF-8 by field name", "[io][csv]")
{
    const auto results = readCsv("id,text\n1,caf\xC3\n\"\xFF\",x\n2,ok\n");
    REQUIRE(results.size() == 3);
    CHECK(asProblem(results[0]).message == "invalid UTF-8 in field 'text'");
    CHECK(asProblem(results[0]).line == 2);
    CHECK(asProblem(results[0]).raw == "1,caf\xC3");
    CHECK(asProblem(results[1]).message == "invalid UTF-8 in field 'id'");
    CHECK(asRecord(results[2]).fields["text"] == "ok");
}

TEST_CASE("CSV header problems are reported once on line 1 and end the reading", "[io][csv]")
{
    const auto [text, message] = GENERATE(table<std::string, std::string>({
        {"id,text,id\n1,2,3\n", "duplicate field name 'id' in the header (column 3)"},
        {"id,,text\n1,2,3\n", "empty field name in the header (column 2)"},
        {"id,text,\n1,2,3\n", "empty field name in the header (column 3)"},
        {"id,t\xE9xt\n1,2\n", "invalid UTF-8 in the header (column 2)"},
        {"id,\"text\n1,2\n", "in the header: unterminated quoted field"},
        {"id,te\"xt\n1,2\n", "in the header: stray quote in unquoted field"},
    }));
    CAPTURE(text);
    const auto results = readCsv(text);
    REQUIRE(results.size() == 1);
    CHECK(asProblem(results[0]).line == 1);
    CHECK(asProblem(results[0]).message == message);
}

TEST_CASE("CSV without records yields nothing", "[io][csv]")
{
    CHECK(readCsv("").empty());
    CHECK(readCsv("\xEF\xBB\xBF").empty());
    CHECK(readCsv("\n\n").empty());
    CHECK(readCsv("id,text\n").empty());
    CHECK(readCsv("id,text").empty());
}

TEST_CASE("CSV reads the same whatever the chunk size", "[io][csv]")
{
    const std::string text = "\xEF\xBB\xBFid,text\r\n1,\"a\r\nb \"\"q\"\"\"\r\n\r\n2,x\"y\n3,\"" +
                             std::string(200, 'z') + "\n\"\n4\n5,\"open";
    const std::string expected = describe(readCsv(text));
    const std::size_t chunkSize = GENERATE(1, 2, 3, 5, 16);
    CAPTURE(chunkSize);
    CHECK(describe(readCsv(text, ',', chunkSize)) == expected);
    CHECK(expected.find("problem 9 unterminated quoted field raw=5,\"open") != std::string::npos);
}

TEST_CASE("CSV counts consumed bytes", "[io][csv]")
{
    const std::string text = "a,b\n1,\"x\ny\"\n2,z\n";
    std::istringstream input(text);
    CsvReader reader(input, ',', 2);
    REQUIRE(reader.next().has_value());
    CHECK(reader.bytesConsumed() == 4 + 8);
    REQUIRE(reader.next().has_value());
    CHECK(reader.bytesConsumed() == text.size());
}

TEST_CASE("CSV refuses a delimiter that cannot separate fields", "[io][csv]")
{
    std::istringstream input("a\n");
    CHECK_THROWS_AS(CsvReader(input, '"'), concord::InputError);
    CHECK_THROWS_AS(CsvReader(input, '\n'), concord::InputError);
    CHECK_NOTHROW(CsvReader(input, ';'));
}
