// The learning commands' shared flags and table cells (see LearnOptions.hpp).
#include "app/cli/learn/LearnOptions.hpp"

#include "core/util/Error.hpp"

#include <cstdio>

namespace concord::cli {

learn::FeatureOptions ModelFlags::features() const
{
    learn::FeatureOptions options;
    options.bits = bits;
    options.wordNgrams = ngrams;
    options.weighting = binary ? learn::Weighting::Binary : learn::Weighting::Sublinear;
    if (chars != "0") {
        const auto dash = chars.find('-');
        try {
            options.charMin = std::stoi(chars.substr(0, dash));
            options.charMax = dash == std::string::npos ? options.charMin : std::stoi(chars.substr(dash + 1));
        } catch (const std::exception&) {
            throw InputError("--chars takes MIN-MAX (for example 2-4) or 0, not '" + chars + "'");
        }
    }
    options.validate();
    return options;
}

learn::TrainOptions ModelFlags::training() const
{
    learn::TrainOptions options;
    options.l2 = l2;
    options.learningRate = learningRate;
    options.epochs = epochs.value_or(options.epochs);
    options.seed = seed;
    options.validate();
    return options;
}

void addModelFlags(CLI::App* command, ModelFlags& flags)
{
    command->add_option("--bits", flags.bits, "Hash features into 2^BITS buckets (18..22 is sensible)")
        ->capture_default_str();
    command->add_option("--ngrams", flags.ngrams, "Word n-grams up to N (1, 2 or 3)")->capture_default_str();
    command->add_option("--chars", flags.chars, "Character n-grams MIN-MAX of each word, e.g. 2-4 (0: none)")
        ->capture_default_str();
    command->add_flag("--binary", flags.binary, "Binary feature weights instead of 1 + ln(tf)");
    command->add_option("--l2", flags.l2, "L2 regularisation strength")->capture_default_str();
    command->add_option("--learning-rate", flags.learningRate, "AdaGrad learning rate")->capture_default_str();
    command->add_option("--epochs", flags.epochs, "Passes over the labeled samples (default 5; 2 when continuing)");
    command->add_option("--seed", flags.seed, "Random seed (shuffles, folds, committees)")->capture_default_str();
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string fixed(const std::optional<double>& value, int decimals)
{
    return value ? fixed(*value, decimals) : std::string("-");
}

std::string padRight(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string padLeft(const std::string& text, std::size_t width)
{
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

} // namespace concord::cli
