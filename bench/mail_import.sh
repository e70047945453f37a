#!/usr/bin/env bash
# Mail import at scale: MAILS mails (default 10,000) delivered into one Dovecot mailbox, imported by
# `tierdesk serve`'s poller (each a new session answered by the demo company's local responder and
# sent to a real SMTP server, aiosmtpd). Prints mails per second and the server's peak RSS.
# Needs dovecot-imapd and python3-aiosmtpd (scripts/install-deps.sh) and a build with tests.
# Usage: bench/mail_import.sh [BUILD_DIR]   (env: MAILS)
set -euo pipefail
build=${1:-build}
ninja -C "$build" tierdesk tierdesk_mail_bench >/dev/null
"$build/bench/tierdesk_mail_bench" "${MAILS:-10000}"
