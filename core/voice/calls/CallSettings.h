#pragma once

#include "core/voice/SpeechRecognizer.h"

namespace tierdesk::voice {

// How the server takes calls, whatever the door (its voice/* settings; docs/calls.md).
struct CallSettings {
    int maxCalls = 20; // voice/maxCalls: calls at once; one more is refused (SIP's 486)
    // One source's share (docs/calls.md, "One source cannot take every line"): calls at once from one
    // address, call attempts from it a minute, and calls at once through one public widget key.
    int maxCallsPerSource = 4; // voice/maxCallsPerSource
    int callsPerSourcePerMinute = 30; // voice/invitesPerSourcePerMinute
    int maxCallsPerWidgetKey = 10; // voice/maxCallsPerWidgetKey
    int decoders = 2; // voice/decoders: threads that recognise and speak for all calls
    int readyDecoders = 0; // voice/readyDecoders: decoders made ahead and kept, whatever the calls
    int silencePromptMs = 8000; // voice/silencePromptSeconds
    int idleMs = 30000; // voice/idleSeconds: no audio from the caller's side for this long ends the call
    int maxWaitMs = 120000; // voice/maxWaitSeconds: in line this long, the caller may leave a message
    int lineReminderMs = 30000; // voice/lineReminderSeconds: a waiting caller hears their place again
    // How calls are heard: voice/vocabularySize; the CallCenter adds the customer-service words.
    SpeechRecognizer::Options speech;
};

} // namespace tierdesk::voice
