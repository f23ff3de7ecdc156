// Loads and parses what the integrity checks read; see IntegrityData.hpp.
#include "core/quality/integrity/IntegrityData.hpp"

#include "core/store/Project.hpp"
#include "core/text/Utf8.hpp"
#include "core/util/Error.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace concord::quality {

namespace {

std::string spanKey(const nlohmann::json& spans)
{
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string>> sorted;
    for (const auto& span : spans) {
        sorted.emplace_back(span["start"].get<std::int64_t>(), span["end"].get<std::int64_t>(),
                            span["label"].get<std::string>());
    }
    std::sort(sorted.begin(), sorted.end());
    std::string key;
    for (const auto& [start, end, label] : sorted) {
        key += (key.empty() ? "" : ", ") + ("[" + std::to_string(start) + "," + std::to_string(end) + ") " + label);
    }
    return key.empty() ? "(no spans)" : key;
}

std::string labelsKey(const LabelSchema& schema, const nlohmann::json& labels)
{
    // In the schema's order, so that ["b","a"] and ["a","b"] are the same value.
    std::set<std::size_t> positions;
    for (const auto& label : labels) {
        positions.insert(*schema.indexOf(label.get_ref<const std::string&>()));
    }
    std::string key;
    for (const std::size_t position : positions) {
        key += (key.empty() ? "" : ", ") + schema.labels[position].name;
    }
    return key.empty() ? "(no labels)" : key;
}

// The labels a value names that the schema lacks, looked up defensively: the value may be
// any JSON at all.
std::vector<std::string> unknownLabelsOf(const LabelSchema& schema, const nlohmann::json& value)
{
    std::vector<std::string> unknown;
    const auto consider = [&](const nlohmann::json& name) {
        if (name.is_string() && !schema.indexOf(name.get_ref<const std::string&>())) {
            unknown.push_back(name.get<std::string>());
        }
    };
    if (!value.is_object()) {
        return unknown;
    }
    if (const auto labels = value.find("labels"); labels != value.end() && labels->is_array()) {
        for (const auto& label : *labels) {
            consider(label);
        }
    }
    if (const auto spans = value.find("spans"); spans != value.end() && spans->is_array()) {
        for (const auto& span : *spans) {
            if (span.is_object() && span.contains("label")) {
                consider(span["label"]);
            }
        }
    }
    return unknown;
}

StoredValue parseValue(const LabelSchema& schema, std::uint32_t sample, std::string raw, std::string_view text)
{
    StoredValue stored;
    stored.sample = sample;
    stored.raw = std::move(raw);
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(stored.raw);
    } catch (const nlohmann::json::exception&) {
        stored.problem = "the stored value is not valid JSON: " + snippet(stored.raw);
        return stored;
    }
    try {
        schema.validate(value, text);
    } catch (const InputError& error) {
        stored.problem = error.what();
        stored.unknownLabels = unknownLabelsOf(schema, value);
        return stored;
    }
    switch (schema.kind) {
    case TaskKind::Single:
    case TaskKind::Multi:
        stored.key = labelsKey(schema, value["labels"]);
        break;
    case TaskKind::Spans:
        stored.key = spanKey(value["spans"]);
        break;
    case TaskKind::Rating:
        stored.rating = static_cast<double>(value["rating"].get<std::int64_t>());
        stored.key = std::to_string(value["rating"].get<std::int64_t>());
        break;
    }
    return stored;
}

} // namespace

