// Plain rows of the project store. Values and metadata stay JSON text until a caller needs
// them parsed, so that listing a million rows does not parse a million documents.
#pragma once

#include "core/model/RecordLimits.hpp"

#include <cstdint>
#include <string>

namespace concord {

struct Sample
{
    std::int64_t key = 0;    // the store's internal row key; stable for the life of the file
    std::string id;          // the user's stable id
    std::string text;        // a record with fields: its primary text (primaryText())
    std::string meta = "{}"; // JSON object
    std::string record;      // a record with fields: encodeRecord(); empty: the one field `text`
};

struct Annotation
{
    std::int64_t sample = 0;
    std::string annotator;
    std::string value; // JSON: {"labels":[...]}, {"spans":[...]} or {"rating":n}
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t seq = 0; // server sequence number of the last change; 0 before the first sync
};

struct Resolution
{
    std::int64_t sample = 0;
    std::string value;
    std::string note;
    std::string author;
    std::int64_t updatedAt = 0;
};

struct Prediction
{
    std::int64_t sample = 0;
    std::string model;
    std::string probabilities; // JSON object: label -> probability
};

struct Signal
{
    std::string name;
    std::string expression; // an SQL boolean expression over the samples view
};

struct ProjectSettings
{
    std::string name = "Untitled";
    int overlap = 1;    // annotators per sample
    bool blind = false; // annotators do not see each other's labels
    std::string guidelines;
    std::size_t maxTextBytes = limits::kDefaultTextBytes; // a sample's text, JSON-encoded (RecordLimits)
};

} // namespace concord
