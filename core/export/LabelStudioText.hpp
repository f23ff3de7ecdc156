// Label Studio's value.text of a span against the text its offsets cover. The editor stores
// the browser's selection string (label-studio-frontend src/utils/html.js, captureSelection:
// `selection.toString().replace(/[\n\r]/g, "\\n")`): each CR and each LF becomes a backslash and
// an "n" (so a CRLF is "\n\n"), and a run of spaces is what the page shows, one space. So the two
// agree when they are equal after undoing that; anything else is another text.
#pragma once

#include <string>
#include <string_view>

namespace concord::exporting {

// `text` with each "\n" escape, CR, LF, tab and space run turned into one space, and none at
// either end: "one\\n\\nLine  two " and "one\r\nLine two" both give "one Line two".
std::string labelStudioComparable(std::string_view text);

// Whether the editor's `editorText` is what `covered` (the characters a span's offsets cover)
// looks like in Label Studio.
bool sameLabelStudioText(std::string_view editorText, std::string_view covered);

} // namespace concord::exporting
