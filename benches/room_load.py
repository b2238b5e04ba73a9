#!/usr/bin/env python3
"""How long other phones wait while some stall the room's server (README,
Room mode and Performance). Runs the real binary in a pseudo-terminal, with
its room on 127.0.0.1 (nothing leaves the machine), and measures:

    cargo build && python3 benches/room_load.py --stalled 8
    python3 benches/room_load.py --stalled 50 --loris 20 --hold 20

1. `wethi new` in a temporary data folder, then `wethi open FILE --room`
   in a pseudo-terminal; the room's address is read off the screen.
2. One item is sent, accepted with `I` `Enter`, and voting turned on with
   `v`, so the page has an item to vote for.
3. `--stalled` connections each send the headers of an item with a
   Content-Length of 4,000 bytes and 2,000 bytes of it, then nothing;
   `--loris` connections send the start of a GET's headers and one more
   header byte a second. Each comes from an address of its own
   (127.0.1.N), as phones do. Both hold for `--hold` seconds, then hang
   up (unless the server hung up first).
4. While they hold, a phone on fresh connections opens the page, sends an
   item and votes, `--rounds` times; each answer's time is printed, with
   how many of the stalled connections the server still held open.

Stdlib only; every request goes to 127.0.0.1 and the run stops by itself.
"""
import argparse
import fcntl
import os
import pathlib
import pty
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
URL = re.compile(rb"(?i)http://127\.0\.0\.1:(\d+)(/r/[0-9a-z_-]+/)")


class Wethi:
    """The binary in a pseudo-terminal of 100x40, its output kept."""

    def __init__(self, binary, data, session):
        pid, fd = pty.fork()
        if pid == 0:
            os.environ["TERM"] = "xterm-256color"
            os.execv(binary, [binary, "--data-dir", data, "--lang", "en", "open",
                              session, "--room", "--bind", "127.0.0.1", "--port", "0"])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
        self.pid, self.fd, self.out = pid, fd, b""
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.5)
                if ready:
                    chunk = os.read(self.fd, 65536)
                    if not chunk:
                        return
                    with self.lock:
                        self.out += chunk
            except OSError:
                return

    def wait_for(self, pattern, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                found = pattern.search(self.out)
            if found:
                return found
            time.sleep(0.05)
        sys.exit(f"timed out waiting for {pattern.pattern!r}")

    def key(self, k):
        os.write(self.fd, k)
        time.sleep(0.4)

    def quit(self):
        try:
            self.key(b"\x1b")
            self.key(b"q")
            for _ in range(50):
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    return
                time.sleep(0.1)
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            pass


def request(port, raw, timeout=60):
    """Sends `raw` on a fresh connection; the status and body of the answer,
    and how long it took, in milliseconds."""
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"(?i)content-length:\s*(\d+)", head)
            if length and len(body) >= int(length.group(1)):
                break
    ms = (time.perf_counter() - start) * 1000
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, data.partition(b"\r\n\r\n")[2], ms


def get(port, path):
    return request(port, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())


def post(port, path, fields):
    body = urllib.parse.urlencode(fields).encode()
    head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            "Cookie: wethi_phone=00000000000000aa\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return request(port, head.encode() + body)


class Staller(threading.Thread):
    """One connection that stalls: a body cut short, or headers dribbled."""

    def __init__(self, port, path, kind, hold, n):
        super().__init__(daemon=True)
        self.port, self.path, self.kind, self.hold = port, path, kind, hold
        # Each from an address of its own, as phones are: 127.0.1.n is
        # loopback too.
        self.source = (f"127.0.{1 + n // 250}.{1 + n % 250}", 0)
        self.closed_by_server = None
        self.open = False
        self.connected = threading.Event()

    def run(self):
        s = socket.create_connection(("127.0.0.1", self.port), source_address=self.source)
        try:
            if self.kind == "body":
                s.sendall(f"POST {self.path}add HTTP/1.1\r\nHost: x\r\n"
                          "Content-Type: application/x-www-form-urlencoded\r\n"
                          "Content-Length: 4000\r\n\r\n".encode()
                          + b"q=s&text=" + b"a" * 1991)
            else:
                s.sendall(f"GET {self.path} HTTP/1.1\r\nHost: x\r\n".encode())
            self.open = True
            self.connected.set()
            end = time.time() + self.hold
            while time.time() < end:
                ready, _, _ = select.select([s], [], [], 1.0)
                if ready and not s.recv(65536):
                    self.closed_by_server = time.time()
                    return
                if self.kind == "loris":
                    s.sendall(b"X")
        except OSError:
            self.closed_by_server = time.time()
        finally:
            self.open = False
            self.connected.set()
            s.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wethi", default=str(ROOT / "target/debug/wethi"))
    ap.add_argument("--stalled", type=int, default=8)
    ap.add_argument("--loris", type=int, default=0)
    ap.add_argument("--hold", type=float, default=10.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as data:
        made = subprocess.run([args.wethi, "--data-dir", data, "--lang", "en", "new",
                               "--title", "Load", "--no-open"],
                              check=True, capture_output=True, text=True)
        wethi = Wethi(args.wethi, data, made.stdout.strip())
        try:
            found = wethi.wait_for(URL)
            port, path = int(found.group(1)), found.group(2).decode()
            status, _, _ = post(port, path + "add", {"q": "s", "text": "seed", "group": ""})
            assert status == 200, status
            wethi.key(b"I")
            wethi.wait_for(re.compile(rb"seed"))
            for k in (b"\r", b"v"):
                wethi.key(k)
            _, page, _ = get(port, path)
            item = re.search(rb'name="item" value="([^"]+)"', page)
            assert item, "voting is on and lists the seed item"
            item = item.group(1).decode()

            stallers = [Staller(port, path, "body", args.hold, n) for n in range(args.stalled)]
            stallers += [Staller(port, path, "loris", args.hold, args.stalled + n)
                         for n in range(args.loris)]
            for s in stallers:
                s.start()
            for s in stallers:
                s.connected.wait(10)
            time.sleep(0.5)  # let the server take them all up
            print(f"{args.stalled} stalled uploads, {args.loris} slow headers, "
                  f"held {args.hold:g} s; load average {os.getloadavg()[0]:.1f}")
            for n in range(args.rounds):
                page = get(port, path)
                sent = post(port, path + "add",
                            {"q": "o", "text": f"load {n}", "group": ""})
                vote = post(port, path + "vote", {"item": item})
                held = sum(1 for s in stallers if s.open)
                print(f"  page {page[0]} {page[2]:8.1f} ms   item {sent[0]} {sent[2]:8.1f} ms"
                      f"   vote {vote[0]} {vote[2]:8.1f} ms   stalled still open: {held}")
        finally:
            wethi.quit()


if __name__ == "__main__":
    main()
