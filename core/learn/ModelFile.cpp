// Reading and writing the model file format described in ModelFile.hpp.
#include "core/learn/ModelFile.hpp"

#include "core/io/AtomicFile.hpp"
#include "core/learn/Hash.hpp"
#include "core/util/Error.hpp"

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace concord::learn {

namespace {

constexpr char kMagic[8] = {'C', 'O', 'N', 'C', 'M', 'O', 'D', 'L'};

static_assert(std::endian::native == std::endian::little, "the model file is little-endian; add byte swapping");

void writeU32(std::ostream& out, std::uint32_t value)
{
    out.write(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint64_t checksum(const std::vector<float>& a, const std::vector<float>& b)
{
    const auto bytes = [](const std::vector<float>& v) {
        return std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
    };
    return mix64(fnv1a(bytes(b), fnv1a(bytes(a))));
}

template <typename T> void readExactly(std::istream& in, T* data, std::size_t count, const std::string& path)
{
    in.read(reinterpret_cast<char*>(data), static_cast<std::streamsize>(count * sizeof(T)));
    if (!in) {
        throw InputError(path + ": the model file is truncated; train again to replace it");
    }
}

} // namespace

std::string modelPathFor(const std::string& projectPath)
{
    return projectPath + ".model";
}

void saveModel(const std::string& path, const SavedModel& saved)
{
    const LinearModel& model = saved.model;
    nlohmann::json header = {{"kind", model.kind() == ModelKind::Softmax ? "softmax" : "one-vs-rest"},
                             {"labels", model.labels()},
                             {"features", model.features().toJson()},
                             {"training", saved.training.toJson()},
                             {"epochs_trained", model.epochsTrained()},
                             {"examples_seen", model.examplesSeen()},
                             {"info", saved.info}};
    const std::string text = header.dump();
    io::AtomicFile file(path);
    std::ostream& out = file.stream();
    out.write(kMagic, sizeof kMagic);
    writeU32(out, kModelFormatVersion);
    writeU32(out, static_cast<std::uint32_t>(text.size()));
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.write(reinterpret_cast<const char*>(model.weights().data()),
              static_cast<std::streamsize>(model.weights().size() * sizeof(float)));
    out.write(reinterpret_cast<const char*>(model.accumulators().data()),
              static_cast<std::streamsize>(model.accumulators().size() * sizeof(float)));
    const std::uint64_t sum = checksum(model.weights(), model.accumulators());
    out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
    file.commit();
}

SavedModel loadModel(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw SettingError("model", path + ": cannot open the model file; train the model first");
    }
    char magic[8] = {};
    in.read(magic, sizeof magic);
    if (!in || std::memcmp(magic, kMagic, sizeof kMagic) != 0) {
        throw InputError(path + ": not a Concord model file");
    }
    std::uint32_t version = 0;
    std::uint32_t length = 0;
    readExactly(in, &version, 1, path);
    if (version > kModelFormatVersion) {
        throw InputError(path + ": model format " + std::to_string(version) + " is newer than this Concord reads (" +
                         std::to_string(kModelFormatVersion) + ")");
    }
    readExactly(in, &length, 1, path);
    if (length > (1U << 26)) {
        throw InputError(path + ": the model file's header is implausibly long; the file is damaged");
    }
    std::string text(length, '\0');
    readExactly(in, text.data(), length, path);
    SavedModel saved;
    try {
        const auto header = nlohmann::json::parse(text);
        const std::string kind = header.at("kind").get<std::string>();
        saved.model = LinearModel(kind == "softmax" ? ModelKind::Softmax : ModelKind::OneVsRest,
                                  header.at("labels").get<std::vector<std::string>>(),
                                  FeatureOptions::fromJson(header.at("features")));
        saved.training = TrainOptions::fromJson(header.at("training"));
        saved.model.setProgress(header.at("epochs_trained").get<std::int64_t>(),
                                header.at("examples_seen").get<std::int64_t>());
        saved.info = header.value("info", nlohmann::json::object());
    } catch (const nlohmann::json::exception& error) {
        throw InputError(path + ": the model file's header is damaged: " + error.what());
    }
    readExactly(in, saved.model.weights().data(), saved.model.weights().size(), path);
    readExactly(in, saved.model.accumulators().data(), saved.model.accumulators().size(), path);
    std::uint64_t stored = 0;
    readExactly(in, &stored, 1, path);
    if (stored != checksum(saved.model.weights(), saved.model.accumulators())) {
        throw InputError(path + ": the model file's checksum does not match; the file is damaged");
    }
    return saved;
}

std::optional<SavedModel> loadModelIfExists(const std::string& path)
{
    if (!std::filesystem::exists(path)) {
        return std::nullopt;
    }
    return loadModel(path);
}

} // namespace concord::learn
