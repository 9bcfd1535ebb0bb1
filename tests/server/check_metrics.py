#!/usr/bin/env python3
"""Parses a /metrics document with the Prometheus client's own text-format parser (strict: a
malformed line raises) and prints its samples as JSON: [[name, {labels}, value], ...]."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

text = open(sys.argv[1], encoding="utf-8").read()
samples = []
for family in text_string_to_metric_families(text):
    for s in family.samples:
        samples.append([s.name, s.labels, s.value])
json.dump(samples, sys.stdout)
