"""Malformed, truncated, oversized and wrongly signed messages on every channel of the kernel (shell, control,
stdin, heartbeat, and subscription frames on iopub). After each one the kernel must answer the next valid request
(kernel_info on shell and control, an echo on the heartbeat) within 10 s. Figures: protocol_fuzz_messages,
protocol_fuzz_crashes (no valid answer or the kernel died; the kernel is restarted to go on).
"""

import hashlib
import hmac
import json
import os
import time
import uuid

import zmq

from rel_common import figure, finding, jproc_client, progress

DELIM = b"<IDS|MSG>"
ANSWER_S = 10


class Wire:
    """Raw zmq sockets to a kernel, and a correctly signing message builder."""

    def __init__(self, info):
        self.info = info
        key = info["key"]
        self.key = key.encode() if isinstance(key, str) else key
        self.ctx = zmq.Context()
        self.sockets = {}
        for name, kind in (("shell", zmq.DEALER), ("control", zmq.DEALER), ("stdin", zmq.DEALER), ("hb", zmq.REQ)):
            self.sockets[name] = self.connect(name, kind)
        self.session = uuid.uuid4().hex

    def connect(self, name, kind):
        s = self.ctx.socket(kind)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.IDENTITY, ("fuzz-%s-%s" % (name, uuid.uuid4().hex[:8])).encode())
        s.connect("%s://%s:%d" % (self.info["transport"], self.info["ip"], self.info[name + "_port"]))
        return s

    def reset_hb(self):
        self.sockets["hb"].close()
        self.sockets["hb"] = self.connect("hb", zmq.REQ)

    def sign(self, parts):
        h = hmac.new(self.key, digestmod=hashlib.sha256)
        for p in parts:
            h.update(p)
        return h.hexdigest().encode()

    def header(self, msg_type, **extra):
        h = {"msg_id": uuid.uuid4().hex, "session": self.session, "username": "fuzz", "date":
             time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime()), "msg_type": msg_type, "version": "5.3"}
        h.update(extra)
        return h

    def frames(self, msg_type, content, header=None):
        parts = [json.dumps(header or self.header(msg_type)).encode(), b"{}", b"{}", json.dumps(content).encode()]
        return [DELIM, self.sign(parts)] + parts

    def signed(self, parts):
        return [DELIM, self.sign(parts)] + parts

    def send(self, channel, frames):
        self.sockets[channel].send_multipart(frames, copy=False)

    def drain(self):
        for name in ("shell", "control", "stdin"):
            s = self.sockets[name]
            while s.poll(0):
                s.recv_multipart()

    def answers(self, channel):
        """Sends a valid kernel_info_request on channel; True if its reply arrives within ANSWER_S."""
        fr = self.frames("kernel_info_request", {})
        msg_id = json.loads(fr[2])["msg_id"]
        s = self.sockets[channel]
        s.send_multipart(fr)
        deadline = time.monotonic() + ANSWER_S
        while time.monotonic() < deadline:
            if s.poll(100):
                reply = s.recv_multipart()
                try:
                    i = reply.index(DELIM)
                    parent = json.loads(reply[i + 3])
                    if parent.get("msg_id") == msg_id:
                        return True
                except (ValueError, IndexError, json.JSONDecodeError):
                    continue
        return False

    def hb_answers(self):
        s = self.sockets["hb"]
        try:
            s.send(b"ping")
            if s.poll(ANSWER_S * 1000):
                return s.recv() == b"ping"
        except zmq.ZMQError:
            pass
        self.reset_hb()
        return False

    def close(self):
        for s in self.sockets.values():
            s.close()
        self.ctx.term()


def nested_json(depth):
    return ("[" * depth + "]" * depth).encode()


