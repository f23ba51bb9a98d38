"""What the kernel parts of the reliability suite share: the output protocol, process and file discovery.

Output protocol (read by jproc.bench.reliability.KernelParts): one line per figure, `FIGURE <name> <value>`, one
line per finding, `FINDING <area>: <text>`, and progress lines starting with `--`.
"""

import os
import re
import signal
import stat
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(REPO, "it", "src", "test", "python"))

import jproc_client  # noqa: E402  (the kernel team's jupyter_client helpers)

SHM_DIRS = ["/dev/shm", os.environ.get("TMPDIR", "/tmp")]


def figure(name, value):
    print("FIGURE %s %d" % (name, value), flush=True)


def finding(area, text):
    print("FINDING %s: %s" % (area, " ".join(str(text).split())), flush=True)


def progress(text):
    print("-- " + text, flush=True)


def session_of(kc):
    """The JProc session id of the kernel behind kc."""
    run = jproc_client.execute(kc, "jproc.ipc.session.Session.current().id()", timeout=30)
    text = (run.result or {}).get("text/plain", "")
    m = re.search(r"[A-Za-z0-9]+", text.strip('"'))
    if run.status != "ok" or not m:
        raise jproc_client.KernelTestError("cannot read the session id", run)
    return m.group(0)


def session_pids(session):
    """Live (non-zombie) processes whose environment carries JPROC_SESSION=session."""
    found = []
    needle = ("JPROC_SESSION=" + session).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/environ" % entry, "rb") as f:
                env = f.read().split(b"\0")
        except OSError:
            continue
        if needle in env and jproc_client.pid_alive(int(entry)):
            found.append(int(entry))
    return found


def descendants(pid):
    return [p for p in jproc_client.java_processes_of(pid) if p != pid and jproc_client.pid_alive(p)]


def session_files(session):
    prefix = "jproc-%s-" % session
    out = []
    for d in SHM_DIRS:
        try:
            out += [os.path.join(d, n) for n in os.listdir(d) if n.startswith(prefix)]
        except OSError:
            pass
    return out


def alive(pids):
    return [p for p in pids if jproc_client.pid_alive(p)]


def kill_quietly(pids):
    for p in pids:
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def remove_quietly(paths):
    for p in paths:
        try:
            os.remove(p)
        except OSError:
            pass


def mode_problem(path):
    """None if only the owner (this user) may read or write path; otherwise what is wrong."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if st.st_uid != os.getuid():
        return "owned by uid %d" % st.st_uid
    if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return "mode %s" % stat.filemode(st.st_mode)
    return None


def unix_socket_paths(pids):
    """Filesystem paths of the Unix-domain sockets the given processes have open."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir("/proc/%d/fd" % pid):
                try:
                    target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
                except OSError:
                    continue
                m = re.match(r"socket:\[(\d+)\]", target)
                if m:
                    inodes.add(m.group(1))
        except OSError:
            pass
    paths = set()
    try:
        with open("/proc/net/unix") as f:
            next(f)
            for line in f:
                parts = line.split()
                if len(parts) >= 8 and parts[6] in inodes and not parts[7].startswith("@"):
                    paths.add(parts[7])
    except OSError:
        pass
    return sorted(paths)


def tcp_listeners(pids):
    """(address, port) of TCP sockets in LISTEN state that the given processes hold."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir("/proc/%d/fd" % pid):
                try:
                    m = re.match(r"socket:\[(\d+)\]", os.readlink("/proc/%d/fd/%s" % (pid, fd)))
                except OSError:
                    continue
                if m:
                    inodes.add(m.group(1))
        except OSError:
            pass
    out = []
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    parts = line.split()
                    if parts[3] != "0A" or parts[9] not in inodes:
                        continue
                    addr, port = parts[1].split(":")
                    out.append((decode_addr(addr, v6), int(port, 16)))
        except OSError:
            pass
    return out


def decode_addr(hexaddr, v6):
    if not v6:
        b = bytes.fromhex(hexaddr)[::-1]
        return ".".join(str(x) for x in b)
    words = [bytes.fromhex(hexaddr[i:i + 8])[::-1] for i in range(0, 32, 8)]
    raw = b"".join(words)
    if raw == b"\0" * 15 + b"\1":
        return "::1"
    if raw[:12] == b"\0" * 10 + b"\xff\xff":
        return ".".join(str(x) for x in raw[12:])
    return raw.hex()


def is_loopback(addr):
    return addr.startswith("127.") or addr == "::1"


def wait_until(cond, seconds, step=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return cond()
