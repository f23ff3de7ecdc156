#include "core/io/BoundedJson.hpp"

#include "core/util/Error.hpp"

namespace concord::io {

bool nestsDeeperThan(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return true;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

nlohmann::json parseBoundedJson(std::string_view text, int maxDepth)
{
    if (nestsDeeperThan(text, maxDepth)) {
        throw InputError("the JSON nests deeper than " + std::to_string(maxDepth) + " levels");
    }
    return nlohmann::json::parse(text.begin(), text.end());
}

} // namespace concord::io
