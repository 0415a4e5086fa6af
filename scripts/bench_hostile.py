#!/usr/bin/env python3
"""Hostile inputs (issues E, G, L): time and peak memory of checking each shape of
hostile input at three sizes (the limit / 16, / 4, the limit: 512 KiB, 2 MiB,
8 MiB), natively and in wasm, as (peak - the empty input's peak) / input, the
figure the memory budget (core/include/nianbao/limits.h) is set from.

usage: bench_hostile.py CLI [WASMDIR] [--sizes S,S,S] [--only NAME,...]

Native: the max RSS (wait4) of `nianbao check --format json FILE` (best time of
2 runs), less that of an empty file, over the input; and of `extract`, the
reader alone, at the largest size. Wasm (when WASMDIR, a build's wasm/ folder,
is given): the page's reading and check of the file in fresh modules under node
(scripts/hostile_shapes.mjs: readText or zipPlan + readZipPart in
nianbao-readers, check with the model in nianbao), each module's
HEAP8.buffer.byteLength after it less after an empty input's: a wasm memory
never shrinks, so that is the module's peak above the empty input's. "check"
is the nianbao module, "read" the readers'; each has its own memory cap. The
wasm figure is coarse: the modules start with 16 MiB, which absorbs the
smaller inputs (0.0x), and memory grows in steps of up to a fifth more than asked.

The input is its bytes, except a .docx: the bytes its word/document.xml
inflates to (what the limit counts for it; the file is ~10 times smaller).
The shapes are made by scripts/hostile_shapes.mjs, the same the node test
tests/node/memory_budget.test.mjs runs at the budget. Prints figures; asserts nothing.
"""
import json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = os.path.join(HERE, "hostile_shapes.mjs")
LIMIT = 8 << 20
SIZES = (LIMIT // 16, LIMIT // 4, LIMIT)


def run(cli, path, command="check", runs=2):
    """Wall time (best of `runs`) and max RSS (bytes) of one check (or extract: the reader alone)."""
    best = None
    rss = 0
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.Popen([cli, command, "--format", "json", path],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{path}: exit {code}")
        best = dt if best is None else min(best, dt)
        rss = max(rss, usage.ru_maxrss * 1024)
    return best, rss


def wasm(wasm_dir, path):
    out = subprocess.run(["node", SHAPES, "wasm1", wasm_dir, path], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def counted(path):
    """The bytes the limit counts: a .docx's inflated word/document.xml."""
    if not path.endswith(".docx"):
        return os.path.getsize(path)
    import zipfile
    return zipfile.ZipFile(path).getinfo("word/document.xml").file_size


def main():
    args = [a for a in sys.argv[1:]]
    sizes = SIZES
    only = None
    if "--sizes" in args:
        i = args.index("--sizes")
        sizes = tuple(int(s) for s in args[i + 1].split(","))
        del args[i:i + 2]
    if "--only" in args:
        i = args.index("--only")
        only = set(args[i + 1].split(","))
        del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    cli = args[0]
    wasm_dir = os.path.abspath(args[1]) if len(args) > 1 else None
    names = subprocess.run(["node", SHAPES, "names"], check=True, capture_output=True, text=True).stdout.splitlines()
    work = tempfile.mkdtemp(prefix="nianbao-hostile-")
    try:
        # The inputs are written by another process: a child's peak RSS
        # (wait4) starts from this process's size at fork, which stays small.
        subprocess.run(["node", SHAPES, "write", work, *map(str, sizes)], check=True)
        empty = os.path.join(work, "empty.txt")
        open(empty, "w").close()
        _, floor = run(cli, empty)
        print(f"hostile inputs at {', '.join(f'{s / 2**20:g} MiB' for s in sizes)}: (peak - empty input's peak) / input; "
              f"native: max RSS of check --format json (empty input: {floor / 1e6:.1f} MB), time best of 2, "
              f"and of extract (the reader) at the largest" +
              ("; wasm: heap growth of the nianbao module's check (with the model) and of nianbao-readers' reading" if wasm_dir else ""))
        worst = {}
        for index, line in enumerate(names):
            name, ext = line.split("\t")
            if only and name not in only:
                continue
            cells = []
            for size in sizes:
                path = os.path.join(work, f"{index:02d}-{size}.{ext}")
                n = counted(path)
                dt, rss = run(cli, path)
                r = (rss - floor) / n
                cell = f"{n / 2**20:4.2f} MiB {dt * 1000:5.0f} ms native {r:5.1f}x"
                note(worst, "native", r, name, size)
                if wasm_dir:
                    w = wasm(wasm_dir, path)
                    rc, rr = w["check"] / n, w["read"] / n
                    note(worst, "wasm check", rc, name, size)
                    note(worst, "wasm read", rr, name, size)
                    cell += f" wasm {rc:5.1f}x +read {rr:4.1f}x ({w['findings']} findings)"
                cells.append(cell)
            _, reader_rss = run(cli, os.path.join(work, f"{index:02d}-{sizes[-1]}.{ext}"), "extract", runs=1)
            print(f"  {name:16s} " + " | ".join(cells) +
                  f" | reader alone {(reader_rss - floor) / counted(os.path.join(work, f'{index:02d}-{sizes[-1]}.{ext}')):.1f}x")
        for key, (r, name, size) in worst.items():
            print(f"worst {key}: {r:.1f}x ({name}, {size / 2**20:g} MiB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def note(worst, key, ratio, name, size):
    if key not in worst or ratio > worst[key][0]:
        worst[key] = (ratio, name, size)


if __name__ == "__main__":
    main()
