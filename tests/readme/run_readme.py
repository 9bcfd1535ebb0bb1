#!/usr/bin/env python3
"""The README is a contract: run its shell examples against a real server, and compare its
option table with `logwardend --help`.

  run_readme.py examples --readme README.md --logwardend BIN --logwarden BIN
  run_readme.py options  --readme README.md --logwardend BIN

Examples are the fenced ```sh blocks. They run in order in one shell environment (what one block
exports, the next sees), as a reader would paste them, with `127.0.0.1:8443` and `127.0.0.1:8090`
replaced by the test server's API and remotecfg addresses and HOME pointing at a scratch
directory, so `~/.local/share/logwardend` is the server's data directory. A line `# → TEXT` in a
block says what the reader sees: the block's output must hold each such line, in that order. A
block whose fence is preceded by `<!-- readme-test: skip: REASON -->` is not run and is reported
as skipped with its reason. A block fails when a command in it fails (bash -e -o pipefail).
"""
import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

SKIP = re.compile(r"<!--\s*readme-test:\s*skip:\s*(.+?)\s*-->")
EXPECT = re.compile(r"^\s*# → ?(.*)$")


def sh_blocks(readme):
    """[(line number, text, skip reason or None)] of every ```sh block."""
    lines = open(readme, encoding="utf-8").read().split("\n")
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].strip() == "```sh":
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            prev = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].strip()), "")
            m = SKIP.search(prev)
            blocks.append((start, "\n".join(lines[start:j]), m.group(1) if m else None))
            i = j
        i += 1
    return blocks


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(proc, api_port, log_path, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit("logwardend exited at start:\n" + open(log_path, errors="replace").read())
        try:
            with socket.create_connection(("127.0.0.1", api_port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("logwardend did not listen within %d s" % seconds)


def run_examples(args):
    blocks = sh_blocks(args.readme)
    if len(blocks) < 8:
        sys.exit("found only %d ```sh blocks in %s: has the README's fence syntax changed?" % (len(blocks), args.readme))
    work = tempfile.mkdtemp(prefix="lw-readme-")
    try:
        return run_in(args, blocks, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_in(args, blocks, work):
    home = os.path.join(work, "home")
    os.makedirs(home)
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir)
    for name in ("logwardend", "logwarden"):
        os.symlink(os.path.abspath(getattr(args, name)), os.path.join(bindir, name))
    api, remotecfg = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOGWARDEND_", "XDG_", "LW_"))}
    # The README's paths are a user's (~/.local/share/logwardend); as root the default would be
    # /var/lib/logwardend, so the data directory is named for the server and for every block.
    env.update(HOME=home, PATH=bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin"), QT_QPA_PLATFORM="offscreen",
               LOGWARDEND_DATA_DIR=os.path.join(home, ".local", "share", "logwardend"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never the user's keychain
    log_path = os.path.join(work, "server.log")
    server = subprocess.Popen(
        [args.logwardend, "--listen", "127.0.0.1:%d" % api, "--remotecfg-listen", "127.0.0.1:%d" % remotecfg,
         "--alloy-url", "off", "--access-log", os.path.join(work, "access.log")],
        env=env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT, cwd=work)
    failures, ran, skipped = [], 0, 0
    try:
        wait_ready(server, api, log_path)
        envfile = os.path.join(work, "env.sh")
        open(envfile, "w").close()
        for line, text, skip in blocks:
            if skip:
                skipped += 1
                print("SKIP README.md:%d: %s" % (line, skip))
                continue
            script = text.replace("127.0.0.1:8443", "127.0.0.1:%d" % api).replace("127.0.0.1:8090", "127.0.0.1:%d" % remotecfg)
            wrapped = "set -eo pipefail\nsource %s\n%s\nexport -p > %s\n" % (envfile, script, envfile)
            r = subprocess.run(["bash", "-c", wrapped], env=env, cwd=work, capture_output=True, text=True, timeout=60)
            ran += 1
            out = [l.rstrip() for l in r.stdout.split("\n")]
            expected = [m.group(1).rstrip() for m in map(EXPECT.match, text.split("\n")) if m]
            missing, pos = None, 0
            for want in expected:
                try:
                    pos = out.index(want, pos) + 1
                except ValueError:
                    missing = want
                    break
            if r.returncode != 0 or missing is not None:
                why = "exit code %d" % r.returncode if r.returncode else "the README shows %r" % missing
                failures.append("README.md:%d: %s\n--- block ---\n%s\n--- stdout ---\n%s--- stderr ---\n%s"
                                % (line, why, script, r.stdout, r.stderr))
                print("FAIL README.md:%d: %s" % (line, why))
            else:
                print("ok   README.md:%d (%d expected line%s)" % (line, len(expected), "" if len(expected) == 1 else "s"))
    finally:
        server.terminate()
        try:
            code = server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            code = "killed"
    for f in failures:
        print("\n" + f)
    print("\n%d run, %d failed, %d skipped; server exit %s" % (ran, len(failures), skipped, code))
    if code != 0:
        print(open(log_path, errors="replace").read())
    return 1 if failures or code != 0 else 0


def readme_options(readme):
    """{flag: line} from the first column of the README's option table(s) headed | option |."""
    flags, in_table = {}, False
    for n, line in enumerate(open(readme, encoding="utf-8"), 1):
        if line.startswith("| option |"):
            in_table = True
            continue
        if in_table and not line.startswith("|"):
            in_table = False
        if in_table and not line.startswith("|---"):
            first = line.split("|")[1]
            for flag in re.findall(r"`(--[a-z0-9-]+)`", first):
                flags.setdefault(flag, n)
    return flags


def help_options(binary):
    r = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=30,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if r.returncode != 0:
        sys.exit("%s --help exited %d: %s" % (binary, r.returncode, r.stderr))
    flags = set(re.findall(r"^\s+(?:-\w, )?(--[a-z0-9-]+)", r.stdout, re.M))
    return flags, r.stdout


def run_options(args):
    documented = readme_options(args.readme)
    offered, text = help_options(args.logwardend)
    # --help, --help-all and --version are the command line's own, in the synopsis, not the table.
    offered -= {"--help", "--help-all", "--version"}
    if len(documented) < 20 or len(offered) < 20:
        sys.exit("found %d options in the README and %d in --help: has a format changed?" % (len(documented), len(offered)))
    problems = ["%s is in `logwardend --help` but has no row in README.md's option table" % f
                for f in sorted(offered - set(documented))]
    problems += ["README.md:%d documents %s, which `logwardend --help` does not offer" % (documented[f], f)
                 for f in sorted(set(documented) - offered)]
    # Every subcommand of the synopsis is in --help's list.
    synopsis, fenced = set(), False
    for line in open(args.readme, encoding="utf-8"):
        if line.startswith("```"):
            fenced = not fenced
        m = re.match(r"logwardend ([a-z][a-z-]+)", line) if fenced else None
        if m:
            synopsis.add(m.group(1))
    if len(synopsis) < 4:
        sys.exit("found %d subcommands in the README's synopsis: has its format changed?" % len(synopsis))
    problems += ["README.md's synopsis names `logwardend %s`, which --help does not list" % c
                 for c in sorted(synopsis) if not re.search(r"^\s+%s\s" % re.escape(c), text, re.M)]
    for p in problems:
        print(p)
    print("%d options in both; %d differences" % (len(offered & set(documented)), len(problems)))
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["examples", "options"])
    ap.add_argument("--readme", required=True)
    ap.add_argument("--logwardend", required=True)
    ap.add_argument("--logwarden")
    args = ap.parse_args()
    if args.mode == "examples" and not args.logwarden:
        ap.error("examples need --logwarden")
    return run_examples(args) if args.mode == "examples" else run_options(args)


if __name__ == "__main__":
    sys.exit(main())
