#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<name>/). Run from anywhere."""
import base64
import gzip
import hashlib
import hmac
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
KEY = b"tierdesk-fuzz-key-0123456789abcdef"  # fuzz_jwt.cpp's kKey
NOW = 1766145600                             # fuzz_jwt.cpp's kNow
COMPANY = "co_fuzz"                          # fuzz_cs_json.cpp's kCompany
HEADER = b'{"alg":"HS256","typ":"JWT"}'


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


def js(obj):
    return json.dumps(obj, separators=(",", ":")).encode()


def sign(header, payload, key=KEY):
    signing_input = b64(header) + b"." + b64(payload)
    return signing_input + b"." + b64(hmac.new(key, signing_input, hashlib.sha256).digest())


def jwt_seeds():
    # First byte even ('T'): the rest is a token. Odd ('S'): header\npayload JSON, signed by the target.
    admin = {"company": COMPANY, "role": "admin", "iat": NOW, "exp": NOW + 3600, "sub": "fuzzer", "jti": "tok_1"}
    client = dict(admin, role="client", customer="cust_ben", nbf=NOW + 30)
    return {
        "raw_valid_admin": b"T" + sign(HEADER, js(admin)),
        "raw_valid_client_nbf": b"T" + sign(HEADER, js(client)),
        "raw_expired": b"T" + sign(HEADER, js(dict(admin, exp=NOW - 1))),
        "raw_alg_none": b"T" + b64(b'{"alg":"none","typ":"JWT"}') + b"." + b64(js(admin)) + b".",
        "raw_bad_signature": b"T" + sign(HEADER, js(admin), b"another-key"),
        "raw_two_segments": b"T" + b64(HEADER) + b"." + b64(js(admin)),
        "signed_payload": b"S" + js(admin),
        "signed_header_payload": b"S" + HEADER + b"\n" + js(client),
        "signed_future_iat": b"S" + js(dict(admin, iat=NOW + 3600)),
        "signed_missing_company": b"S" + js({"role": "agent", "exp": NOW + 60}),
        "signed_string_exp": b"S" + js(dict(admin, exp=str(NOW + 60))),
        # Found by this target: read as 0, these passed the iat/nbf leeway check.
        "signed_iat_beyond_int64": b"S" + js(admin).replace(str(NOW).encode(), b"17661456001766149200", 1),
        "signed_nbf_fraction": b"S" + js(dict(admin, nbf=NOW + 3600.5)),
    }


def cs_json_seeds():
    # First byte picks the route (fuzz_cs_json.cpp's kRoutes), the rest is the body or query.
    return {
        "create_session": b"S" + js({"companyId": COMPANY, "customerId": "cust_alice", "channel": "chat",
                                     "initialMessage": "Where is my order?"}),
        "create_session_full": b"S" + js({"companyId": COMPANY, "customerId": "cust_new-1", "channel": "email",
                                          "issueCategory": "BILLING", "metadata": {"source": "web", "page": 3}}),
        "create_session_bad_channel": b"S" + js({"companyId": COMPANY, "customerId": "cust_alice", "channel": "fax"}),
        "create_session_not_object": b"S[1,2,3]",
        "other_company": b"S" + js({"companyId": "other", "customerId": "cust_alice", "channel": "chat"}),
        "message_refund": b"M" + js({"message": "I want a refund of $50 for order ORD-10005"}),
        "message_irate": b"M" + js({"message": "This is UNACCEPTABLE!!! I am furious, I will call my lawyer"}),
        "message_empty": b"M" + js({"message": ""}),
        "message_number": b'M{"message":42}',
        "escalate": b"E" + js({"reason": "CUSTOMER_REQUEST", "targetTier": "HUMAN_AGENT", "notes": "asked for a person"}),
        "escalate_ai_rep": b"E" + js({"reason": "COMPLEX_ISSUE", "targetTier": "AI_REP"}),
        "resolve": b"R" + js({"resolutionType": "ISSUE_RESOLVED", "summary": "Order located",
                              "actionsTaken": ["order lookup"], "followUpRequired": False}),
        "resolve_bad_actions": b"R" + js({"resolutionType": "UNRESOLVED", "actionsTaken": [1, None]}),
        "config_patch": b"C" + js({"companyId": COMPANY, "tiers": {"aiRep": {
            "capabilities": {"maxCreditAmount": 25},
            "responseGuidelines": {"tone": "formal", "maxResponseLength": 300}}},
            "escalationRules": {"repeatContactWindowHours": 24}}),
        "config_irate": b"C" + js({"companyId": COMPANY, "irateProtocol": {
            "detectionThreshold": 0.5, "triggerKeywords": ["outrageous"],
            "autoEscalate": {"afterAttempts": 1, "targetTier": "HUMAN_AGENT"}}}),
        "config_unknown_key": b"C" + js({"companyId": COMPANY, "tiers": {"aiRep": {"colour": "red"}}}),
        "config_disable": b"C" + js({"companyId": COMPANY, "enabled": False}),
        "webhook": b"W" + js({"companyId": COMPANY, "url": "https://example.com/hook",
                              "events": ["session.created", "session.escalated"], "secret": "0123456789abcdef0123"}),
        "webhook_bad_url": b"W" + js({"companyId": COMPANY, "url": "ftp://example.com", "events": ["session.created"],
                                      "secret": "short"}),
        "list_sessions": b"s" + b"status=ACTIVE&tier=AI_REP&customerId=cust_alice&startDate=2025-01-01"
                                b"&endDate=2025-12-31&limit=10&offset=0",
        "list_sessions_bad_limit": b"s" + b"limit=0&offset=-1",
        "analytics": b"a" + b"startDate=2025-01-01&endDate=2025-12-31&groupBy=week",
        "analytics_datetime": b"a" + b"startDate=2025-12-01T00:00:00Z&endDate=2025-12-19T12:00:00%2B01:00&groupBy=month",
        "get_config": b"c",
        "list_webhooks": b"w" + b"companyId=" + COMPANY.encode(),
        "audit": b"u" + b"limit=5",
    }


