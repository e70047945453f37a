#!/usr/bin/python3
"""scikit-learn reference for the intent benchmark: word (1-2) + character (char_wb 2-5)
TF-IDF with sublinear tf, and LinearSVC (C=1). Prints one JSON object with the fields of
`tierdesk nlu eval --json`. Usage: nlu_sklearn.py TRAIN_CSV TEST_CSV"""
import csv
import json
import resource
import sys
import time

from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline, make_union
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


def quantile_us(ns, q):
    ns = sorted(ns)
    return round(ns[min(len(ns) - 1, max(0, int(-(-q * len(ns) // 1)) - 1))] / 1000.0, 1)


def main(train_path, test_path):
    x_train, y_train = read(train_path)
    x_test, y_test = read(test_path)
    model = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        LinearSVC(C=1.0))
    start = time.perf_counter()
    model.fit(x_train, y_train)
    train_ms = int((time.perf_counter() - start) * 1000)
    predicted, latency = [], []
    for text in x_test:  # one message at a time, as a chat serves them
        t0 = time.perf_counter_ns()
        predicted.append(model.predict([text])[0])
        latency.append(time.perf_counter_ns() - t0)
    print(json.dumps({
        "accuracy": round(accuracy_score(y_test, predicted), 4),
        "macro_f1": round(f1_score(y_test, predicted, average="macro"), 4),
        "n": len(y_test), "train_ms": train_ms,
        "p50_us": quantile_us(latency, 0.5), "p99_us": quantile_us(latency, 0.99),
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
