#!/usr/bin/env python3
"""A small HTTP server for the fetcher tests. Listens on 127.0.0.1 only, on a
free port, prints "PORT <n>" on stdout once it is ready, and serves canned
cases until it is killed. No route ever contacts another address.

  /good            an HTML news article (text/html; charset=utf-8)
  /latin1          the same kind of page in ISO-8859-1, charset only in the header
  /text            a plain-text article
  /404             404 Not Found
  /flaky           500 on the first request, then the article (retry test)
  /always503       503 with Retry-After: 1, every time
  /slow            waits 5 s before answering (timeout test)
  /slow/<n>        waits n seconds before answering (interrupt test)
  /busy/<n>        503 with Retry-After: n, every time (interrupt during a retry wait)
  /loop            302 to itself (redirect loop)
  /redirect        302 to /good
  /to-file         302 to file:///etc/passwd (blocked scheme on redirect)
  /big             300 000 bytes with Content-Length
  /big-stream      300 000 bytes without Content-Length (limit found while reading)
  /gzip            the article, gzip-encoded (Content-Encoding: gzip)
  /image           a few PNG bytes (image/png)
  /empty-article   an HTML page with navigation only
  /hits/<path>     how many times <path> was requested (for the cache test)
"""
import gzip
import http.server
import sys
import threading
import time

ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Stoltenberg meets Lavrov in Munich | Test Wire</title>
<meta property="og:site_name" content="Test Wire">
<meta property="article:published_time" content="2017-02-18T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Stoltenberg meets Lavrov in Munich</h1>
<p>NATO Secretary General Jens Stoltenberg met Russian Foreign Minister Sergey Lavrov in Munich on Saturday,
the alliance said in a statement after the talks.</p>
<p>Stoltenberg said NATO wants a constructive dialogue with Russia, while Lavrov said Moscow was ready to
restore contacts between the military experts of both sides.</p>
<p>The two men last met in Brussels, where they discussed the situation in Ukraine and the conflict in Syria.</p>
</article>
<footer>Copyright Test Wire</footer></body></html>
"""

LATIN1 = ARTICLE.replace('<meta charset="utf-8">', "").replace("Munich", "M\u00fcnchen")

TEXT = ("Merkel meets Macron in Berlin\n\nGerman Chancellor Angela Merkel met French President "
        "Emmanuel Macron in Berlin on Monday to discuss the future of the European Union.\n")

EMPTY_ARTICLE = """<!doctype html><html><head><title>Index</title></head><body>
<nav><a href="/a">A</a> <a href="/b">B</a> <a href="/c">C</a></nav></body></html>"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"

hits = {}
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="text/html; charset=utf-8", headers=(), length=True):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for k, v in headers:
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def do_GET(self):
        path = self.path.split("?")[0]
        with lock:
            hits[path] = hits.get(path, 0) + 1
            count = hits[path]
        if path == "/good" or path == "/redirect-target":
            self.send(200, ARTICLE.encode())
        elif path == "/latin1":
            self.send(200, LATIN1.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/text":
            self.send(200, TEXT.encode(), "text/plain; charset=utf-8")
        elif path == "/404":
            self.send(404, b"<html><body>not here</body></html>")
        elif path == "/flaky":
            if count == 1:
                self.send(500, b"<html><body>try again</body></html>")
            else:
                self.send(200, ARTICLE.encode())
        elif path == "/always503":
            self.send(503, b"busy", "text/plain", headers=[("Retry-After", "1")])
        elif path == "/slow":
            time.sleep(5)
            self.send(200, ARTICLE.encode())
        elif path.startswith("/slow/"):
            time.sleep(float(path[len("/slow/"):]))
            self.send(200, ARTICLE.encode())
        elif path.startswith("/busy/"):
            self.send(503, b"busy", "text/plain", headers=[("Retry-After", path[len("/busy/"):])])
        elif path == "/loop":
            self.send(302, b"", None, headers=[("Location", "/loop")])
        elif path == "/redirect":
            self.send(302, b"", None, headers=[("Location", "/good")])
        elif path == "/to-file":
            self.send(302, b"", None, headers=[("Location", "file:///etc/passwd")])
        elif path == "/big":
            self.send(200, b"a" * 300_000, "text/plain")
        elif path == "/big-stream":
            self.send(200, b"a" * 300_000, "text/plain", length=False)
        elif path == "/gzip":
            self.send(200, gzip.compress(ARTICLE.encode()), headers=[("Content-Encoding", "gzip")])
        elif path == "/image":
            self.send(200, PNG, "image/png")
        elif path == "/empty-article":
            self.send(200, EMPTY_ARTICLE.encode())
        elif path.startswith("/hits/"):
            with lock:
                n = hits.get(path[len("/hits"):], 0)
            self.send(200, str(n).encode(), "text/plain")
        else:
            self.send(404, b"unknown case")


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that gives up (a timeout or cancel test) resets its
        # connection; that is the case under test, not a server fault.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print("PORT", server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
