#!/usr/bin/env python3
"""Speed and size figures for nianbao. Prints figures; asserts nothing.

usage: bench.py CLI [--files N] [--skip-page]
  1. native checks per second on a typical report (one process, the report given N times)
  2. time to check a folder of N generated reports against `wc -m` over the same files
     (files are checked in parallel, one per core; the --jobs 1 figure is one core's),
     and the peak memory checking it against a tenth of it (flat)
  3. peak memory (max RSS) checking a 10 MB report, against the input size
  4. linear time: check time for 1x, 4x and 16x a report repeated
The page figures (gzipped bytes, load time, check time in Chromium) come from
tests/browser/bench-page.mjs when it exists and Chromium is installed.
"""
import os, random, re, resource, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FIXTURES = os.path.join(REPO, "tests", "fixtures")


def typical_reports():
    out = []
    for sub in ("seeds", "real"):
        d = os.path.join(FIXTURES, sub)
        if os.path.isdir(d):
            for name in sorted(os.listdir(d)):
                if name.endswith(".txt"):
                    out.append(open(os.path.join(d, name), encoding="utf-8").read())
    if not out:
        sys.exit("no fixtures in tests/fixtures/{seeds,real}")
    return out


def vary(text, rng):
    """A new report from a real one: every count below 1000 standing as a cell
    (between tabs or spaces) multiplied by one factor, so the sums still hold,
    as they do in most real reports; years (2024) are left alone."""
    k = rng.randint(1, 40)
    return re.sub(r"(?<=\t| )\d{1,3}(?=\t| |\n)", lambda m: str(int(m.group()) * k), text)


def timed(cmd, **kw):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t, p.returncode


def peak_rss_kb(cmd):
    """Max RSS of one child process, in KiB (from wait4)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss


def main():
    cli = sys.argv[1]
    n_files = 2000
    if "--files" in sys.argv:
        n_files = int(sys.argv[sys.argv.index("--files") + 1])
    rng = random.Random(2024)
    reports = typical_reports()
    work = tempfile.mkdtemp(prefix="nianbao-bench-")
    try:
        typical = os.path.join(work, "typical.txt")
        open(typical, "w", encoding="utf-8").write(reports[-1])
        size = os.path.getsize(typical)
        reps = 500
        dt, _ = timed([cli, "check", "--format", "json"] + [typical] * reps)
        print(f"checks per second (native, {size} B report, {reps} in one process, json): {reps / dt:,.0f}")
        dt_text, _ = timed([cli, "check"] + [typical] * reps)
        print(f"checks per second (native, text output): {reps / dt_text:,.0f}")

        folder = os.path.join(work, "reports")
        os.mkdir(folder)
        for i in range(n_files):
            open(os.path.join(folder, f"{i:05d}.txt"), "w", encoding="utf-8").write(vary(reports[i % len(reports)], rng))
        files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
        total = sum(os.path.getsize(f) for f in files)
        # `wc -m` counts characters only under a UTF-8 locale; under C or POSIX (the
        # default of a bare container) it counts bytes and takes a tenth of the time.
        wc_env = dict(os.environ, LC_ALL="C.UTF-8")
        chars = sum(len(open(f, encoding="utf-8").read()) for f in files)
        wc_out = subprocess.run(["wc", "-m"] + files, env=wc_env, capture_output=True, text=True).stdout
        wc_chars = int(wc_out.splitlines()[-1].split()[0])
        wc = min(timed(["wc", "-m"] + files, env=wc_env)[0] for _ in range(3))
        nb = min(timed([cli, "check", "--format", "json"] + files)[0] for _ in range(3))
        nb1 = min(timed([cli, "check", "--format", "json", "--jobs", "1"] + files)[0] for _ in range(3))
        counted = "" if wc_chars == chars else f" (wc counted {wc_chars:,} units, not {chars:,} characters: no UTF-8 locale?)"
        print(f"folder of {n_files} reports ({total / 1e6:.1f} MB, {chars / 1e6:.1f} M characters): nianbao check {nb:.3f} s, "
              f"wc -m {wc:.3f} s (LC_ALL=C.UTF-8){counted}, ratio {nb / wc:.2f}x (target <= 3x); "
              f"one file at a time (--jobs 1, {os.cpu_count()} cores here): {nb1:.3f} s, {nb1 / wc:.2f}x")

        # A folder's memory is that of the few reports in flight, not of all it
        # has printed: the same peak for a tenth of the folder as for all of it.
        rss_tenth = peak_rss_kb([cli, "check", "--format", "json"] + files[: n_files // 10]) / 1024
        rss_all = peak_rss_kb([cli, "check", "--format", "json"] + files) / 1024
        print(f"peak memory checking the folder: {rss_all:.1f} MB for {n_files} reports, {rss_tenth:.1f} MB for "
              f"{n_files // 10} (flat: the folder's size does not count)")

        big = os.path.join(work, "big.txt")
        with open(big, "w", encoding="utf-8") as f:
            written = 0
            i = 0
            while written < 10_000_000:
                chunk = vary(reports[i % len(reports)], rng)
                f.write(chunk)
                written += len(chunk.encode("utf-8"))
                i += 1
        big_size = os.path.getsize(big)
        rss = peak_rss_kb([cli, "check", "--format", "json", big]) * 1024
        print(f"peak memory on a {big_size / 1e6:.1f} MB input: {rss / 1e6:.1f} MB, {rss / big_size:.1f}x the input "
              f"(target <= 10x)")

        base = reports[-1]
        times = []
        for k in (16, 64, 256):
            p = os.path.join(work, f"rep{k}.txt")
            open(p, "w", encoding="utf-8").write(base * k)
            times.append((k, min(timed([cli, "check", "--format", "json", p])[0] for _ in range(3))))
        print("linear time (report repeated k times): " +
              ", ".join(f"k={k}: {t * 1000:.0f} ms" for k, t in times) +
              f"; 256/16 ratio {times[-1][1] / times[0][1]:.1f} (linear: 16)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
