#!/usr/bin/env python3
"""Estimate the Infrastructure mutation score from a seeded random sample of its mutants.

Running Stryker over all of src/Infrastructure against the whole suite takes days on a small
machine (docs/mutation-testing.md). This script instead:

  list   runs Stryker once over all of src/Infrastructure with a single Domain-only test class, so
         no mutant is tested: the JSON report lists every mutant with file, position and mutator,
         and marks the ones Stryker does not count (compile errors, "block already covered").
  draw   draws a fixed-seed random sample of the counted mutants into docs/mutation-sample.tsv.
  run    runs Stryker on the exact text span of each sampled mutant, with the test classes of its
         feature folder plus every test class that names a type declared in the mutated file,
         and records the outcome of that mutant in the sample file.
  tally  prints killed/survived/no coverage/timeout, the estimated score and its 95 % Wilson
         interval, the same counting each survivor's verdict (a column filled by hand after
         reading the survivor: killed by a test outside the batch, a gap since closed, or a mutant
         no test can kill), and the per-folder picture.

Run from the repository root: python3 scripts/mutation-sample.py list|draw|run [row ...]|tally
MUTATION_SAMPLE_FILE, _SEED, _SIZE and _WORK (defaults: docs/mutation-sample.tsv, 20261126, 40,
/tmp/mutation-sample) select another sample.
"""

import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "CoachFlow.Tests"
INFRA = ROOT / "src" / "Infrastructure"
CONFIG = "stryker-infrastructure-sample.json"
# A second sample (another commit, another seed) keeps its own file and work folder.
SAMPLE = ROOT / os.environ.get("MUTATION_SAMPLE_FILE", "docs/mutation-sample.tsv")
WORK = Path(os.environ.get("MUTATION_SAMPLE_WORK", "/tmp/mutation-sample"))
LIST_REPORT = WORK / "list" / "mutation-report.json"

SEED = int(os.environ.get("MUTATION_SAMPLE_SEED", "20261126"))
SIZE = int(os.environ.get("MUTATION_SAMPLE_SIZE", "40"))

# A Domain-only class: it reaches no Infrastructure code, so the list run tests no mutant.
LIST_RUN_TESTS = "FullyQualifiedName~CoachFlow.Tests.Engagements.StageExtensionsTests"

# Mutants Stryker itself leaves out of its score; they are not sampled either.
NOT_COUNTED = {"CompileError", "Ignored"}

COLUMNS = ["row", "file", "line", "column", "end_line", "end_column", "mutator", "original",
           "replacement", "status", "tests", "seconds", "verdict"]

# What a survivor turned out to be, written by hand after reading it (the verdict column):
# "equivalent" / "near-equivalent" (no test can tell), "suite: <test>" (killed by a test outside the
# batch's classes, checked by hand), "closed: <test>" (a gap; the named test now kills it, checked by hand).
VERDICTS = ("equivalent", "near-equivalent", "suite:", "closed:")


def stryker(mutate, test_filter, output):
    """One Stryker run; returns the path of its JSON report."""
    env = dict(os.environ, UseMicrosoftTestingPlatformRunner="true")
    command = ["dotnet", "stryker", "-f", CONFIG, "--test-case-filter", test_filter,
               "-O", str(output)]
    for pattern in mutate or []:
        command += ["-m", pattern]
    output.mkdir(parents=True, exist_ok=True)
    with open(output / "stryker.log", "w", encoding="utf-8") as log:
        subprocess.run(command, cwd=TESTS, env=env, stdout=log, stderr=subprocess.STDOUT,
                       check=True)
    reports = sorted(output.rglob("reports/mutation-report.json"))
    if not reports:
        sys.exit(f"Stryker wrote no report under {output}; see {output / 'stryker.log'}")
    return reports[-1]


def relative(report_path):
    """The file's path under src/Infrastructure, whichever clone or worktree wrote the report."""
    return Path(report_path).as_posix().split("/src/Infrastructure/", 1)[1]


def source_text(report, file):
    for path, data in report["files"].items():
        if relative(path) == file:
            return data["source"]
    sys.exit(f"{file} is not in the report")


