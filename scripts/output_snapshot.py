#!/usr/bin/env python3
"""Records what the CLI prints on every input file, so that a change meant to
keep the output (a speed-up, a refactoring) can be shown to keep it byte for byte.

usage: output_snapshot.py CLI OUTDIR [--against OLDDIR] [DIR...]
  Runs `check` (json and text, zh and en), `extract`, and one `check` of all
  the files together, on every .txt/.html/.docx/.pdf/.ofd under the DIRs
  (default: tests/fixtures and /work/shared/{seeds,real,ofd}), plus a folder
  of reports generated as scripts/bench.py makes them. Writes one file per run
  into OUTDIR; with --against, lists every run whose output or exit status
  differs from OLDDIR's and exits 1 if any does.
"""
import hashlib, importlib.util, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
KINDS = (".txt", ".html", ".docx", ".pdf", ".ofd")
DEFAULT_DIRS = [os.path.join(REPO, "tests", "fixtures")] + [
    os.path.join("/work/shared", d) for d in ("seeds", "real", "ofd")]
GENERATED = 120  # reports generated as bench.py's folder is


def inputs(dirs):
    found = []
    for d in dirs:
        for root, _, names in os.walk(d):
            found += [os.path.join(root, n) for n in names if n.endswith(KINDS)]
    return sorted(found)


def generated_reports(out_dir):
    """bench.py's folder, smaller: the same varied copies of the fixtures."""
    spec = importlib.util.spec_from_file_location("bench", os.path.join(HERE, "bench.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    reports = bench.typical_reports()
    rng = random.Random(2024)
    folder = os.path.join(out_dir, "generated")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(GENERATED):
        p = os.path.join(folder, f"{i:05d}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(bench.vary(reports[i % len(reports)], rng))
        paths.append(p)
    return paths


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    return b"exit %d\n--- stdout\n" % p.returncode + p.stdout + b"--- stderr\n" + p.stderr


def main():
    args = sys.argv[1:]
    against = None
    if "--against" in args:
        i = args.index("--against")
        against = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    cli, out_dir, dirs = args[0], args[1], args[2:] or DEFAULT_DIRS
    os.makedirs(out_dir, exist_ok=True)
    files = inputs(dirs)
    runs = {}
    for path in files:
        key = hashlib.sha1(path.encode()).hexdigest()[:10] + "_" + os.path.basename(path)
        runs[key + ".json"] = [cli, "check", "--format", "json", path]
        runs[key + ".en.json"] = [cli, "check", "--format", "json", "--lang", "en", path]
        runs[key + ".text"] = [cli, "check", path]
        runs[key + ".en.text"] = [cli, "check", "--lang", "en", path]
        runs[key + ".extract"] = [cli, "extract", "--format", "json", path]
    runs["all.json"] = [cli, "check", "--format", "json"] + files
    runs["all.text"] = [cli, "check"] + files
    folder = generated_reports(out_dir)
    runs["generated.json"] = [cli, "check", "--format", "json"] + folder
    runs["generated.jobs1.json"] = [cli, "check", "--format", "json", "--jobs", "1"] + folder
    runs["generated.text"] = [cli, "check"] + folder
    differ = []
    for name, cmd in sorted(runs.items()):
        got = run(cmd).replace(out_dir.encode(), b"OUT")
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(got)
        if against:
            old = os.path.join(against, name)
            if not os.path.exists(old) or open(old, "rb").read() != got:
                differ.append(name)
    print(f"{len(runs)} runs over {len(files)} files and {len(folder)} generated reports -> {out_dir}")
    if against:
        for name in differ:
            print("DIFFERS:", name)
        print("all identical" if not differ else f"{len(differ)} differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
