// Reads named text fields straight out of a stored record's JSON text, without building a
// tree: the bias checks and the TRL exports read three fields of every one of 100,000 records,
// and a JSON parse of each (SQLite's json_extract or nlohmann's) was a third of their time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace concord {

// Sets values[i] to the text of field names[i] (empty when the record lacks it, as fieldText()
// reads it). Returns false, leaving `values` in an unspecified state, when `stored` is not laid out as
// encodeRecord() writes it ({"fields":{"name":"text",...}...} with no white space) or any field
// is not a string (a chat): the caller decodes the record in full then. Reads nothing after the
// fields; a stored record that decodeRecord() reads gives the same strings.
bool pickStoredStrings(std::string_view stored, const std::vector<std::string>& names,
                       std::vector<std::string>& values);

} // namespace concord
