#!/usr/bin/env python3
"""Hostile inputs (issue E): time and peak memory of `nianbao check --format json`
on each kind of hostile input at three sizes (x1, x4, x16), to show time linear
in the input and memory bounded by it; and at x16 the peak RSS of `extract`,
the reader alone (issue G: at most 10x the input above the floor). Prints figures; asserts nothing.

usage: bench_hostile.py CLI [--scale N]   (N multiplies every size; default 1)
Kinds: a real report repeated, the same on one line, one long line, many short
lines, lines of "1" (alone, and under section 三's heading), binary bytes,
invalid UTF-8 inside a report, UTF-16 with BOM, 30-digit numbers in table
cells, a table of many rows, deep Markdown nesting, deep HTML nesting.
"""
import os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
REAL = os.path.join(REPO, "tests", "fixtures", "real", "008_hongze_district_2024.txt")


def run(cli, path, command="check"):
    """Wall time (best of 2) and max RSS (bytes) of one check (or extract: the reader alone)."""
    best = None
    rss = 0
    for _ in range(2):
        t = time.perf_counter()
        p = subprocess.Popen([cli, command, "--format", "json", path],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{path}: exit {code}")
        best = dt if best is None else min(best, dt)
        rss = max(rss, usage.ru_maxrss)
    return best, rss * 1024


def kinds(report):
    """name -> function(n) giving the bytes of that input at unit size n (about n x 64 KB)."""
    rb = report.encode("utf-8")
    lines = report.splitlines(True)
    i3 = report.index("四、")
    def repeated(n):
        return rb * (10 * n)
    def long_line(n):
        return ("政府信息公开工作年度报告正文" * (1600 * n)).encode()
    def short_lines(n):
        return ("第一行文字\n" * (4000 * n)).encode()
    def binary(n):
        return bytes(range(256)) * (256 * n)
    def bad_utf8(n):
        return b"".join(rb + b"\xff\xfe\xc0\xaf\xed\xa0\x80\n" for _ in range(10 * n))
    def utf16(n):
        return b"\xff\xfe" + (report * (10 * n)).encode("utf-16-le")
    def digits30(n):
        row = "规章\t123456789012345678901234567890\t999999999999999999999999999999\t0\n"
        return (report[:i3] + row * (900 * n) + report[i3:]).encode()
    def table_rows(n):
        row = "\t\t其他情形\t1\t2\t3\t4\t5\t6\t21\n"
        return (report[:i3] + row * (2000 * n) + report[i3:]).encode()
    def markdown(n):
        return ("> " * (8000 * n) + "一、总体情况\n" + "".join("  " * (k % 40) + "- 项目\n" for k in range(1000 * n))).encode()
    def html(n):
        k = 3000 * n
        return ("<html><body>" + "<div><span>" * k + "<table><tr><td>规章</td><td>0</td></tr></table>"
                + "</span></div>" * k + "</body></html>").encode()
    def ampersands(n):
        return b"<p>" + b"&" * (64000 * n)
    def digit_lines(n):
        return b"1\n" * (32000 * n)
    def report_one_line(n):
        return (report.replace("\n", "") * (10 * n)).encode()
    def digit_lines_in_table(n):
        return ("三、收到和处理政府信息公开申请情况\n" + "1\n" * (32000 * n)).encode()
    return [("report repeated", repeated), ("report, one line", report_one_line), ("one long line", long_line),
            ("short lines", short_lines), ("'1' lines", digit_lines), ("'1' lines in 三", digit_lines_in_table),
            ("binary", binary), ("invalid UTF-8", bad_utf8), ("UTF-16 with BOM", utf16),
            ("30-digit cells", digits30), ("table rows", table_rows), ("deep Markdown", markdown),
            ("deep HTML", html), ("HTML '&' no ';'", ampersands)]


SIZES = (1, 4, 16)


def path_of(work, index, k):
    return os.path.join(work, f"{index:02d}-x{k}.txt")


def generate(work, scale):
    report = open(REAL, encoding="utf-8").read()
    for index, (_, make) in enumerate(kinds(report)):
        for k in SIZES:
            open(path_of(work, index, k), "wb").write(make(k * scale))


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--generate":
        generate(sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = sys.argv[1]
    scale = int(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 10
    names = [name for name, _ in kinds("一、二、三、四、")]
    work = tempfile.mkdtemp(prefix="nianbao-hostile-")
    try:
        # The inputs are written by another process: a child's peak RSS
        # (wait4) starts from this process's size at fork, which stays small.
        subprocess.run([sys.executable, os.path.abspath(__file__), "--generate", work, str(scale)], check=True)
        empty = os.path.join(work, "empty.txt")
        open(empty, "w").close()
        _, floor = run(cli, empty)
        print(f"hostile inputs: time (best of 2) and peak RSS of check --format json at x1, x4, x16 "
              f"(RSS of an empty input: {floor / 1e6:.0f} MB, the floor); t16/t1 is 16 when linear")
        for index, name in enumerate(names):
            row = []
            for k in SIZES:
                path = path_of(work, index, k)
                dt, rss = run(cli, path)
                row.append((os.path.getsize(path), dt, rss))
            t1, t16 = row[0][1], row[-1][1]
            _, reader_rss = run(cli, path_of(work, index, SIZES[-1]), "extract")
            cells = ", ".join(f"{size / 1e6:5.2f} MB {dt * 1000:5.0f} ms {rss / 1e6:4.0f} MB" for size, dt, rss in row)
            print(f"  {name:16s} {cells}; t16/t1 {t16 / t1:4.1f}; "
                  f"(RSS - floor)/input at x16 {(row[-1][2] - floor) / row[-1][0]:.1f}x, "
                  f"reader alone (extract) {(reader_rss - floor) / row[-1][0]:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
