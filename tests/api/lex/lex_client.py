#!/usr/bin/env python3
"""A Lex V2 runtime client for tst_lexapi: botocore's own lexv2-runtime client (its model, its SigV4
signing for service "lex", its parsers) against Tierdesk on loopback.

Reads {"endpoint", "region", "accessKeyId", "secretAccessKey", "calls": [...]} on stdin; each call is
{"op": "text" | "utterance" | "put" | "get" | "delete", "botId", "localeId"?, "sessionId", ...} with
  text:      "text", "sessionState"?, "requestAttributes"?
  utterance: "contentType", "text"? or "audioFile"? (raw 16 kHz s16le), "responseContentType"?,
             "sessionState"? (sent gzip then base64), "replyAudioFile"? (where the answer's audio goes)
  put:       "sessionState", "messages"?, "responseContentType"?
and "secretAccessKey"? to sign one call with another secret. Writes a JSON list, one entry per call:
{"ok": true, "response": {...}} with the answer's gzip+base64 headers decoded to JSON, or
{"ok": false, "code", "message", "status"} as botocore's ClientError reads the error.
Exit code 3 when botocore is not installed (the test then fails: scripts/install-deps.sh installs it).
"""
import base64
import gzip
import json
import sys

try:
    import botocore.session
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    sys.stderr.write("python3-botocore is not installed\n")
    sys.exit(3)

PACKED = ("messages", "sessionState", "interpretations", "inputTranscript", "requestAttributes")


def client(spec, secret):
    session = botocore.session.get_session()
    return session.create_client(
        "lexv2-runtime", region_name=spec["region"], endpoint_url=spec["endpoint"],
        aws_access_key_id=spec["accessKeyId"], aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 1}, read_timeout=120))


def unpack(value):
    text = gzip.decompress(base64.b64decode(value)).decode("utf-8")
    try:
        return json.loads(text)
    except ValueError:
        return text  # the input transcript is text


def path_args(call):
    return {"botId": call["botId"], "botAliasId": call.get("botAliasId", "TSTALIASID"),
            "localeId": call.get("localeId", "en_US"), "sessionId": call["sessionId"]}


def utterance(lex, call):
    args = path_args(call)
    args["requestContentType"] = call["contentType"]
    if "responseContentType" in call:
        args["responseContentType"] = call["responseContentType"]
    if "sessionState" in call:
        args["sessionState"] = base64.b64encode(gzip.compress(json.dumps(call["sessionState"]).encode())).decode()
    if "audioFile" in call:
        with open(call["audioFile"], "rb") as f:
            args["inputStream"] = f.read()
    else:
        args["inputStream"] = call["text"].encode("utf-8")
    answer = lex.recognize_utterance(**args)
    audio = answer.pop("audioStream").read()
    if "replyAudioFile" in call:
        with open(call["replyAudioFile"], "wb") as f:
            f.write(audio)
    answer["audioBytes"] = len(audio)
    for key in PACKED:
        if key in answer:
            answer[key] = unpack(answer[key])
    return answer


def put(lex, call):
    args = path_args(call)
    args["sessionState"] = call["sessionState"]
    for key in ("messages", "responseContentType"):
        if key in call:
            args[key] = call[key]
    answer = lex.put_session(**args)
    answer["audioBytes"] = len(answer.pop("audioStream").read())
    for key in PACKED:
        if key in answer:
            answer[key] = unpack(answer[key])
    return answer


def run(lex, call):
    op = call["op"]
    if op == "text":
        args = path_args(call)
        args["text"] = call["text"]
        for key in ("sessionState", "requestAttributes"):
            if key in call:
                args[key] = call[key]
        return lex.recognize_text(**args)
    if op == "utterance":
        return utterance(lex, call)
    if op == "put":
        return put(lex, call)
    if op == "get":
        return lex.get_session(**path_args(call))
    if op == "delete":
        return lex.delete_session(**path_args(call))
    raise ValueError("unknown op " + op)


def main():
    spec = json.load(sys.stdin)
    results = []
    for call in spec["calls"]:
        lex = client(spec, call.get("secretAccessKey", spec["secretAccessKey"]))
        try:
            answer = run(lex, call)
            answer.pop("ResponseMetadata", None)
            results.append({"ok": True, "response": answer})
        except ClientError as e:
            results.append({"ok": False, "code": e.response["Error"]["Code"],
                            "message": e.response["Error"].get("Message", ""),
                            "status": e.response["ResponseMetadata"]["HTTPStatusCode"]})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
