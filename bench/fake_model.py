#!/usr/bin/env python3
"""An OpenAI-compatible Chat Completions server for benchmarks: answers every
POST /v1/chat/completions after DELAY seconds with a short, honest reply and
usage figures. Usage: fake_model.py PORT [DELAY_SECONDS]"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
REPLY = "Thanks for writing. Here is what I can tell you about that."


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length) or b"{}")
        if DELAY:
            time.sleep(DELAY)
        body = json.dumps({
            "id": "chatcmpl-bench", "object": "chat.completion", "model": request.get("model", "bench"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": REPLY}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 400, "completion_tokens": 14, "total_tokens": 414},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 512
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