def cases(w, big):
    """(name, channels, frames builder) for every malformed message."""
    bad_sig = lambda parts: [DELIM, b"0" * 64] + parts  # noqa: E731
    hdr = lambda t="kernel_info_request", **k: json.dumps(w.header(t, **k)).encode()  # noqa: E731
    e = b"{}"
    return [
        ("empty_message", lambda: [b""]),
        ("no_delimiter", lambda: [hdr(), e, e, e]),
        ("delimiter_only", lambda: [DELIM]),
        ("delimiter_and_signature_only", lambda: [DELIM, b"abcd"]),
        ("truncated_after_header", lambda: w.signed([hdr()])[:3]),
        ("wrong_signature", lambda: bad_sig([hdr(), e, e, e])),
        ("empty_signature", lambda: [DELIM, b"", hdr(), e, e, e]),
        ("short_signature", lambda: [DELIM, w.sign([hdr(), e, e, e])[:10], hdr(), e, e, e]),
        ("signature_of_other_message", lambda: [DELIM, w.sign([hdr(), e, e, b'{"x":1}']), hdr(), e, e, e]),
        ("header_not_json", lambda: w.signed([b"{not json", e, e, e])),
        ("header_json_array", lambda: w.signed([b"[1, 2, 3]", e, e, e])),
        ("header_json_null", lambda: w.signed([b"null", e, e, e])),
        ("header_without_msg_type", lambda: w.signed([json.dumps({"msg_id": "x", "session": "s"}).encode(), e, e, e])),
        ("header_fields_wrong_types", lambda: w.signed([json.dumps({"msg_id": 5, "session": [], "msg_type": 7,
                                                                     "username": None, "version": 1}).encode(),
                                                         e, e, e])),
        ("unknown_msg_type", lambda: w.signed([hdr("bogus_request"), e, e, e])),
        ("reply_type_on_request_channel", lambda: w.signed([hdr("execute_reply"), e, e, e])),
        ("content_not_object", lambda: w.signed([hdr(), e, e, b"123"])),
        ("content_invalid_utf8", lambda: w.signed([hdr(), e, e, b'{"code": "\xff\xfe"}'])),
        ("header_invalid_utf8", lambda: w.signed([b'{"msg_type": "\xff\xfe"}', e, e, e])),
        ("parent_header_not_json", lambda: w.signed([hdr(), b"{{{", e, e])),
        ("metadata_not_json", lambda: w.signed([hdr(), e, b"]]", e])),
        ("execute_request_empty_content", lambda: w.signed([hdr("execute_request"), e, e, e])),
        ("execute_request_code_not_string", lambda: w.signed([hdr("execute_request"), e, e,
                                                              json.dumps({"code": 42, "silent": "no"}).encode()])),
        ("complete_request_bad_cursor", lambda: w.signed([hdr("complete_request"), e, e,
                                                          json.dumps({"code": "Sys", "cursor_pos": -7}).encode()])),
        ("inspect_request_cursor_past_end", lambda: w.signed([hdr("inspect_request"), e, e,
                                                              json.dumps({"code": "x", "cursor_pos": 10 ** 9,
                                                                          "detail_level": 5}).encode()])),
        ("is_complete_request_code_null", lambda: w.signed([hdr("is_complete_request"), e, e,
                                                            json.dumps({"code": None}).encode()])),
        ("history_request_garbage", lambda: w.signed([hdr("history_request"), e, e,
                                                      json.dumps({"hist_access_type": "range", "n": -1}).encode()])),
        ("comm_open_unknown_target", lambda: w.signed([hdr("comm_open"), e, e,
                                                       json.dumps({"comm_id": "c", "target_name": "nope",
                                                                   "data": {}}).encode()])),
        ("input_reply_unsolicited", lambda: w.signed([hdr("input_reply"), e, e, json.dumps({"value": "x"}).encode()])),
        ("shutdown_request_wrong_signature", lambda: bad_sig([hdr("shutdown_request"), e, e,
                                                              json.dumps({"restart": False}).encode()])),
        ("interrupt_request_wrong_signature", lambda: bad_sig([hdr("interrupt_request"), e, e, e])),
        ("execute_request_wrong_signature", lambda: bad_sig([hdr("execute_request"), e, e,
                                                             json.dumps({"code": "System.exit(3)"}).encode()])),
        ("deeply_nested_content", lambda: w.signed([hdr(), e, e, nested_json(200_000)])),
        ("many_frames", lambda: w.signed([hdr(), e, e, e]) + [b"x"] * 5000),
        ("oversized_unsigned_frame", lambda: [DELIM, b"0" * 64, b"{" * big, e, e, e]),
        ("oversized_signed_content", lambda: w.signed([hdr(), e, e, json.dumps({"pad": "x" * big}).encode()])),
        ("oversized_signature", lambda: [DELIM, b"a" * big, hdr(), e, e, e]),
    ]


