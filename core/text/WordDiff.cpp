#include "core/text/WordDiff.hpp"

#include <algorithm>
#include <cstdint>

namespace concord::text {

namespace word_diff {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::vector<std::string_view> tokens(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const bool space = isSpace(text[start]);
        std::size_t end = start + 1;
        while (end < text.size() && isSpace(text[end]) == space) {
            ++end;
        }
        out.push_back(text.substr(start, end - start));
        start = end;
    }
    return out;
}

void add(std::vector<DiffPiece>& pieces, DiffPiece::Kind kind, std::string_view text)
{
    if (text.empty()) {
        return;
    }
    if (!pieces.empty() && pieces.back().kind == kind) {
        pieces.back().text += text;
        return;
    }
    pieces.push_back({kind, std::string(text)});
}

// Within a run of changes, the removals first, then the additions.
std::vector<DiffPiece> ordered(const std::vector<std::pair<DiffPiece::Kind, std::string_view>>& steps)
{
    std::vector<DiffPiece> pieces;
    std::string removed, added;
    const auto flush = [&] {
        add(pieces, DiffPiece::Kind::Removed, removed);
        add(pieces, DiffPiece::Kind::Added, added);
        removed.clear();
        added.clear();
    };
    for (const auto& [kind, text] : steps) {
        if (kind == DiffPiece::Kind::Same) {
            flush();
            add(pieces, kind, text);
        } else {
            (kind == DiffPiece::Kind::Removed ? removed : added) += text;
        }
    }
    flush();
    return pieces;
}

} // namespace word_diff

std::vector<DiffPiece> wordDiff(std::string_view before, std::string_view after, std::size_t maxCells)
{
    using Kind = DiffPiece::Kind;
    const auto a = word_diff::tokens(before);
    const auto b = word_diff::tokens(after);
    // The common start and end need no table.
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) {
        ++head;
    }
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
        ++tail;
    }
    const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
    std::vector<std::pair<Kind, std::string_view>> steps;
    for (std::size_t i = 0; i < head; ++i) {
        steps.emplace_back(Kind::Same, a[i]);
    }
    if (n > 0 && m > 0 && n * m <= maxCells) {
        // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
        std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
        const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                at(i, j) = a[head + i] == b[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
            }
        }
        std::size_t i = 0, j = 0;
        while (i < n && j < m) {
            if (a[head + i] == b[head + j]) {
                steps.emplace_back(Kind::Same, a[head + i]);
                ++i;
                ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                steps.emplace_back(Kind::Removed, a[head + i++]);
            } else {
                steps.emplace_back(Kind::Added, b[head + j++]);
            }
        }
        for (; i < n; ++i) {
            steps.emplace_back(Kind::Removed, a[head + i]);
        }
        for (; j < m; ++j) {
            steps.emplace_back(Kind::Added, b[head + j]);
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            steps.emplace_back(Kind::Removed, a[head + i]);
        }
        for (std::size_t j = 0; j < m; ++j) {
            steps.emplace_back(Kind::Added, b[head + j]);
        }
    }
    for (std::size_t i = a.size() - tail; i < a.size(); ++i) {
        steps.emplace_back(Kind::Same, a[i]);
    }
    return word_diff::ordered(steps);
}

} // namespace concord::text
