#!/usr/bin/python3
"""Writes the NLU benchmark's CSV files (header text,label) into OUT_DIR:
  bitext_train.csv / bitext_test.csv  Bitext utterances and their 27 intents, split as
                                      Tierdesk's isHeldOut() does: FNV-1a of the simplified,
                                      lower-cased text, hash % 100 < 20 held out
  bitext_train10k.csv                 the training part grown to 10,000 distinct utterances with
                                      the variants customers type (lower case, no punctuation,
                                      one pair of letters swapped), for the memory target
  uci_test.csv                        the held-out part of the 3,000 UCI sentences (split as above;
                                      the sentiment model learns from the rest), label 1 or -1
  tierdesk_train.csv / _test.csv      resources/nlu/intents.tsv (24 Tierdesk intents: written for
                                      Tierdesk and mapped from Bitext), split the same way
Usage: nlu_data.py SHARED_DATA_DIR OUT_DIR INTENTS_TSV"""
import csv
import os
import sys


def held_out(text, percent=20):
    h = 2166136261
    for b in " ".join(text.split()).lower().encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h % 100 < percent


def variants(text, seed):
    """Deterministic rewrites of one utterance, as customers type them."""
    lower = text.lower()
    bare = "".join(c for c in lower if c.isalnum() or c.isspace())
    yield lower
    yield bare
    for k in range(3):
        i = (seed * 7919 + k * 104729) % max(1, len(bare) - 1)
        if bare[i:i + 2].isalpha():
            yield bare[:i] + bare[i + 1] + bare[i] + bare[i + 2:]


def grow_training_set(src, dst, target):
    with open(src, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    seen = {r["text"] for r in rows}
    out = list(rows)
    for n, r in enumerate(rows * 3):
        if len(out) >= target:
            break
        for v in variants(r["text"], n):
            if v not in seen and len(out) < target:
                seen.add(v)
                out.append({"text": v, "label": r["label"]})
                break
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        for r in out:
            w.writerow([r["text"], r["label"]])


def main(shared, out):
    os.makedirs(out, exist_ok=True)
    src = os.path.join(shared, "bitext_customer_support", "Bitext_Sample_Customer_Support_Training_Dataset.csv")
    with open(os.path.join(out, "bitext_train.csv"), "w", newline="", encoding="utf-8") as tr, \
         open(os.path.join(out, "bitext_test.csv"), "w", newline="", encoding="utf-8") as te:
        writers = {False: csv.writer(tr), True: csv.writer(te)}
        for w in writers.values():
            w.writerow(["text", "label"])
        with open(src, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                text = " ".join(row["instruction"].split())
                writers[held_out(text)].writerow([text, row["intent"]])
    grow_training_set(os.path.join(out, "bitext_train.csv"), os.path.join(out, "bitext_train10k.csv"), 10000)
    with open(os.path.join(out, "uci_test.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label"])
        for name in ("amazon_cells_labelled.txt", "imdb_labelled.txt", "yelp_labelled.txt"):
            with open(os.path.join(shared, "uci_sentiment", name), encoding="utf-8") as src_file:
                for line in src_file:
                    text, sep, label = line.rstrip("\n").rpartition("\t")
                    if not sep or label.strip() not in ("0", "1"):
                        continue  # the header line
                    if not held_out(text.strip()):
                        continue  # trained on: never measured on
                    w.writerow([text.strip(), "1" if label.strip() == "1" else "-1"])


def split_intents_tsv(tsv, out):
    with open(tsv, encoding="utf-8") as src, \
         open(os.path.join(out, "tierdesk_train.csv"), "w", newline="", encoding="utf-8") as tr, \
         open(os.path.join(out, "tierdesk_test.csv"), "w", newline="", encoding="utf-8") as te:
        writers = {False: csv.writer(tr), True: csv.writer(te)}
        for w in writers.values():
            w.writerow(["text", "label"])
        for line in src:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            intent, text = line.split("\t", 1)
            writers[held_out(text.strip())].writerow([text.strip(), intent.strip()])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    split_intents_tsv(sys.argv[3], sys.argv[2])
