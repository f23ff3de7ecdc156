// The over-limit check: rows stored before the size limits were checked where data enters
// (RecordLimits.hpp). A server cannot send such a row to replicas; it skips it by name, and this
// check says which rows those are, so that an admin can shorten or remove them.
#include "core/io/BoundedJson.hpp"
#include "core/model/RecordLimits.hpp"
#include "core/quality/integrity/IntegrityChecks.hpp"

namespace concord::quality::checks {

namespace {

Finding overLimit(const std::string& sampleId, const std::string& what)
{
    return Finding{"over-limit", Severity::Error, {sampleId}, what + "; sync skips it (docs/protocol.md, Limits)"};
}

} // namespace

void checkLimits(const IntegrityData& data, const CheckOptions&, const Wanted& wanted, std::vector<Finding>& findings)
{
    if (!wanted("over-limit")) {
        return;
    }
    RecordLimits limits;
    limits.textBytes = data.settings.maxTextBytes;
    for (std::size_t s = 0; s < data.samples.size(); ++s) {
        const Sample& sample = data.samples[s];
        const std::string name = "sample '" + snippet(sample.id, 40) + "'";
        if (sample.id.size() > limits.idBytes) {
            findings.push_back(overLimit(sample.id, name + ": its id has " + std::to_string(sample.id.size()) +
                                                        " bytes, more than the limit of " +
                                                        std::to_string(limits.idBytes)));
        }
        if (auto problem = textOverLimit(sample.text, limits)) {
            findings.push_back(overLimit(sample.id, name + ": " + *problem));
        }
        if (sample.meta.size() > limits.metadataBytes) {
            findings.push_back(
                overLimit(sample.id, name + ": the metadata takes " + std::to_string(sample.meta.size()) +
                                         " bytes, more than the limit of " + std::to_string(limits.metadataBytes)));
        } else if (io::nestsDeeperThan(sample.meta, limits.metadataDepth)) {
            findings.push_back(overLimit(sample.id, name + ": the metadata nests deeper than the " +
                                                        std::to_string(limits.metadataDepth) + " levels sync carries"));
        }
        for (std::uint32_t v = data.voteBegin[s]; v < data.voteBegin[s + 1]; ++v) {
            const StoredValue& vote = data.votes[v];
            const std::string& annotator = data.annotators[vote.annotator];
            const std::string whose = name + ", the annotation by " + snippet(annotator, 40);
            if (annotator.size() > limits::kNameBytes) {
                findings.push_back(
                    overLimit(sample.id, whose + ": the annotator's name has " + std::to_string(annotator.size()) +
                                             " bytes, more than the limit of " + std::to_string(limits::kNameBytes)));
            }
            if (auto problem = valueOverLimit(vote.raw.size(), limits)) {
                findings.push_back(overLimit(sample.id, whose + ": " + *problem));
            } else if (io::nestsDeeperThan(vote.raw, limits::kValueDepth)) {
                findings.push_back(overLimit(sample.id, whose + ": the value nests deeper than the " +
                                                            std::to_string(limits::kValueDepth) +
                                                            " levels sync carries"));
            }
        }
    }
    for (const StoredValue& gold : data.golds) {
        const std::string& sampleId = data.samples[gold.sample].id;
        if (auto problem = valueOverLimit(gold.raw.size(), limits)) {
            findings.push_back(
                overLimit(sampleId, "the gold label of sample '" + snippet(sampleId, 40) + "': " + *problem));
        }
    }
}

} // namespace concord::quality::checks
