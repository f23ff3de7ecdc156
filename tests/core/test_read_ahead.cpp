// ReadAhead: the JSONL reader on a thread of its own gives the same records and problems in the
// same order, passes a failure of the input on after the records before it, and lets go early.
#include "ReaderTestSupport.hpp"

#include "core/io/JsonlReader.hpp"
#include "core/io/ReadAhead.hpp"
#include "core/util/Error.hpp"

#include <sstream>
#include <streambuf>

using concord::io::JsonlReader;
using concord::io::ReadAhead;
using concord::test::asProblem;
using concord::test::asRecord;
using concord::test::drain;

namespace {

// Many records of varied sizes with a bad line every 97th, so that batches of every size and
// the bound on held bytes are crossed many times.
std::string manyLines(int count)
{
    std::string text;
    for (int i = 0; i < count; ++i) {
        if (i % 97 == 13) {
            text += "{\"text\": broken " + std::to_string(i) + "\n";
        } else {
            text += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" +
                    std::string(static_cast<std::size_t>(i % 300), 'x') + "\"}\n";
        }
    }
    return text;
}

// A stream that yields `good` and then fails as a broken disk would.
class FailingBuffer : public std::streambuf
{
public:
    explicit FailingBuffer(std::string good) : m_good(std::move(good))
    {
        setg(m_good.data(), m_good.data(), m_good.data() + m_good.size());
    }

protected:
    int_type underflow() override { throw std::ios_base::failure("the disk went away"); }

private:
    std::string m_good;
};

} // namespace

TEST_CASE("reading ahead gives what the reader gives, in order", "[io][jsonl]")
{
    const std::string text = manyLines(5000);
    std::istringstream direct(text);
    JsonlReader plain(direct);
    const auto expected = drain(plain);

    std::istringstream input(text);
    // A small bound: the reader thread waits for the consumer over and over.
    ReadAhead ahead(std::make_unique<JsonlReader>(input), 4096);
    const auto results = drain(ahead);

    REQUIRE(results.size() == expected.size());
    int problems = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (std::holds_alternative<concord::io::ReadProblem>(expected[i])) {
            ++problems;
            CHECK(asProblem(results[i]).line == asProblem(expected[i]).line);
            CHECK(asProblem(results[i]).message == asProblem(expected[i]).message);
        } else {
            CHECK(asRecord(results[i]).line == asRecord(expected[i]).line);
            CHECK(asRecord(results[i]).fields == asRecord(expected[i]).fields);
        }
    }
    CHECK(problems == 52);
    CHECK(ahead.bytesConsumed() == text.size());
}

TEST_CASE("reading ahead passes a failing input on after the records before it", "[io][jsonl]")
{
    // Two lines of 16 bytes read 8 at a time: the failure comes at a read of its own.
    FailingBuffer buffer("{\"text\":\"one\"} \n{\"text\":\"two\"} \n");
    std::istream input(&buffer);
    input.exceptions(std::ios_base::badbit);
    ReadAhead ahead(std::make_unique<JsonlReader>(input, 8));
    std::vector<std::string> texts;
    std::string failure;
    try {
        while (auto result = ahead.next()) {
            texts.push_back(asRecord(*result).fields["text"].get<std::string>());
        }
    } catch (const std::exception& error) {
        failure = error.what();
    }
    CHECK(texts == std::vector<std::string>{"one", "two"});
    CHECK_THAT(failure, Catch::Contains("the disk went away"));
}

TEST_CASE("a reader let go early stops reading", "[io][jsonl]")
{
    const std::string text = manyLines(20000);
    std::istringstream input(text);
    {
        ReadAhead ahead(std::make_unique<JsonlReader>(input), 4096);
        REQUIRE(ahead.next().has_value());
    } // the thread waits on the full buffer: destruction must wake and join it
    const auto stoppedAt = input.tellg();
    CHECK(stoppedAt > 0);
    CHECK(stoppedAt < static_cast<std::streamoff>(text.size()));
}
