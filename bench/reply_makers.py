#!/usr/bin/env python3
"""Reads a GET /api/cs/sessions/:id body on stdin; prints how many AI replies each
(model, fallback) pair wrote."""
import collections
import json
import sys

made = collections.Counter()
for message in json.load(sys.stdin).get("messages", []):
    meta = message.get("metadata") or {}
    if meta.get("aiGenerated"):
        made[f"{meta.get('model')} (fallback: {meta.get('fallback', 'none')})"] += 1
print("AI replies of one session:", dict(made))