def sigv4_seeds():
    # First byte odd ('S'): the request is signed by the target; even ('T'): verified as it is.
    auth = (b"Authorization: AWS4-HMAC-SHA256 Credential=TDAKFUZZKEY234567ABC/20251219/eu-west-1/"
            b"execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + b"0" * 64)
    return {
        "signed_get_query": b"S" + b"GET /knowledge/search?q=refund%20policy&limit=5&tag=b&tag=a\nHost: h\n\n",
        "signed_post_json": b"S" + b"POST /chatbot/message\nContent-Type: application/json\n\n"
                            + b'{"sessionId":"s1","message":"hi"}',
        "signed_odd_path": b"S" + b"GET /kb//a/./b/../caf%C3%A9%20(x)!\nX-Note:   a   b  \n\n",
        "raw_wrong_signature": b"T" + b"GET /audit/logs\nHost: h\nX-Amz-Date: 20251219T120000Z\n" + auth + b"\n\n",
        "raw_old_date": b"T" + b"GET /\nHost: h\nX-Amz-Date: 20251219T110000Z\n" + auth + b"\n\n",
        "raw_no_auth": b"T" + b"GET /\nHost: h\n\n",
    }


def sdp_offer(formats, rtpmaps, proto="RTP/AVP", conn="c=IN IP4 127.0.0.1\r\n"):
    return ("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n" + conn + "t=0 0\r\n"
            f"m=audio 40000 {proto} {formats}\r\n" + "".join(f"a={a}\r\n" for a in rtpmaps)).encode()


def sdp_seeds():
    # The input is an INVITE's body (fuzz_sdp.cpp).
    return {
        "baresip_all": sdp_offer("0 8 9 96 101", ["rtpmap:0 PCMU/8000", "rtpmap:8 PCMA/8000", "rtpmap:9 G722/8000",
                                                  "rtpmap:96 opus/48000/2", "fmtp:96 stereo=1;sprop-stereo=1",
                                                  "rtpmap:101 telephone-event/8000", "fmtp:101 0-15", "ptime:20"]),
        "g722_only": sdp_offer("9", ["rtpmap:9 G722/8000"]),
        "static_without_rtpmap": sdp_offer("0 8", []),
        "gsm_only": sdp_offer("3", ["rtpmap:3 GSM/8000"]),
        "srtp": sdp_offer("0", ["rtpmap:0 PCMU/8000"], proto="RTP/SAVP"),
        "no_connection": sdp_offer("0", ["rtpmap:0 PCMU/8000"], conn=""),
        "video_first": b"v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                       b"m=video 5000 RTP/AVP 97\r\na=rtpmap:97 H264/90000\r\nm=audio 5002 RTP/AVP 0\r\n",
        "ipv6_hold": sdp_offer("111 0", ["rtpmap:111 OPUS/48000/2", "sendonly"], conn="c=IN IP6 ::1\r\n"),
    }


def rtp_packet(pt, seq, ts, payload, marker=False):
    header = bytes([0x80, (0x80 if marker else 0) | pt]) + seq.to_bytes(2, "big") + ts.to_bytes(4, "big") + (
        0x1234ABCD).to_bytes(4, "big")
    packet = header + payload
    return len(packet).to_bytes(2, "big") + packet


def rtp_seeds():
    # First byte: codec (0 Opus, 1 G722, 2 PCMU, 3 PCMA; +4 with keypad events at 101), then packets
    # with a 2-byte length each (fuzz_rtp.cpp).
    g722 = [rtp_packet(9, 100 + i, 160 * i, bytes(range(i, i + 160))) for i in range(4)]
    pcmu = [rtp_packet(0, 7 + i, 160 * i, b"\xff" * 160) for i in range(3)]
    digit = [rtp_packet(101, 20 + i, 8000, bytes([5, 0x0a if i < 2 else 0x8a]) + (160 * (i + 1)).to_bytes(2, "big"),
                        marker=(i == 0)) for i in range(4)]
    return {
        "g722_in_order": b"\x01" + b"".join(g722),
        "g722_reordered": b"\x01" + g722[1] + g722[0] + g722[3] + g722[2],
        "pcmu_duplicates": b"\x02" + pcmu[0] + pcmu[0] + pcmu[2] + pcmu[1],
        "pcma_keypad": b"\x07" + rtp_packet(8, 1, 0, b"\xd5" * 160) + b"".join(digit),
        "opus_garbage": b"\x00" + rtp_packet(111, 1, 0, b"\xfc\xff\xfe" + bytes(60)),
        "wrapping_sequence": b"\x01" + rtp_packet(9, 65535, 0, bytes(160)) + rtp_packet(9, 0, 160, bytes(160)),
    }


def html_page_seeds():
    # The input is a page's bytes as fetched (fuzz_html_page.cpp); the tests' page samples too.
    samples = HERE.parent / "tests" / "integrations" / "web"
    seeds = {path.stem: path.read_bytes() for path in sorted(samples.glob("*.html"))}
    seeds.update({
        "latin1_meta": b'<meta charset="iso-8859-1"><title>T</title><main>Caf\xe9</main>',
        "utf16_bom": "\ufeff<main>Caf\u00e9</main>".encode("utf-16-le"),
        "lists_table_pre": b"<article><h2>A</h2><ul><li>x<ol><li>y</li></ol></li></ul>"
                           b"<table><tr><th>a<td>b</table><pre>\n p\n  q</pre></article>",
        "malformed": b"<div><b><i></div><p>x</b><table><td>cell<a href=/a#f>l</a><base href=//cdn.example/>",
        "head_directives": b'<head><meta name=robots content="noindex,nofollow"><link rel=canonical href="/c">'
                           b'</head><h1>Title<br>more</h1>',
    })
    return seeds


def robots_sitemap_seeds():
    # The input is read as a robots.txt and as a sitemap (fuzz_robots_sitemap.cpp).
    urlset = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
              b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
              b"<url><loc>https://help.example/hc/a</loc><lastmod>2024-05-01T10:00:00+02:00</lastmod></url>\n"
              b"<url><loc><![CDATA[https://help.example/hc/b]]></loc><lastmod>2024</lastmod></url>\n</urlset>\n")
    return {
        "robots": b"User-agent: *\nDisallow: /hc/*?\nAllow: /hc/$\nCrawl-delay: 2.5\n\n"
                  b"User-agent: Tierdesk\nDisallow: /private\nAllow: /private/public\n"
                  b"Sitemap: https://help.example/sitemap.xml\n",
        "robots_odd": b"\xef\xbb\xbfuser-agent *\r\ndisallow /caf\xc3\xa9%2f$ # comment\rsitemap: /relative\n",
        "urlset": urlset,
        "urlset_gzip": gzip.compress(urlset, mtime=0),
        "sitemapindex": b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                        b"<sitemap><loc>https://help.example/s1.xml.gz</loc></sitemap></sitemapindex>",
    }


