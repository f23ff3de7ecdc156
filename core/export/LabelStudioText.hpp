// Label Studio's value.text of a span against the text its offsets cover. The editor writes the
// browser's view of the text, not the text: a span it makes stores the selection string
// (label-studio-frontend src/utils/html.js, captureSelection:
// `selection.toString().replace(/[\n\r]/g, "\\n")`), so each CR and each LF becomes a backslash
// and an "n" (a CRLF is "\n\n") and a run of spaces is one space, as the page shows it; and an
// annotation loaded and saved again stores the region's text as the page renders it, where a
// line break is a <br> and leaves no character at all ("lineBob" for "line\nBob", seen with the
// 1.4.0 editor, tests/manual/labelstudio_editor_roundtrip.mjs). So the two agree when they are
// equal with every whitespace character and every "\n" escape left out; any other difference
// (a letter, an emoji, a word) is another text.
#pragma once

#include <string>
#include <string_view>

namespace concord::exporting {

// `text` without whitespace (space, tab, CR, LF, FF, VT) and without "\n" escapes:
// "one\\n\\nLine  two ", "one\r\nLine two" and "oneLine two" all give "oneLinetwo".
std::string labelStudioComparable(std::string_view text);

// Whether the editor's `editorText` is what `covered` (the characters a span's offsets cover)
// looks like in Label Studio.
bool sameLabelStudioText(std::string_view editorText, std::string_view covered);

} // namespace concord::exporting
