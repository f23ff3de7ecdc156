// Text → hashed, L2-normalised sparse feature vector: lower-case (CaseFold), tokenise
// (Tokenizer), word n-grams up to `wordNgrams`, optional character n-grams of each word (with
// "<" and ">" marking its ends, as fastText does), each hashed into 2^bits buckets; weights
// are sublinear term frequency (1 + ln tf) or binary; the vector is scaled to unit length.
#pragma once

#include "core/learn/SparseRows.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace concord::learn {

enum class Weighting
{
    Sublinear, // 1 + ln(tf)
    Binary     // 1 when present
};

struct FeatureOptions
{
    int bits = 18;      // 2^bits buckets; 18..22 suit most projects
    int wordNgrams = 2; // 1: unigrams; 2: and bigrams; 3: and trigrams
    int charMin = 0;    // character n-grams from charMin to charMax code points; 0: none
    int charMax = 0;
    Weighting weighting = Weighting::Sublinear;

    std::uint32_t buckets() const { return std::uint32_t{1} << bits; }
    // Throws InputError naming the option at fault.
    void validate() const;
    nlohmann::json toJson() const;
    static FeatureOptions fromJson(const nlohmann::json& json);
    // "words 1-2, chars 3-5, sublinear"
    std::string describe() const;

    bool operator==(const FeatureOptions&) const = default;
};

class FeatureExtractor
{
public:
    explicit FeatureExtractor(FeatureOptions options = {});

    const FeatureOptions& options() const { return m_options; }

    // Appends the text's vector to `rows`. Not thread-safe: it reuses its buffers.
    void extract(std::string_view text, SparseRows& rows);
    // Every text's vector, in order. Large inputs are split across the hardware threads, each
    // with its own copy of the extractor; the result is the same as one pass.
    SparseRows extractAll(const std::vector<std::string>& texts) const;
    SparseRows extractViews(const std::vector<std::string_view>& texts) const;

private:
    void addCharNgrams(std::string_view word);

    FeatureOptions m_options;
    std::uint32_t m_mask;
    std::string m_lowered;
    std::vector<std::string_view> m_tokens;
    std::vector<std::uint64_t> m_wordHashes;
    std::vector<std::uint32_t> m_raw;
    std::vector<std::uint32_t> m_indices;
    std::vector<float> m_values;
    std::string m_padded;
    std::vector<std::size_t> m_charStarts;
};

} // namespace concord::learn
