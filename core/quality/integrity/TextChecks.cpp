// The checks on texts alone: empty-text, invalid-utf8, control-chars and length-outlier.
#include "core/quality/integrity/IntegrityChecks.hpp"
#include "core/quality/integrity/TextNormalize.hpp"
#include "core/text/Utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace concord::quality::checks {

namespace {

// The 0.75 quantile of the standard normal: MAD / 0.6745 estimates the standard deviation,
// so the modified z-score (Iglewicz and Hoaglin) reads like an ordinary one.
constexpr double kMadToSigma = 0.6745;
constexpr std::size_t kMinSamplesForOutliers = 20;
// However uniform the lengths, a text is unusual only when at least this many times longer,
// or this many times shorter, than the median: with texts of 24 to 28 characters, one of 45
// is statistically far out but of no interest to anyone.
constexpr double kMinLengthRatio = 3.0;

std::string codePointName(std::uint32_t codePoint)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(codePoint));
    return name;
}

struct ControlChars
{
    std::size_t count = 0;
    std::uint32_t first = 0;
    std::size_t firstPosition = 0; // in code points
};

// C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls
// (U+0080–U+009F, which appear when Windows-1252 text was decoded as Latin-1). Valid UTF-8 only.
ControlChars findControlChars(std::string_view text)
{
    ControlChars found;
    std::size_t position = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::uint32_t control = 0xFFFFFFFF;
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
            control = byte;
        } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            control = static_cast<unsigned char>(text[i + 1]);
        }
        if (control != 0xFFFFFFFF) {
            if (found.count++ == 0) {
                found.first = control;
                found.firstPosition = position;
            }
        }
        position += (byte & 0xC0) != 0x80 ? 1 : 0;
    }
    return found;
}

double median(std::vector<double> values)
{
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    const double upper = values[middle];
    if (values.size() % 2 == 1) {
        return upper;
    }
    return (upper + *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle))) / 2.0;
}

void checkLengths(const IntegrityData& data, const CheckOptions& options, const std::vector<bool>& blank,
                  std::vector<Finding>& findings)
{
    std::vector<std::size_t> lengths(data.samples.size(), 0);
    std::vector<double> logLengths;
    Finding tooShort{"length-outlier", Severity::Info, {}, {}};
    for (std::size_t s = 0; s < data.samples.size(); ++s) {
        if (blank[s]) {
            continue; // empty-text reports these
        }
        lengths[s] = utf8::codePointCount(data.samples[s].text);
        logLengths.push_back(std::log(static_cast<double>(lengths[s])));
        if (lengths[s] < options.minTextLength) {
            tooShort.sampleIds.push_back(data.samples[s].id);
        }
    }
    if (!tooShort.sampleIds.empty()) {
        tooShort.message = countOf(tooShort.sampleIds.size(), "text has", "texts have") + " fewer than " +
                           std::to_string(options.minTextLength) + " characters";
        findings.push_back(std::move(tooShort));
    }
    if (logLengths.size() < kMinSamplesForOutliers) {
        return; // too few texts to say what is usual
    }
    // Log lengths: text lengths are skewed to the right, and on the log scale a text ten
    // times longer than usual is as unusual as one ten times shorter.
    const double centre = median(logLengths);
    for (double& value : logLengths) {
        value = std::abs(value - centre);
    }
    const double mad = median(logLengths);
    const double spread = std::max(options.lengthOutlierZ * mad / kMadToSigma, std::log(kMinLengthRatio));
    const double longest = std::exp(centre + spread);
    const double shortest = std::exp(centre - spread);
    Finding tooLong{"length-outlier", Severity::Info, {}, {}};
    Finding unusuallyShort{"length-outlier", Severity::Info, {}, {}};
    for (std::size_t s = 0; s < data.samples.size(); ++s) {
        if (blank[s]) {
            continue;
        }
        const auto length = static_cast<double>(lengths[s]);
        if (length > longest) {
            tooLong.sampleIds.push_back(data.samples[s].id);
        } else if (length < shortest && lengths[s] >= options.minTextLength) {
            unusuallyShort.sampleIds.push_back(data.samples[s].id);
        }
    }
    const std::string usual = "; half of the texts are shorter than " +
                              std::to_string(static_cast<long long>(std::lround(std::exp(centre)))) + " characters";
    if (!tooLong.sampleIds.empty()) {
        tooLong.message = countOf(tooLong.sampleIds.size(), "text is", "texts are") + " unusually long: over " +
                          std::to_string(static_cast<long long>(std::floor(longest))) + " characters" + usual;
        findings.push_back(std::move(tooLong));
    }
    if (!unusuallyShort.sampleIds.empty()) {
        unusuallyShort.message = countOf(unusuallyShort.sampleIds.size(), "text is", "texts are") +
                                 " unusually short: under " +
                                 std::to_string(static_cast<long long>(std::ceil(shortest))) + " characters" + usual;
        findings.push_back(std::move(unusuallyShort));
    }
}

} // namespace

void checkTexts(const IntegrityData& data, const CheckOptions& options, const Wanted& wanted,
                std::vector<Finding>& findings)
{
    std::vector<bool> blank(data.samples.size(), false);
    Finding empty{"empty-text", Severity::Error, {}, {}};
    for (std::size_t s = 0; s < data.samples.size(); ++s) {
        const Sample& sample = data.samples[s];
        blank[s] = isBlank(sample.text);
        if (blank[s]) {
            empty.sampleIds.push_back(sample.id);
            continue;
        }
        const auto invalid = utf8::firstInvalidByte(sample.text);
        if (invalid && wanted("invalid-utf8")) {
            findings.push_back({"invalid-utf8",
                                Severity::Error,
                                {sample.id},
                                "the text is not valid UTF-8 (first bad byte at offset " + std::to_string(*invalid) +
                                    "): \"" + snippet(sample.text) + "\""});
        }
        if (invalid || !wanted("control-chars")) {
            continue;
        }
        if (const ControlChars control = findControlChars(sample.text); control.count > 0) {
            findings.push_back(
                {"control-chars",
                 Severity::Warning,
                 {sample.id},
                 "the text holds " +
                     countOf(control.count, "invisible control character", "invisible control characters") +
                     (control.count == 1 ? " (" : " (the first ") + codePointName(control.first) + " at character " +
                     std::to_string(control.firstPosition + 1) + "), which can break tokenizers and exports: \"" +
                     snippet(sample.text) + "\""});
        }
    }
    if (!empty.sampleIds.empty() && wanted("empty-text")) {
        empty.message = countOf(empty.sampleIds.size(), "sample has", "samples have") +
                        " no text (empty, or only whitespace): there is nothing to label";
        findings.push_back(std::move(empty));
    }
    if (wanted("length-outlier")) {
        checkLengths(data, options, blank, findings);
    }
}

} // namespace concord::quality::checks
