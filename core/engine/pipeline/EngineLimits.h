#pragma once

namespace tierdesk {

struct EngineLimits {
    int maxMessageChars = 4000;
    int maxIdChars = 128;
    int maxMetadataBytes = 8192;
    int maxNotesChars = 2000;
    int maxMessagesPerSession = 5000; // beyond: Conflict; a new session starts afresh
};

} // namespace tierdesk
