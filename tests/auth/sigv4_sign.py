#!/usr/bin/env python3
"""Signs requests with botocore's SigV4Auth, the real AWS signer, for tst_sigv4verifier.

Reads a JSON list of requests on stdin:
  {"accessKeyId", "secretAccessKey", "region", "service", "method", "url",
   "headers": {name: value}, "body": text}
and writes a JSON list of the signed requests as an HTTP client would send them:
  {"method", "path", "query", "headers": [[name, value], ...], "body"}
Exit code 3 when botocore is not installed (the test then skips).
"""
import json
import sys
from urllib.parse import urlsplit

try:
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    sys.stderr.write("python3-botocore is not installed\n")
    sys.exit(3)


def sign(spec):
    body = spec.get("body", "").encode("utf-8")
    request = AWSRequest(method=spec["method"], url=spec["url"], data=body, headers=dict(spec.get("headers", {})))
    credentials = Credentials(spec["accessKeyId"], spec["secretAccessKey"])
    SigV4Auth(credentials, spec["service"], spec["region"]).add_auth(request)
    parts = urlsplit(spec["url"])
    headers = [[name, value] for name, value in request.headers.items()]
    # botocore signs the host from the URL; the HTTP client sends that header.
    if not any(name.lower() == "host" for name, _ in headers):
        headers.append(["Host", parts.netloc])
    return {"method": request.method, "path": parts.path, "query": parts.query, "headers": headers,
            "body": body.decode("utf-8")}


def main():
    specs = json.load(sys.stdin)
    json.dump([sign(spec) for spec in specs], sys.stdout)


if __name__ == "__main__":
    main()
