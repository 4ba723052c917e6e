#!/usr/bin/env python3
"""A stand-in ntfy server on loopback for the demo: accepts publishes and writes each one to a
file the way a phone would show it (title, priority, tags, body). Nothing leaves this machine.

    ntfy-capture.py PORT OUTFILE
"""
import email.header
import http.server
import json
import sys

PORT, OUT = int(sys.argv[1]), sys.argv[2]
PRIORITIES = {"1": "min", "2": "low", "3": "default", "4": "high", "5": "urgent"}


def header(value: str | None) -> str:
    if not value:
        return ""
    return "".join(part.decode(enc or "ascii") if isinstance(part, bytes) else part
                   for part, enc in email.header.decode_header(value))


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        title = header(self.headers.get("Title"))
        priority = self.headers.get("Priority", "3")
        tags = self.headers.get("Tags", "")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            msg = json.loads(body)
            title, body = msg.get("title", ""), msg.get("message", "")
            priority, tags = str(msg.get("priority", 3)), ",".join(msg.get("tags", []))
        auth = "bearer token" if self.headers.get("Authorization", "").startswith("Bearer ") else "no auth"
        with open(OUT, "a", encoding="utf-8") as f:
            f.write(f"┌── ntfy {self.path}  [{PRIORITIES.get(priority, priority)}] tags: {tags or '-'} ({auth})\n")
            f.write(f"│ {title}\n")
            for line in body.splitlines():
                f.write(f"│ {line}\n")
            f.write("└──\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"id":"demo","event":"message"}')

    def log_message(self, *args) -> None:
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
