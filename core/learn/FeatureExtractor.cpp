// Feature extraction as described in FeatureExtractor.hpp.
#include "core/learn/FeatureExtractor.hpp"

#include "core/learn/CaseFold.hpp"
#include "core/learn/Hash.hpp"
#include "core/learn/Parallel.hpp"
#include "core/learn/Tokenizer.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cmath>

namespace concord::learn {

namespace {

// Distinct seeds keep a word, a bigram and a character n-gram with the same bytes apart.
constexpr std::uint64_t kWordSeed = 0x57;
constexpr std::uint64_t kCharSeed = 0x43;

} // namespace

void FeatureOptions::validate() const
{
    if (bits < 10 || bits > 24) {
        throw InputError("feature bits must be from 10 to 24 (2^10 to 2^24 buckets), not " + std::to_string(bits));
    }
    if (wordNgrams < 1 || wordNgrams > 3) {
        throw InputError("word n-grams must be 1, 2 or 3, not " + std::to_string(wordNgrams));
    }
    if (charMin < 0 || charMax < charMin || charMax > 8 || (charMin == 0 && charMax != 0)) {
        throw InputError("character n-grams must be 0 (none) or MIN-MAX with 1 <= MIN <= MAX <= 8");
    }
}

nlohmann::json FeatureOptions::toJson() const
{
    return {{"bits", bits},
            {"word_ngrams", wordNgrams},
            {"char_min", charMin},
            {"char_max", charMax},
            {"weighting", weighting == Weighting::Binary ? "binary" : "sublinear"}};
}

FeatureOptions FeatureOptions::fromJson(const nlohmann::json& json)
{
    FeatureOptions options;
    options.bits = json.at("bits").get<int>();
    options.wordNgrams = json.at("word_ngrams").get<int>();
    options.charMin = json.at("char_min").get<int>();
    options.charMax = json.at("char_max").get<int>();
    options.weighting = json.at("weighting").get<std::string>() == "binary" ? Weighting::Binary : Weighting::Sublinear;
    options.validate();
    return options;
}

std::string FeatureOptions::describe() const
{
    std::string text = "words 1-" + std::to_string(wordNgrams);
    if (charMin > 0) {
        text += ", chars " + std::to_string(charMin) + "-" + std::to_string(charMax);
    }
    text += weighting == Weighting::Binary ? ", binary" : ", sublinear tf";
    return text + ", 2^" + std::to_string(bits) + " buckets";
}

FeatureExtractor::FeatureExtractor(FeatureOptions options) : m_options(options), m_mask(options.buckets() - 1)
{
    m_options.validate();
}

void FeatureExtractor::addCharNgrams(std::string_view word)
{
    m_padded.clear();
    m_padded.push_back('<');
    m_padded.append(word);
    m_padded.push_back('>');
    m_charStarts.clear();
    for (std::size_t pos = 0; pos < m_padded.size();) {
        m_charStarts.push_back(pos);
        decodeUtf8(m_padded, pos);
    }
    const std::size_t count = m_charStarts.size();
    m_charStarts.push_back(m_padded.size());
    for (std::size_t n = static_cast<std::size_t>(m_options.charMin); n <= static_cast<std::size_t>(m_options.charMax);
         ++n) {
        for (std::size_t i = 0; i + n <= count; ++i) {
            const std::string_view gram(m_padded.data() + m_charStarts[i], m_charStarts[i + n] - m_charStarts[i]);
            m_raw.push_back(static_cast<std::uint32_t>(hashBytes(gram, kCharSeed)) & m_mask);
        }
    }
}

void FeatureExtractor::extract(std::string_view text, SparseRows& rows)
{
    m_lowered.clear();
    appendLowerUtf8(text, m_lowered);
    tokenize(m_lowered, m_tokens);

    m_raw.clear();
    m_wordHashes.clear();
    for (std::string_view token : m_tokens) {
        const std::uint64_t h = hashBytes(token, kWordSeed);
        m_wordHashes.push_back(h);
        m_raw.push_back(static_cast<std::uint32_t>(h) & m_mask);
    }
    for (int n = 2; n <= m_options.wordNgrams; ++n) {
        for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= m_wordHashes.size(); ++i) {
            std::uint64_t h = m_wordHashes[i];
            for (int k = 1; k < n; ++k) {
                h = combineHashes(h, m_wordHashes[i + static_cast<std::size_t>(k)]);
            }
            m_raw.push_back(static_cast<std::uint32_t>(h) & m_mask);
        }
    }
    if (m_options.charMin > 0) {
        for (std::string_view token : m_tokens) {
            addCharNgrams(token);
        }
    }

    std::sort(m_raw.begin(), m_raw.end());
    m_indices.clear();
    m_values.clear();
    double norm = 0.0;
    for (std::size_t i = 0; i < m_raw.size();) {
        std::size_t j = i;
        while (j < m_raw.size() && m_raw[j] == m_raw[i]) {
            ++j;
        }
        const double tf = static_cast<double>(j - i);
        const double weight = m_options.weighting == Weighting::Binary ? 1.0 : 1.0 + std::log(tf);
        m_indices.push_back(m_raw[i]);
        m_values.push_back(static_cast<float>(weight));
        norm += weight * weight;
        i = j;
    }
    if (norm > 0.0) {
        const float scale = static_cast<float>(1.0 / std::sqrt(norm));
        for (float& value : m_values) {
            value *= scale;
        }
    }
    rows.append(m_indices, m_values);
}

SparseRows FeatureExtractor::extractAll(const std::vector<std::string>& texts) const
{
    return extractViews(std::vector<std::string_view>(texts.begin(), texts.end()));
}

SparseRows FeatureExtractor::extractViews(const std::vector<std::string_view>& texts) const
{
    constexpr std::size_t kMinPerThread = 4096;
    std::vector<SparseRows> parts(chunkCount(texts.size(), kMinPerThread));
    const std::size_t used =
        forEachChunk(texts.size(), kMinPerThread, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
            FeatureExtractor extractor(m_options);
            SparseRows& part = parts[chunk];
            part.reserve(end - begin, (end - begin) * 32);
            for (std::size_t i = begin; i < end; ++i) {
                extractor.extract(texts[i], part);
            }
        });
    if (used == 1) {
        return std::move(parts.front());
    }
    SparseRows rows;
    std::size_t nonZeros = 0;
    for (std::size_t chunk = 0; chunk < used; ++chunk) {
        nonZeros += parts[chunk].nonZeros();
    }
    rows.reserve(texts.size(), nonZeros);
    for (std::size_t chunk = 0; chunk < used; ++chunk) {
        for (std::size_t i = 0; i < parts[chunk].rows(); ++i) {
            rows.append(parts[chunk].row(i));
        }
    }
    return rows;
}

} // namespace concord::learn
