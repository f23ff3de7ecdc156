#include "core/export/LabelStudioText.hpp"

namespace concord::exporting {

namespace {

bool isHtmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string labelStudioComparable(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            ++i; // the editor's escape of a CR or LF
        } else if (!isHtmlSpace(text[i])) {
            out += text[i];
        }
    }
    return out;
}

bool sameLabelStudioText(std::string_view editorText, std::string_view covered)
{
    return editorText == covered || labelStudioComparable(editorText) == labelStudioComparable(covered);
}

} // namespace concord::exporting