def offset(source, line, column):
    """Character offset of a 1-based line and column, as Stryker's --mutate spans count."""
    lines = source.splitlines(keepends=True)
    return sum(len(text) for text in lines[:line - 1]) + column - 1


def cmd_list():
    report = stryker(None, LIST_RUN_TESTS, WORK / "list-run")
    LIST_REPORT.parent.mkdir(parents=True, exist_ok=True)
    LIST_REPORT.write_bytes(report.read_bytes())
    counts = Counter(m["status"] for d in json.loads(report.read_text())["files"].values()
                     for m in d["mutants"])
    print(dict(counts))


def cmd_draw():
    report = json.loads(LIST_REPORT.read_text())
    population = []
    for path, data in report["files"].items():
        source = data["source"]
        for m in data["mutants"]:
            if m["status"] in NOT_COUNTED:
                continue
            start, end = m["location"]["start"], m["location"]["end"]
            original = source[offset(source, start["line"], start["column"]):
                              offset(source, end["line"], end["column"])]
            population.append({
                "file": relative(path), "line": start["line"], "column": start["column"],
                "end_line": end["line"], "end_column": end["column"],
                "mutator": m["mutatorName"], "original": one_line(original),
                "replacement": one_line(m.get("replacement") or "")})
    # Sorted by position first, so the draw depends on the code and the seed only.
    population.sort(key=lambda r: (r["file"], r["line"], r["column"], r["end_line"],
                                   r["end_column"], r["mutator"], r["replacement"]))
    # Rows keep the draw's order, so the first k rows are themselves a random sample of k: if time
    # runs out, the tested rows are a prefix, not a choice.
    drawn = random.Random(SEED).sample(range(len(population)), SIZE)
    rows = []
    for number, index in enumerate(drawn, start=1):
        row = dict(population[index], row=number, status="", tests="", seconds="")
        rows.append(row)
    write_sample(rows)
    by_folder = Counter(r["file"].split("/")[0] for r in population)
    print(f"{len(population)} counted mutants in src/Infrastructure; drew {SIZE} with seed {SEED}")
    print("population by folder:", dict(sorted(by_folder.items())))


def one_line(text):
    return " ".join(text.split())[:160]