def multipart_form_seeds():
    # The first line is the Content-Type, the rest the body (fuzz_multipart_form.cpp).
    head = b"multipart/form-data; boundary=----TierdeskBoundary\n"
    return {
        "two_files": head + b"------TierdeskBoundary\r\n"
                     b'Content-Disposition: form-data; name="file"; filename="returns.md"\r\n'
                     b"Content-Type: text/markdown\r\n\r\n# Returns\n\nWithin 30 days.\r\n"
                     b"------TierdeskBoundary\r\n"
                     b'Content-Disposition: form-data; name="file"; filename="scan.pdf"\r\n'
                     b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n\x00\xff\r\n"
                     b"------TierdeskBoundary--\r\n",
        "quoted": b'multipart/form-data; boundary="a b"\n--a b\r\n'
                  b'Content-Disposition: form-data; name="f\\"x"; filename=plain.txt\r\n\r\nhi\r\n--a b--',
        "empty_form": head + b"------TierdeskBoundary--\r\n",
        "unclosed": head + b"------TierdeskBoundary\r\nContent-Disposition: form-data; name=file\r\n\r\nx",
    }


def main():
    for name, seeds in (("jwt", jwt_seeds()), ("cs_json", cs_json_seeds()), ("sigv4", sigv4_seeds()),
                        ("sdp", sdp_seeds()), ("rtp", rtp_seeds()), ("html_page", html_page_seeds()),
                        ("robots_sitemap", robots_sitemap_seeds()), ("multipart_form", multipart_form_seeds())):
        folder = HERE / "corpus" / name
        folder.mkdir(parents=True, exist_ok=True)
        for file, data in seeds.items():
            (folder / file).write_bytes(data)


if __name__ == "__main__":
    main()
