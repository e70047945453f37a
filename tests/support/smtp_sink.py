#!/usr/bin/python3
"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the mail tests.

Prints one JSON line {"port": N} once it listens, then one JSON line per message it
accepted, parsed with Python's own e-mail package so the tests check what an
independent MIME parser reads: envelope, decoded headers and the decoded body.
Options: --auth USER:PASSWORD requires AUTH (PLAIN/LOGIN, allowed without TLS);
--refuse ADDRESS answers 550 to that recipient; --maildir DIR also delivers each message into that
Maildir (new/), as a mail server would. Stops when stdin closes.
"""
import argparse
import asyncio
import email
import email.header
import email.policy
import json
import mailbox
import os
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def emit(obj):
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def decoded(value):
    return str(email.header.make_header(email.header.decode_header(value))) if value is not None else None


class Handler:
    def __init__(self, refused, maildir=None):
        self.refused = {a.lower() for a in refused}
        self.maildir = None
        if maildir:
            for sub in ("tmp", "new", "cur"):
                os.makedirs(os.path.join(maildir, sub), exist_ok=True)
            self.maildir = mailbox.Maildir(maildir, create=False)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content if envelope.original_content is not None else envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
        payload = msg.get_payload(decode=True) or b""
        if self.maildir is not None:
            self.maildir.add(raw)
        # The first text/plain part, decoded: a multipart/alternative reply's words.
        plain = next((p for p in msg.walk() if p.get_content_type() == "text/plain"), None)
        text = ""
        if plain is not None:
            text = (plain.get_payload(decode=True) or b"").decode(plain.get_content_charset() or "ascii", "replace")
        emit({
            "mailFrom": envelope.mail_from,
            "rcptTos": envelope.rcpt_tos,
            "authUser": session.auth_data if session.authenticated else None,
            "headerNames": list(msg.keys()),
            "headers": {k: decoded(v) for k, v in msg.items()},
            "rawHeaders": {k: v for k, v in msg.items()},
            "contentType": msg.get_content_type(),
            "charset": msg.get_content_charset(),
            "transferEncoding": msg.get("Content-Transfer-Encoding"),
            "body": payload.decode(msg.get_content_charset() or "ascii", errors="replace"),
            "text": text,
            "rawLength": len(raw),
            "maxLineLength": max((len(line) for line in raw.split(b"\r\n")), default=0),
        })
        return "250 Message accepted for delivery"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() \
            and auth_data.password == password.encode()
        # handled=False: aiosmtpd itself answers 535 to a failure
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)
    return authenticate


async def main():
    warnings.simplefilter("ignore")  # AUTH without TLS is what the tests want
    parser = argparse.ArgumentParser()
    parser.add_argument("--auth")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--maildir")
    args = parser.parse_args()
    handler = Handler(args.refuse, args.maildir)
    kwargs = {}
    if args.auth:
        user, _, password = args.auth.partition(":")
        kwargs = dict(authenticator=make_authenticator(user, password), auth_required=True, auth_require_tls=False)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, hostname="sink.test", **kwargs), "127.0.0.1", 0)
    emit({"port": server.sockets[0].getsockname()[1]})
    # Stop when the test closes our stdin (or dies).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
