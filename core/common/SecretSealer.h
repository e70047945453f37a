#pragma once

#include "core/common/Result.h"

#include <QByteArray>

namespace tierdesk {

// Seals small secrets before they are written to the database and opens them
// when read. Declared here so the store needs no cryptography of its own:
// core/integrations' SecretBox implements it, and whoever opens the store
// (the runtime, the engine for stores opened without a secret store) gives it one.
class SecretSealer {
public:
    virtual ~SecretSealer() = default;
    virtual QByteArray seal(const QByteArray &plain) const = 0;
    virtual Result<QByteArray> open(const QByteArray &sealed) const = 0; // fails on a wrong key or any change
};

} // namespace tierdesk
