// io::appendJson must write the bytes nlohmann::json::dump() writes: exports made before it and
// after it compare equal, and Python's json module reads both.
#include "core/io/JsonWriter.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace {

template <typename Json> std::string written(const Json& value)
{
    std::string out;
    concord::io::appendJson(out, value);
    return out;
}

} // namespace

TEST_CASE("json writer: every escape, control byte and UTF-8 text as dump() writes it", "[io][json]")
{
    std::string controls;
    for (int c = 0; c < 0x20; ++c) {
        controls += static_cast<char>(c);
    }
    const std::string texts[] = {
        "",
        "plain",
        "quote \" backslash \\ slash / tab\tnewline\nreturn\r",
        controls,
        "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x98\x80 del\x7f",
        std::string("nul\0inside", 10),
        "\"\"\\\\\n\n",
    };
    for (const auto& text : texts) {
        const nlohmann::ordered_json value = text;
        CHECK(written(value) == value.dump());
    }
}

TEST_CASE("json writer: an escape at every position of the eight-byte blocks", "[io][json]")
{
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
        for (std::size_t before = 0; before < 20; ++before) {
            const std::string text = std::string(before, 'a') + special + std::string(19 - before, 'b') + "\xc3\xa9";
            const nlohmann::json value = text;
            CHECK(written(value) == value.dump());
        }
    }
    const nlohmann::json utf8 = std::string(40, ' ') + "\xe6\x97\xa5\xe6\x9c\xac~\x7f";
    CHECK(written(utf8) == utf8.dump());
}

TEST_CASE("json writer: objects keep their order, arrays, numbers, booleans and null as dump()", "[io][json]")
{
    nlohmann::ordered_json row;
    row["prompt"] = nlohmann::ordered_json::array({{{"role", "user"}, {"content", "Hi \"there\"\n"}}});
    row["chosen"] = "A";
    row["margin"] = 1.5;
    row["count"] = -3;
    row["big"] = 18446744073709551615ULL;
    row["small"] = 1e-300;
    row["label"] = true;
    row["none"] = nullptr;
    row["empty_object"] = nlohmann::ordered_json::object();
    row["empty_array"] = nlohmann::ordered_json::array();
    CHECK(written(row) == row.dump());

    const nlohmann::json sorted = nlohmann::json::parse(row.dump());
    CHECK(written(sorted) == sorted.dump());
}
