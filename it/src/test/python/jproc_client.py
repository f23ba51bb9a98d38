"""Python helpers that drive the installed JProc kernel with Debian's jupyter_client.

Shared by the end-to-end tests (kernel, magics, notebooks) and the kernel benchmark. Run with /usr/bin/python3.

    with installed_kernelspec(jar) as env:          # temporary JUPYTER_DATA_DIR / JUPYTER_PATH
        with running_kernel(env) as (km, kc):        # KernelManager + BlockingKernelClient, shut down at the end
            run = execute(kc, 'System.out.println(1 + 1)')
            assert run.stdout == '2\\n'
"""

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from queue import Empty

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
INSTALLER = os.path.join(REPO, "install", "install-kernelspec.sh")
DEFAULT_JAR = os.path.join(REPO, "install", "target", "jproc-kernel.jar")
KERNEL_NAME = "jproc"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class KernelTestError(AssertionError):
    pass


def check(condition, message, *context):
    """Fails with a message and the context (cell runs, texts) that explain the failure."""
    if not condition:
        details = "\n".join(str(c) for c in context)
        raise KernelTestError(message + ("\n" + details if details else ""))


@contextlib.contextmanager
def installed_kernelspec(jar=None, extra_env=None):
    """Installs the kernelspec into a fresh temporary Jupyter data dir; yields the environment to start kernels with."""
    jar = jar or os.environ.get("JPROC_KERNEL_JAR") or DEFAULT_JAR
    data = tempfile.mkdtemp(prefix="jproc-jupyter-")
    env = dict(os.environ)
    env.update({"JUPYTER_DATA_DIR": data, "JUPYTER_PATH": data,
                "JUPYTER_RUNTIME_DIR": os.path.join(data, "runtime"),
                "JUPYTER_CONFIG_DIR": os.path.join(data, "config")})
    env.update(extra_env or {})
    try:
        out = subprocess.run(["bash", INSTALLER, "--jar", jar], env=env, capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise KernelTestError("kernelspec install failed:\n" + out.stdout + out.stderr)
        yield env
    finally:
        shutil.rmtree(data, ignore_errors=True)


@contextlib.contextmanager
def patched_environ(env):
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def kernel_manager(env, name=KERNEL_NAME):
    with patched_environ(env):
        ksm = KernelSpecManager()
        km = KernelManager(kernel_name=name, kernel_spec_manager=ksm)
    return km


@contextlib.contextmanager
def running_kernel(env, name=KERNEL_NAME, startup_timeout=60, log=None):
    """Starts a kernel from the installed kernelspec; yields (manager, client); always shuts it down.

    log: an open file that receives the kernel's stderr (its log), or None to inherit it.
    """
    km = kernel_manager(env, name)
    with patched_environ(env):
        if log is not None:
            km.start_kernel(env=env, stderr=log)
        else:
            km.start_kernel(env=env)
    kc = blocking_client(km)
    try:
        kc.wait_for_ready(timeout=startup_timeout)
        wait_for_iopub(kc)
        yield km, kc
    finally:
        kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception:
            km.shutdown_kernel(now=True)


def blocking_client(km):
    """A started BlockingKernelClient of km (its liveness checks ask km about the process, not the heartbeat)."""
    kc = km.client()
    check(isinstance(kc, BlockingKernelClient), "expected a blocking client", type(kc))
    kc.start_channels()
    return kc


def wait_for_iopub(kc, timeout=30):
    """Waits until the iopub subscription receives messages (a SUB socket misses what is sent before it joins):
    sends kernel_info requests until one of their status messages arrives on iopub."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kc.kernel_info()
        try:
            kc.get_iopub_msg(timeout=0.2)
            break
        except Empty:
            continue
    else:
        raise KernelTestError("no iopub message within %ss" % timeout)
    drain = time.monotonic() + 0.1
    while time.monotonic() < drain:
        for get in (kc.get_iopub_msg, kc.get_shell_msg):
            try:
                get(timeout=0.01)
            except Empty:
                pass


def kernel_pid(km):
    """The pid of the kernel process (the JVM; the shell launcher execs it)."""
    return km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid


@dataclass
class CellRun:
    """What one execute_request produced."""
    code: str
    reply: dict = None
    messages: list = field(default_factory=list)
    elapsed: float = 0.0

    def _of(self, kind):
        return [m for m in self.messages if m["msg_type"] == kind]

    @property
    def status(self):
        return self.reply["content"]["status"] if self.reply else None

    @property
    def stdout(self):
        return "".join(m["content"]["text"] for m in self._of("stream") if m["content"]["name"] == "stdout")

    @property
    def stderr(self):
        return "".join(m["content"]["text"] for m in self._of("stream") if m["content"]["name"] == "stderr")

    @property
    def result(self):
        """The execute_result data dict, or None."""
        r = self._of("execute_result")
        return r[-1]["content"]["data"] if r else None

    @property
    def error(self):
        """The error content (ename, evalue, traceback with ANSI codes removed), or None."""
        e = self._of("error")
        if not e:
            return None
        c = dict(e[-1]["content"])
        c["traceback"] = [ANSI.sub("", line) for line in c["traceback"]]
        return c

    @property
    def displays(self):
        return self._of("display_data")

    @property
    def updates(self):
        return self._of("update_display_data")

    def __str__(self):
        lines = ["--- cell: " + self.code.replace("\n", "\n    "), "reply: %s" % (self.reply or {}).get("content")]
        for m in self.messages:
            lines.append("  iopub %s %s" % (m["msg_type"], str(m["content"])[:400]))
        return "\n".join(lines)


def execute(kc, code, timeout=30, allow_stdin=False, stdin_answers=None, store_history=True, on_message=None):
    """Runs a cell; collects every iopub message of it until idle. Answers input requests from stdin_answers."""
    answers = list(stdin_answers or [])
    t0 = time.perf_counter()
    msg_id = kc.execute(code, allow_stdin=allow_stdin or bool(answers), store_history=store_history)
    run = CellRun(code)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise KernelTestError("cell did not become idle within %ss" % timeout, run)
        if answers:
            try:
                req = kc.get_stdin_msg(timeout=0.02)
                if req["msg_type"] == "input_request":
                    kc.input(answers.pop(0))
            except Empty:
                pass
            wait = 0.02
        else:
            wait = left
        try:
            msg = kc.get_iopub_msg(timeout=wait)
        except Empty:
            continue
        if on_message:
            on_message(msg)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                break
        elif msg["msg_type"] != "execute_input":
            run.messages.append(msg)
    run.elapsed = time.perf_counter() - t0
    while run.reply is None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise KernelTestError("no execute_reply within %ss" % timeout, run)
        rep = kc.get_shell_msg(timeout=left)
        if rep["parent_header"].get("msg_id") == msg_id:
            run.reply = rep
    return run


def drain_iopub(kc, seconds):
    """Every iopub message that arrives within `seconds`."""
    got = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            got.append(kc.get_iopub_msg(timeout=max(0.001, deadline - time.monotonic())))
        except Empty:
            pass
    return got


def java_processes_of(pid):
    """Live processes whose parent chain includes pid, plus pid itself if alive (Linux /proc)."""
    alive = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        p = int(entry)
        q = p
        for _ in range(20):
            if q == pid:
                alive.append(p)
                break
            try:
                with open("/proc/%d/stat" % q) as f:
                    q = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                break
            if q <= 1:
                break
    return alive


def pid_alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except OSError:
        return False
