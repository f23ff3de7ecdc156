// The frame codec: 4-byte big-endian length, a payload, a hard maximum.
#include "net/protocol/Frame.hpp"
#include "net/protocol/ProtocolError.hpp"

#include <catch2/catch.hpp>

using namespace concord::net;

TEST_CASE("frames carry a big-endian length and survive being split anywhere", "[frame]")
{
    const std::string frame = encodeFrame("{\"type\":\"ping\",\"id\":1}");
    REQUIRE(frame.size() == 4 + 22);
    CHECK(frame.substr(0, 4) == std::string("\0\0\0\x16", 4));

    const std::string stream = frame + encodeFrame("{}") + frame;
    for (std::size_t piece = 1; piece <= stream.size(); ++piece) {
        FrameDecoder decoder;
        std::vector<std::string> payloads;
        for (std::size_t at = 0; at < stream.size(); at += piece) {
            decoder.feed(std::string_view(stream).substr(at, piece));
            while (auto payload = decoder.next()) {
                payloads.push_back(*payload);
            }
        }
        REQUIRE(payloads.size() == 3);
        CHECK(payloads[0] == "{\"type\":\"ping\",\"id\":1}");
        CHECK(payloads[1] == "{}");
        CHECK(decoder.buffered() == 0);
    }
}

TEST_CASE("an oversized or empty frame is refused before its payload is read", "[frame]")
{
    FrameDecoder decoder;
    const std::uint32_t tooBig = kMaxFrameBytes + 1;
    const char header[4] = {static_cast<char>(tooBig >> 24), static_cast<char>((tooBig >> 16) & 0xFF),
                            static_cast<char>((tooBig >> 8) & 0xFF), static_cast<char>(tooBig & 0xFF)};
    decoder.feed(std::string_view(header, 4));
    try {
        decoder.next();
        FAIL("an oversized frame was accepted");
    } catch (const ProtocolError& error) {
        CHECK(error.code() == ErrorCode::FrameTooLarge);
        CHECK(error.fatal());
    }

    FrameDecoder empty;
    empty.feed(std::string("\0\0\0\0", 4));
    CHECK_THROWS_AS(empty.next(), ProtocolError);

    CHECK_THROWS_AS(encodeFrame(std::string(kMaxFrameBytes + 1, 'x')), ProtocolError);
    CHECK(encodeFrame(std::string(kMaxFrameBytes, 'x')).size() == kMaxFrameBytes + 4);
}

TEST_CASE("a truncated frame stays buffered and is never returned", "[frame]")
{
    FrameDecoder decoder;
    const std::string frame = encodeFrame("{\"type\":\"ping\",\"id\":1}");
    decoder.feed(frame.substr(0, frame.size() - 1));
    CHECK_FALSE(decoder.next().has_value());
    CHECK(decoder.buffered() == frame.size() - 1);
}