def run(env, log, figures, long_form):
    big = (64 if long_form else 16) * 1024 * 1024
    messages = 0
    crashes = 0
    km, kc = start(env, log)
    w = Wire(km.get_connection_info())
    try:
        for name, build in cases(w, big):
            for channel in ("shell", "control", "stdin"):
                messages += 1
                try:
                    w.send(channel, build())
                except zmq.ZMQError as e:
                    finding("fuzz", "could not send %s on %s: %s" % (name, channel, e))
                    continue
                ok_shell = w.answers("shell")
                ok_control = w.answers("control")
                w.drain()
                if not (ok_shell and ok_control and km.is_alive()):
                    crashes += 1
                    finding("fuzz %s on %s" % (name, channel), "the kernel %s afterwards (shell answered: %s, control "
                            "answered: %s)" % ("died" if not km.is_alive() else "stopped answering", ok_shell,
                                               ok_control))
                    w.close()
                    stop(km, kc)
                    km, kc = start(env, log)
                    w = Wire(km.get_connection_info())
            progress("fuzz %s: sent on shell, control, stdin" % name)
        for size in (0, 1, 1000, big):
            messages += 1
            try:
                w.sockets["hb"].send(os.urandom(size) if size else b"")
                w.sockets["hb"].poll(ANSWER_S * 1000) and w.sockets["hb"].recv()
            except zmq.ZMQError:
                w.reset_hb()
            if not (w.hb_answers() and w.answers("shell")):
                crashes += 1
                finding("fuzz heartbeat", "after %d random bytes on the heartbeat the kernel stopped answering" % size)
        sub = w.ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.connect("%s://%s:%d" % (w.info["transport"], w.info["ip"], w.info["iopub_port"]))
        for topic in (b"\xff" * 100, os.urandom(4096), b""):
            messages += 1
            sub.setsockopt(zmq.SUBSCRIBE, topic)
            sub.setsockopt(zmq.UNSUBSCRIBE, topic)
        sub.close()
        if not w.answers("shell"):
            crashes += 1
            finding("fuzz iopub", "after subscription frames on iopub the kernel stopped answering")
        stdin_run = jproc_client.execute(kc, "new java.util.Scanner(System.in).nextLine()", timeout=30,
                                         stdin_answers=["the real answer"])
        got = (stdin_run.result or {}).get("text/plain", "")
        if "the real answer" not in got:
            crashes += 1
            finding("fuzz stdin", "after the fuzzing, a prompt did not get the answer the client gave to it (got %s): "
                    "a stale message queued on stdin answered it" % (got or stdin_run))
        run_ok = jproc_client.execute(kc, "1 + 1", timeout=30)
        if (run_ok.result or {}).get("text/plain") != "2":
            crashes += 1
            finding("fuzz", "after the fuzzing the kernel no longer runs 1 + 1: %s" % run_ok)
    finally:
        w.close()
        stop(km, kc)
    figures["protocol_fuzz_messages"] = figures.get("protocol_fuzz_messages", 0) + messages
    figures["protocol_fuzz_crashes"] = figures.get("protocol_fuzz_crashes", 0) + crashes


def start(env, log):
    km = jproc_client.kernel_manager(env)
    with jproc_client.patched_environ(env):
        km.start_kernel(env=env, stderr=log)
    kc = jproc_client.blocking_client(km)
    kc.wait_for_ready(timeout=60)
    jproc_client.wait_for_iopub(kc)
    return km, kc


def stop(km, kc):
    try:
        kc.stop_channels()
    except Exception:  # noqa: BLE001
        pass
    try:
        km.shutdown_kernel(now=not km.is_alive())
    except Exception:  # noqa: BLE001
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001
            pass
    try:
        km.cleanup_resources()
    except Exception:  # noqa: BLE001
        pass