def read_sample():
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_sample(rows):
    with open(SAMPLE, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_classes():
    """{fully qualified test class: source text} for every class file with a test."""
    classes = {}
    for path in TESTS.rglob("*.cs"):
        if "bin" in path.parts or "obj" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "[Fact" not in text and "[Theory" not in text:
            continue
        namespace = re.search(r"^namespace ([\w.]+);", text, re.M).group(1)
        for name in re.findall(r"^public (?:sealed |static |abstract |partial )*class (\w+)", text, re.M):
            classes[f"{namespace}.{name}"] = text
    return classes


def declared_types(path):
    text = path.read_text(encoding="utf-8")
    return set(re.findall(
        r"^\s*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly)\s+)+"
        r"(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(\w+)", text, re.M))


def tests_for(file):
    """The feature folder's test classes, plus every test class that names a type in the file.

    Code that no test names and whose folder has no tests (pages, HTTP helpers) is reached only
    through its callers: then the test classes of each calling file's folder and those that name
    a type declared in a calling file."""
    classes = test_classes()
    chosen = naming(classes, declared_types(INFRA / file), file.split("/")[0])
    if not chosen:
        for caller in callers(file):
            folder = caller.relative_to(INFRA).parts[0] if caller.is_relative_to(INFRA) else None
            chosen |= naming(classes, declared_types(caller), folder)
    return sorted(chosen)


def naming(classes, types, folder):
    return {name for name, text in classes.items()
            if (folder and name.startswith(f"CoachFlow.Tests.{folder}."))
            or any(re.search(rf"\b{re.escape(t)}\b", text) for t in types)}


def callers(file):
    types = declared_types(INFRA / file)
    for path in sorted((ROOT / "src").rglob("*.cs")):
        if "bin" in path.parts or "obj" in path.parts or path == INFRA / file:
            continue
        text = path.read_text(encoding="utf-8")
        if any(re.search(rf"\b{re.escape(t)}\b", text) for t in types):
            yield path


def cmd_run(which):
    """One Stryker run for the given rows (all unfinished rows if none are given).

    Each row's mutant is switched on alone, as in any Stryker run, and tested against the union
    of the rows' test classes: at least its own folder's classes, sometimes more. Batching rows
    pays Stryker's build and compile once instead of once per mutant."""
    rows = read_sample()
    batch = [r for r in rows if (r["row"] in which if which else not r["status"])]
    spans = defaultdict(list)
    classes = set()
    listed = json.loads(LIST_REPORT.read_text())
    for row in batch:
        source = source_text(listed, row["file"])
        spans[row["file"]].append(
            f"{{{offset(source, int(row['line']), int(row['column']))}"
            f"..{offset(source, int(row['end_line']), int(row['end_column']))}}}")
        classes.update(tests_for(row["file"]))
    mutate = [f"**/Infrastructure/{file}{''.join(s)}" for file, s in spans.items()]
    began = time.monotonic()
    report = json.loads(stryker(
        mutate, "|".join(f"FullyQualifiedName~{c}" for c in sorted(classes)),
        WORK / ("rows-" + "-".join(r["row"] for r in batch))).read_text())
    seconds = round(time.monotonic() - began)
    for row in batch:
        row["status"] = status_of(report, row)
        row["tests"] = " ".join(sorted(c.removeprefix("CoachFlow.Tests.") for c in classes))
        row["seconds"] = f"{seconds} for rows {batch[0]['row']}-{batch[-1]['row']}"
        print(row["row"], row["file"], row["line"], row["mutator"], row["status"], flush=True)
    write_sample(rows)
    print(f"{len(batch)} mutants, {len(classes)} test classes, {seconds} s")


def status_of(report, row):
    for path, data in report["files"].items():
        if relative(path) != row["file"]:
            continue
        for m in data["mutants"]:
            location = m["location"]
            if (location["start"]["line"], location["start"]["column"],
                    location["end"]["line"], location["end"]["column"], m["mutatorName"]) == (
                    int(row["line"]), int(row["column"]), int(row["end_line"]),
                    int(row["end_column"]), row["mutator"]) \
                    and one_line(m.get("replacement") or "") == row["replacement"]:
                return m["status"]
    return "NotFound"


def wilson(successes, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return ((centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n))


def cmd_tally():
    rows = [r for r in read_sample() if r["status"]]
    counts = Counter(r["status"] for r in rows)
    killed = counts["Killed"] + counts["Timeout"]
    n = killed + counts["Survived"] + counts["NoCoverage"] + counts["NoTests"]
    low, high = wilson(killed, n)
    print(f"tested {len(rows)}: {dict(counts)}")
    if n:
        print(f"score {killed}/{n} = {100 * killed / n:.1f} %, "
              f"95 % Wilson interval {100 * low:.1f} % to {100 * high:.1f} %")
    survivors = [r for r in rows if r["status"] in ("Survived", "NoCoverage", "NoTests")]
    unread = [r["row"] for r in survivors if not r.get("verdict", "").startswith(VERDICTS)]
    if unread:
        print(f"survivors without a verdict: {' '.join(unread)}")
    verdicts = Counter(r.get("verdict", "").split(":")[0] for r in survivors)
    print("survivors by verdict:", dict(verdicts))
    suite = killed + verdicts["suite"]
    today = suite + verdicts["closed"]
    killable = n - verdicts["equivalent"] - verdicts["near-equivalent"]
    # The first line is the unbiased one: the gaps closed since were found through this very sample.
    for label, k, total in (("the whole suite at the drawn commit, of the killable", suite, killable),
                            ("with today's tests", today, n), ("with today's tests, of the killable", today, killable)):
        if total:
            low, high = wilson(k, total)
            print(f"{label}: {k}/{total} = {100 * k / total:.1f} %, "
                  f"95 % Wilson interval {100 * low:.1f} % to {100 * high:.1f} %")
    folders = defaultdict(Counter)
    for r in rows:
        folders[r["file"].split("/")[0]][r["status"]] += 1
    for folder, c in sorted(folders.items()):
        print(f"  {folder}: {dict(c)}")


def main():
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "list":
        cmd_list()
    elif command == "draw":
        cmd_draw()
    elif command == "run":
        cmd_run(set(args))
    elif command == "tally":
        cmd_tally()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
