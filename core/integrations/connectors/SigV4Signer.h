#pragma once

#include "core/integrations/OutboundHttp.h"

#include <QByteArray>
#include <QDateTime>

namespace tierdesk::connectors {

struct SigV4Credentials {
    QByteArray accessKeyId;
    QByteArray secretAccessKey;
    QByteArray region;
    QByteArray service = QByteArrayLiteral("lambda");
};

// Signs an outbound request as AWS Signature Version 4 does (a Lambda function URL with
// AWS_IAM auth): adds X-Amz-Date and Authorization, signing host, x-amz-date and every
// header the request carries (the canonical pieces are the verifier's, SigV4Canonical).
class SigV4Signer {
public:
    static void sign(OutboundRequest &request, const SigV4Credentials &credentials, const QDateTime &nowUtc);
};

} // namespace tierdesk::connectors