IntegrityData IntegrityData::load(Project& project)
{
    IntegrityData data;
    data.schema = project.schema();
    data.settings = project.settings();
    // The value checks read label, rating and span values. When the first question asks
    // something else (a preference, a ranking, a written answer), its stored values are counted
    // for coverage but not judged against a label schema they were never meant to fit; the
    // preference checks (PreferenceChecks.cpp) read those questions themselves.
    const bool asksLabels = project.recordSchema().primary().asksLabels();
    const auto parse = [&](std::uint32_t sample, std::string raw) {
        if (!asksLabels) {
            StoredValue stored;
            stored.sample = sample;
            stored.raw = std::move(raw);
            return stored;
        }
        return parseValue(data.schema, sample, std::move(raw), data.samples[sample].text);
    };
    project.samples().forEach([&](const Sample& sample) { data.samples.push_back(sample); });

    std::map<std::string, std::uint32_t, std::less<>> annotatorIndex;
    for (const auto& [name, count] : project.annotations().countsByAnnotator()) {
        annotatorIndex.emplace(name, static_cast<std::uint32_t>(data.annotators.size()));
        data.annotators.push_back(name);
    }
    const auto sampleIndex = [&](std::int64_t key) -> std::optional<std::uint32_t> {
        const auto found = std::lower_bound(data.samples.begin(), data.samples.end(), key,
                                            [](const Sample& sample, std::int64_t k) { return sample.key < k; });
        if (found == data.samples.end() || found->key != key) {
            return std::nullopt;
        }
        return static_cast<std::uint32_t>(found - data.samples.begin());
    };

    // Annotations come ordered by sample key, the samples' own order, so grouping is a count.
    data.voteBegin.assign(data.samples.size() + 1, 0);
    project.annotations().forEach([&](const Annotation& annotation) {
        const auto sample = sampleIndex(annotation.sample);
        if (!sample) {
            return; // foreign keys make this impossible; a damaged file is not ours to judge here
        }
        StoredValue vote = parse(*sample, annotation.value);
        // An annotator who appeared after the count above (another process writing) is added.
        const auto named =
            annotatorIndex.try_emplace(annotation.annotator, static_cast<std::uint32_t>(data.annotators.size()));
        if (named.second) {
            data.annotators.push_back(annotation.annotator);
        }
        vote.annotator = named.first->second;
        ++data.voteBegin[*sample + 1];
        data.votes.push_back(std::move(vote));
    });
    for (std::size_t s = 1; s < data.voteBegin.size(); ++s) {
        data.voteBegin[s] += data.voteBegin[s - 1];
    }

    // ResolutionTable offers lookups by sample only; one ordered scan is much cheaper than a
    // million lookups, so it is read here directly (read-only).
    if (project.resolutions().count() > 0) {
        auto statement = project.database().prepare("SELECT sample, value, author FROM resolutions ORDER BY sample");
        while (statement.step()) {
            const auto sample = sampleIndex(statement.columnInt(0));
            if (sample) {
                data.golds.push_back(parse(*sample, statement.columnText(1)));
                data.goldAuthors.push_back(statement.columnText(2));
            }
        }
    }
    return data;
}

std::optional<std::string> IntegrityData::goldKey(std::size_t sample) const
{
    const auto gold = std::lower_bound(golds.begin(), golds.end(), sample,
                                       [](const StoredValue& value, std::size_t s) { return value.sample < s; });
    if (gold != golds.end() && gold->sample == sample && !gold->key.empty()) {
        return gold->key;
    }
    std::map<std::string_view, std::uint32_t> counts;
    for (std::uint32_t v = voteBegin[sample]; v < voteBegin[sample + 1]; ++v) {
        if (!votes[v].key.empty()) {
            ++counts[votes[v].key];
        }
    }
    std::optional<std::string> best;
    std::uint32_t top = 0;
    bool tied = false;
    for (const auto& [key, count] : counts) {
        if (count > top) {
            best = std::string(key);
            top = count;
            tied = false;
        } else if (count == top) {
            tied = true;
        }
    }
    return tied ? std::nullopt : best;
}

std::string snippet(std::string_view text, std::size_t limit)
{
    const std::string clean = utf8::sanitized(text);
    std::string out;
    std::size_t characters = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && characters++ == limit) {
            return out + "…";
        }
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    return out;
}

std::string countOf(std::size_t count, std::string_view one, std::string_view many)
{
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::string percent(double share)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", 100.0 * share);
    return text;
}

std::string listNames(const std::vector<std::string>& names, std::size_t limit)
{
    std::string out;
    const std::size_t shown = std::min(names.size(), limit);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) {
            out += i + 1 == shown && shown == names.size() ? " and " : ", ";
        }
        out += names[i];
    }
    if (names.size() > shown) {
        out += " and " + std::to_string(names.size() - shown) + " more";
    }
    return out;
}

} // namespace concord::quality
