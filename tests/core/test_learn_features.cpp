// Lower-casing, tokenisation and hashed feature vectors of the built-in classifier.
#include "core/learn/CaseFold.hpp"
#include "core/learn/FeatureExtractor.hpp"
#include "core/learn/Hash.hpp"
#include "core/learn/Tokenizer.hpp"
#include "core/util/Error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace concord::learn;

namespace {

std::string lower(std::string_view text)
{
    std::string out;
    appendLowerUtf8(text, out);
    return out;
}

std::vector<std::string> tokens(std::string_view text)
{
    std::vector<std::string_view> views;
    tokenize(text, views);
    return {views.begin(), views.end()};
}

double norm(SparseView v)
{
    double sum = 0.0;
    for (float x : v.values) {
        sum += static_cast<double>(x) * x;
    }
    return std::sqrt(sum);
}

} // namespace

TEST_CASE("learn features: lower-casing covers Latin-1, Latin Extended-A, Greek and Cyrillic", "[learn][features]")
{
    CHECK(lower("HELLO World") == "hello world");
    CHECK(lower("ÀÉÎÕÜ ÇÑ ÆØÞ") == "àéîõü çñ æøþ");
    CHECK(lower("× ß ÿ") == "× ß ÿ"); // no case, or no single-character upper case
    CHECK(lower("ŁÓDŹ ŒUVRE Ÿ") == "łódź œuvre ÿ");
    CHECK(lower("ΑΘΗΝΑ Άλφα ΌΣΟΣ") == "αθηνα άλφα όσοσ"); // final sigma folds to sigma
    CHECK(lower("МОСКВА Ёжик ЇЖАК") == "москва ёжик їжак");
    CHECK(lower("日本語 👋🏽") == "日本語 👋🏽");
    CHECK(lowerCodePoint(0x130) == U'i');
}

TEST_CASE("learn features: invalid UTF-8 becomes U+FFFD instead of failing", "[learn][features]")
{
    CHECK(lower("a\xFF"
                "B") == "a\xEF\xBF\xBD"
                        "b");
    CHECK(lower("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // truncated sequence: one per byte
}

TEST_CASE("learn features: tokens are words, apostrophes inside words, and punctuation", "[learn][features]")
{
    CHECK(tokens("don't stop!!") == std::vector<std::string>{"don't", "stop", "!", "!"});
    CHECK(tokens("'quoted' l’été") == std::vector<std::string>{"'", "quoted", "'", "l’été"});
    CHECK(tokens("  tabs\tand\nnew\u00A0lines ") == std::vector<std::string>{"tabs", "and", "new", "lines"});
    CHECK(tokens("москва, 2024…").size() == 4);
    CHECK(tokens("").empty());
}

TEST_CASE("learn features: vectors are sorted, merged, L2-normalised and case-blind", "[learn][features]")
{
    FeatureExtractor extractor;
    SparseRows rows;
    extractor.extract("Good good movie", rows);
    extractor.extract("GOOD GOOD MOVIE", rows);
    extractor.extract("", rows);
    const SparseView a = rows.row(0);
    // unigrams good, movie; bigrams good_good, good_movie (barring a collision)
    CHECK(a.size() == 4);
    for (std::size_t i = 1; i < a.size(); ++i) {
        CHECK(a.indices[i - 1] < a.indices[i]);
        CHECK(a.indices[i] < extractor.options().buckets());
    }
    CHECK(norm(a) == Approx(1.0));
    CHECK(dot(a, rows.row(1)) == Approx(1.0));
    CHECK(rows.row(2).size() == 0);
    // "good" occurs twice: 1 + ln 2 against 1 for the others, before normalisation.
    const float largest = *std::max_element(a.values.begin(), a.values.end());
    const float smallest = *std::min_element(a.values.begin(), a.values.end());
    CHECK(largest / smallest == Approx(1.0 + std::log(2.0)).epsilon(1e-5));
}

TEST_CASE("learn features: options change the vector as documented", "[learn][features]")
{
    FeatureOptions unigrams;
    unigrams.wordNgrams = 1;
    FeatureOptions binary;
    binary.weighting = Weighting::Binary;
    FeatureOptions chars;
    chars.wordNgrams = 1;
    chars.charMin = 2;
    chars.charMax = 3;
    SparseRows rows;
    FeatureExtractor(unigrams).extract("good good movie", rows);
    FeatureExtractor(binary).extract("good good movie", rows);
    FeatureExtractor(chars).extract("ab", rows);
    CHECK(rows.row(0).size() == 2);
    const auto values = rows.row(1).values;
    CHECK(std::all_of(values.begin(), values.end(), [&](float v) { return v == Approx(values[0]); }));
    // "ab" → word "ab", char 2-grams <a ab b>, char 3-grams <ab ab>: six features.
    CHECK(rows.row(2).size() == 6);

    FeatureOptions bad;
    bad.bits = 30;
    CHECK_THROWS_AS(FeatureExtractor(bad), concord::InputError);
    bad = {};
    bad.charMin = 3;
    bad.charMax = 2;
    CHECK_THROWS_AS(bad.validate(), concord::InputError);
    CHECK(FeatureOptions::fromJson(chars.toJson()) == chars);
}

TEST_CASE("learn features: the hash is stable across runs and platforms", "[learn][features]")
{
    // Pinned values: a model file's buckets must mean the same on every machine.
    CHECK(fnv1a("") == kFnvOffset);
    CHECK(fnv1a("a") == 0xAF63DC4C8601EC8CULL);
    CHECK(hashBytes("good") == hashBytes("good"));
    CHECK(hashBytes("good") != hashBytes("good", 1));
    CHECK(combineHashes(1, 2) != combineHashes(2, 1));
}
