"""The desk's guards, in front of every screen: the Host header (DNS rebinding), the body's size,
the login when the desk listens beyond loopback, and a CSRF token on every POST.

The token is a double-submit one, as Datasette's asgi-csrf makes it (that package no longer works
with python-multipart's current parser): a random cookie, and in every form the cookie's HMAC under
a key this process drew at start. Another site can neither read the cookie nor compute its HMAC.

A refusal is a short Vietnamese page (templates/refused.html) with its status, never a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import socket
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

SESSION_COOKIE = "hoctap_desk"
CSRF_COOKIE = "csrf"
CSRF_FIELD = "csrftoken"
OPEN_PATHS = ("/dang-nhap", "/tai-nguyen/")
"""What a visitor who has not logged in may see: the login screen and its stylesheet."""

def is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def served_hosts(listen: str, port: int) -> frozenset[str]:
    """Every `Host` header a browser sends to reach the desk: its loopback names and, beyond
    loopback, the address it listens on (for 0.0.0.0, this machine's name and addresses)."""
    names = {"127.0.0.1", "localhost", "[::1]"}
    if not is_loopback(listen):
        if listen in ("0.0.0.0", "::"):
            hostname = socket.gethostname()
            names |= {hostname, socket.getfqdn()}
            try:
                names |= set(socket.gethostbyname_ex(hostname)[2])
            except OSError:
                pass
        else:
            names.add(f"[{listen}]" if ":" in listen else listen)
    return frozenset(f"{name}:{port}" for name in names)


def read_password_hash(path: Path) -> str:
    """The argon2 hash kept in the password file (`hoctap desk --set-password FILE` writes it);
    ValueError says what is wrong with the file."""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ValueError(f"{path}: cannot read the password file ({error.strerror or error})") from None
    if not text.startswith("$argon2"):
        raise ValueError(f"{path}: not a password file; make one with `hoctap desk --set-password {path}`")
    return text


def hash_password(password: str) -> str:
    return PasswordHasher().hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class Guard:
    """Pure ASGI middleware: Host, size, POST with a cookie, login. Sessions live in this process
    only: a restarted desk asks for the password again."""

    def __init__(self, app, *, hosts: frozenset[str], max_body: int, password_hash: str | None, templates):
        self.app = app
        self.key = secrets.token_bytes(32)
        self.templates = templates
        self.hosts = hosts
        self.max_body = max_body
        self.password_hash = password_hash
        self.sessions: set[str] = set()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if headers.get(b"host", b"").decode("latin-1").lower() not in self.hosts:
            return await self.refuse(send, 400)
        if scope["method"] not in ("GET", "HEAD"):
            if b"cookie" not in headers:
                return await self.refuse(send, 403)
            if not headers.get(b"content-length", b"").isdigit():  # what a browser's form always sends
                return await self.refuse(send, 411)
            if int(headers[b"content-length"]) > self.max_body:
                return await self.refuse(send, 413)
        scope.setdefault("state", {})["logged_in"] = self.logged_in(headers)
        scope["state"]["guard"] = self
        if self.password_hash and not scope["state"]["logged_in"] and not scope["path"].startswith(OPEN_PATHS):
            return await _redirect(send, "/dang-nhap")
        await self.app(scope, receive, _with_headers(send))

    def logged_in(self, headers: dict) -> bool:
        if not self.password_hash:
            return True
        from http.cookies import SimpleCookie

        cookies = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        token = cookies[SESSION_COOKIE].value if SESSION_COOKIE in cookies else ""
        return token in self.sessions

    def log_in(self, password: str) -> str | None:
        """A new session token when the password is right."""
        if not (self.password_hash and password_matches(self.password_hash, password)):
            return None
        token = secrets.token_urlsafe(32)
        self.sessions.add(token)
        return token


    def csrf_token(self, cookie: str) -> str:
        """What a form must carry for a browser holding `cookie`."""
        return hmac.new(self.key, cookie.encode("ascii", "replace"), hashlib.sha256).hexdigest()

    def csrf_ok(self, cookie: str, sent: str) -> bool:
        return bool(cookie) and hmac.compare_digest(self.csrf_token(cookie), sent or "")

    async def refuse(self, send, status: int) -> None:
        body = self.templates.get_template("refused.html").render(status=status, limit=self.max_body // 1_000_000)
        data = body.encode("utf-8")
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})


HEADERS = [(b"content-security-policy", b"frame-ancestors 'self'"), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"same-origin")]
"""On every answer: no other site may frame the desk's forms (clickjacking), guess a type, or learn its addresses."""


def _with_headers(send):
    async def send_with_headers(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
        await send(message)
    return send_with_headers


async def _redirect(send, location: str) -> None:
    await send({"type": "http.response.start", "status": 303, "headers": [(b"location", location.encode())]})
    await send({"type": "http.response.body", "body": b""})
