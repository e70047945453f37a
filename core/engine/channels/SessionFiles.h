#pragma once

#include "core/domain/MessageMeta.h"
#include "core/domain/SessionFile.h"
#include "core/engine/channels/ChannelAccounts.h"

namespace tierdesk {

// Files sent in a web chat conversation (the web channel's attachments): images (PNG, JPEG,
// WebP, GIF) and PDFs within the company's limit. What a file is comes from its first bytes:
// a page named photo.png is no image, a PNG named receipt.pdf is one. Kept in the store with
// the session; read only by who may read the session. Engine thread.
class SessionFiles {
public:
    static constexpr int kMaxNameChars = 200;
    // The most an upload's body may carry: the largest limit a company may set, and the form around it.
    static constexpr qint64 kMaxUploadBytes = (qint64(WebChannelSettings::kMaxAttachmentMB) << 20) + (64 << 10);

    SessionFiles(EngineCore &core, ChannelAccounts &accounts) : m_core(core), m_accounts(accounts) { }

    // The type the bytes are ("image/png", ..., "application/pdf"), empty for any other.
    static QString typeOf(const QByteArray &bytes);
    // The file `sender` (customer or agent) sends in the company's session, ready to keep: Forbidden
    // while the web channel takes no files, FileTooLarge over its limit, UnsupportedFileType.
    Result<SessionFile> accept(const QString &companyId, const QString &sessionId, const QString &sender,
        const QString &name, const QByteArray &data);
    // Stores it (in the caller's batch, or a batch of its own).
    Status keep(const SessionFile &file);
    // The session's file with its content; NotFound for another session's or company's.
    Result<SessionFile> read(const QString &companyId, const QString &sessionId, const QString &fileId);
    // How a message names the file it carries.
    static ChannelFileRef refOf(const SessionFile &file);

private:
    EngineCore &m_core;
    ChannelAccounts &m_accounts;
};

} // namespace tierdesk
