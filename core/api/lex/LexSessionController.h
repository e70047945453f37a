#pragma once

#include "core/api/lex/LexCall.h"

namespace tierdesk::api {

// PutSession, GetSession and DeleteSession on .../sessions/{sessionId}, as botocore's
// lexv2-runtime model sends and reads them: PutSession's answer is headers (gzip then base64) and
// the messages spoken when ResponseContentType is audio/pcm; GetSession and DeleteSession answer JSON.
class LexSessionController {
public:
    static void put(const LexCallPtr &c);
    static void get(const LexCallPtr &c);
    static void remove(const LexCallPtr &c);
};

} // namespace tierdesk::api
