#include "core/export/LabelStudioText.hpp"

namespace concord::exporting {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string labelStudioComparable(std::string_view text)
{
    std::string out;
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (isSpace(text[i])) {
            pendingSpace = true;
            continue;
        }
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            pendingSpace = true;
            ++i;
            continue;
        }
        if (pendingSpace && !out.empty()) {
            out += ' ';
        }
        pendingSpace = false;
        out += text[i];
    }
    return out;
}

bool sameLabelStudioText(std::string_view editorText, std::string_view covered)
{
    return editorText == covered || labelStudioComparable(editorText) == labelStudioComparable(covered);
}

} // namespace concord::exporting
