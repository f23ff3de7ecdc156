// The model file, saved beside the project as PROJECT.concord.model (docs/learn.md, "Model
// file"): an 8-byte magic "CONCMODL", a little-endian uint32 format version (1), a uint32
// length and that many bytes of a JSON header (kind, labels, feature and training options,
// progress), then the weights and the AdaGrad accumulators as little-endian float32, then a
// uint64 checksum (Hash.hpp) of those arrays. Written atomically.
#pragma once

#include "core/learn/LinearModel.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace concord::learn {

inline constexpr std::uint32_t kModelFormatVersion = 1;

struct SavedModel
{
    LinearModel model;
    TrainOptions training; // the options it was last trained with
    nlohmann::json info;   // free-form facts for people: samples, sources, when
};

// The model file's path for a project file.
std::string modelPathFor(const std::string& projectPath);

// Throws StoreError when the file cannot be written.
void saveModel(const std::string& path, const SavedModel& saved);
// Throws InputError naming the file and the problem (not a model, newer version, damaged).
SavedModel loadModel(const std::string& path);
// nullopt when there is no file.
std::optional<SavedModel> loadModelIfExists(const std::string& path);

} // namespace concord::learn
