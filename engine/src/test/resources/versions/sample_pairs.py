#!/usr/bin/env python3
"""Samples the version pairs of archive-version-pairs.txt from real Packages indexes.

Usage: sample_pairs.py PACKAGES_FILE... > archive-version-pairs.txt
(plain or .lz4/.xz/.gz files, e.g. the host's /var/lib/apt/lists/*_Packages*). Deterministic for the
same input (seeded). Each output line is "A B": two versions that differ as text. Most pairs are
chosen to be close, because versions that differ in their first digit say little about the order:
the same package across suites, a binary against its source version, a dependency bound against
the versions of its target, pairs sharing a prefix with an epoch, '~', '+' or letters; then random
pairs, and a few pairs that are equal for dpkg though written differently (derived by adding a
zero epoch, a '-0' revision or a leading zero).
"""
import random
import re
import subprocess
import sys
from collections import defaultdict

RELATION_FIELDS = ("Depends", "Pre-Depends", "Recommends", "Suggests", "Conflicts", "Breaks", "Replaces", "Provides")
BOUND = re.compile(r"([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?\s*\(\s*[<>=]+\s*([^)\s]+)\s*\)")


def read(path):
    tool = {"lz4": ["lz4", "-dc"], "xz": ["xz", "-dc"], "gz": ["gzip", "-dc"]}.get(path.rsplit(".", 1)[-1])
    data = subprocess.run(tool + [path], check=True, capture_output=True).stdout if tool else open(path, "rb").read()
    return data.decode("utf-8")


def entries(text):
    for block in text.split("\n\n"):
        fields = {}
        for line in block.split("\n"):
            if line and not line[0].isspace() and ":" in line:
                k, v = line.split(":", 1)
                fields[k] = v.strip()
        if "Package" in fields and "Version" in fields:
            yield fields


def main(paths):
    rng = random.Random(20250520)
    by_package = defaultdict(set)
    source_pairs, bound_pairs = set(), set()
    bounds = []
    for path in paths:
        for e in entries(read(path)):
            name, version = e["Package"], e["Version"]
            by_package[name].add(version)
            m = re.search(r"\((.+)\)", e.get("Source", ""))
            if m and m.group(1) != version:
                source_pairs.add((version, m.group(1)))
            for f in RELATION_FIELDS:
                for target, bound in BOUND.findall(e.get(f, "")):
                    bounds.append((target, bound))
    versions = sorted({v for vs in by_package.values() for v in vs})

    def pairs_within(groups):
        out = set()
        for vs in groups:
            vs = sorted(vs)
            for i in range(len(vs)):
                for j in range(i + 1, len(vs)):
                    out.add((vs[i], vs[j]))
        return out

    def close_pairs(pred, n):
        """Pairs of versions that match pred and share their first three characters."""
        groups = defaultdict(list)
        for v in versions:
            if pred(v):
                groups[v.split(":")[-1][:3]].append(v)
        out = set()
        keys = sorted(k for k, g in groups.items() if len(g) > 1)
        for _ in range(n * 20):
            if len(out) >= n or not keys:
                break
            g = groups[rng.choice(keys)]
            a, b = rng.sample(g, 2)
            out.add((a, b))
        return out

    for target, bound in bounds:
        for v in by_package.get(target, ()):
            if v != bound:
                bound_pairs.add((bound, v))

    def take(pairs, n):
        pairs = sorted(pairs)
        return set(rng.sample(pairs, min(n, len(pairs))))

    chosen = set()
    chosen |= take(pairs_within(vs for vs in by_package.values() if len(vs) > 1), 3500)
    chosen |= take(source_pairs, 800)
    chosen |= take(bound_pairs, 1800)
    chosen |= close_pairs(lambda v: ":" in v, 1000)
    chosen |= close_pairs(lambda v: "~" in v, 1000)
    chosen |= close_pairs(lambda v: "+" in v, 800)
    chosen |= close_pairs(lambda v: re.search(r"[A-Za-z]", v.split(":")[-1].rsplit("-", 1)[0]) is not None, 800)
    while len(chosen) < 10_900:
        chosen.add(tuple(rng.sample(versions, 2)))
    for v in rng.sample(versions, 150):
        variants = ["0:" + v if ":" not in v else None,
                    v + "-0" if "-" not in v else None,
                    re.sub(r"(?<![0-9])([0-9])", r"0\1", v, count=1)]
        variants = [w for w in variants if w and w != v]
        if variants:
            chosen.add((v, rng.choice(variants)))

    lines = []
    for a, b in sorted(chosen):
        if a != b:
            lines.append(f"{a} {b}" if rng.random() < 0.5 else f"{b} {a}")
    rng.shuffle(lines)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
