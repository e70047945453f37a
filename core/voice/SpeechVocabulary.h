#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QStringList>

namespace tierdesk::voice {

// The words a call's recogniser listens for (docs/calls.md, "Speech on the machine"): the language
// model's `size` most likely words, and the extra words (the customer-service words the calls
// layer adds) that the model knows, with their pronunciations from the CMU dictionary.
//
// Why not all 72,547 of the model's words: the decoder's search tree grows with the vocabulary, and
// with it the CPU a second of speech costs. Measured with Flite's four US voices as callers on 60
// customer-service sentences (1,780 words): all words 0.21 CPU-s per audio-s, 20,000 words and the
// service words 0.10, and the word error rate 16.5 % against 15.7 % (the model's rare words are
// mostly names and news that a caller to a shop does not say, and wrongly heard when they are
// listened for).
//
// The dictionary is written once under the user's cache folder, named after what it holds, so each
// decoder after the first loads it from there; every process that needs the same one shares it.
// Where the cache cannot be written, the whole dictionary is used (and a warning logged).
class SpeechVocabulary {
public:
    // The path of the pronunciation dictionary to give the decoder; size <= 0: the full CMU
    // dictionary of modelDir, as it is.
    static Result<QString> dictionary(const QString &modelDir, int size, const QStringList &extraWords);

private:
    static Result<QString> write(const QString &modelDir, int size, const QStringList &extraWords);
};

} // namespace tierdesk::voice
