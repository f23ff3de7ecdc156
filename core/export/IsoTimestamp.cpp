#include "core/export/IsoTimestamp.hpp"

namespace concord::exporting {

namespace {

// Reads `count` decimal digits at `pos`, advancing it; nullopt when one is missing.
std::optional<int> digits(std::string_view text, std::size_t& pos, std::size_t count)
{
    if (pos + count > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, std::string_view oneOf)
{
    if (pos < text.size() && oneOf.find(text[pos]) != std::string_view::npos) {
        ++pos;
        return true;
    }
    return false;
}

// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil).
std::int64_t daysFromCivil(std::int64_t year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const std::int64_t yearOfEra = year - era * 400;
    const std::int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

} // namespace

std::optional<std::int64_t> parseIsoTimestamp(std::string_view text)
{
    std::size_t pos = 0;
    const auto year = digits(text, pos, 4);
    const auto month = year && expect(text, pos, "-") ? digits(text, pos, 2) : std::nullopt;
    const auto day = month && expect(text, pos, "-") ? digits(text, pos, 2) : std::nullopt;
    const auto hour = day && expect(text, pos, "T ") ? digits(text, pos, 2) : std::nullopt;
    const auto minute = hour && expect(text, pos, ":") ? digits(text, pos, 2) : std::nullopt;
    const auto second = minute && expect(text, pos, ":") ? digits(text, pos, 2) : std::nullopt;
    if (!second || *month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    std::int64_t micros = 0;
    if (expect(text, pos, ".,")) {
        std::int64_t scale = 100000;
        const std::size_t first = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            micros += (text[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == first) {
            return std::nullopt;
        }
    }
    std::int64_t offsetMinutes = 0;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        const auto zoneHours = digits(text, pos, 2);
        expect(text, pos, ":");
        const auto zoneMinutes = zoneHours ? digits(text, pos, 2) : std::nullopt;
        if (!zoneMinutes) {
            return std::nullopt;
        }
        offsetMinutes = sign * (*zoneHours * 60 + *zoneMinutes);
    } else {
        expect(text, pos, "Zz");
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    const std::int64_t seconds =
        daysFromCivil(*year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 + *second - offsetMinutes * 60;
    return seconds * 1000000 + micros;
}

} // namespace concord::exporting
