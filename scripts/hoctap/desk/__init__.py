"""`hoctap desk`: the editors' desk, a local web application in Vietnamese for the project it is
started in: import an official file, correct its fields, see the page as a phone shows it, approve
it, publish, undo — with the same functions as the commands (hoctap.importing, hoctap.checks,
hoctap.publish, the build), every save a git commit.

One module a screen (todo `/`, upload `/nhap`, pages `/trang`, publishing `/dang`, undo, login),
the guards in `security`, the writes in `storage`, the history in `history`, the phone preview in
`preview`. Starlette serves it, Uvicorn runs it, on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path


def add_verb(verbs) -> None:
    desk = verbs.add_parser("desk", help="the editors' desk: a web page on this machine to import, review and publish")
    desk.add_argument("--port", type=int, default=8765, help="port to listen on (default: 8765)")
    desk.add_argument("--listen", default="127.0.0.1", metavar="ADDR",
                      help="address to listen on (default: 127.0.0.1); any other needs --password-file")
    desk.add_argument("--password-file", type=Path, metavar="FILE",
                      help="the argon2 hash of the desk's password (made by --set-password)")
    desk.add_argument("--set-password", type=Path, metavar="FILE", help="ask for a password, write its hash to FILE, stop")
    desk.add_argument("--publish-to", type=Path, metavar="DIR", help="the publish directory of \"Đăng lên mạng nội bộ\"")
    desk.add_argument("--site-url", default="", metavar="URL", help="the address the intranet serves the site at")
    desk.set_defaults(run=cmd_desk)


def cmd_desk(args) -> int:
    from .security import is_loopback, read_password_hash, served_hosts  # the web stack loads for the desk only

    if args.set_password:
        return _set_password(args.set_password)
    password_hash = None
    if args.password_file:
        try:
            password_hash = read_password_hash(args.password_file)
        except ValueError as error:
            print(f"hoctap desk: {error}", file=sys.stderr)
            return 2
    if not is_loopback(args.listen) and password_hash is None:
        print(f"hoctap desk: listening on {args.listen} lets other machines in: give --password-file FILE "
              "(make one with `hoctap desk --set-password FILE`)", file=sys.stderr)
        return 2
    import uvicorn

    from .app import Desk, make_app

    desk = Desk(Path(args.config_file), hosts=served_hosts(args.listen, args.port), publish_to=args.publish_to,
                site_url=args.site_url, password_hash=password_hash)
    desk.history.ensure()
    print(f"hoctap desk: http://{'127.0.0.1' if is_loopback(args.listen) else args.listen}:{args.port}/ "
          "(Ctrl+C to stop)", file=sys.stderr)
    desk.preview.refresh()
    uvicorn.run(make_app(desk), host=args.listen, port=args.port, log_level="warning")
    return 0


def _set_password(path: Path) -> int:
    from .security import hash_password

    password = getpass.getpass("Mật khẩu mới: ")
    if len(password) < 8 or password != getpass.getpass("Nhập lại: "):
        print("hoctap desk: the password must have 8 characters or more, typed the same twice", file=sys.stderr)
        return 2
    path.write_text(hash_password(password) + "\n", encoding="utf-8")
    path.chmod(0o600)
    print(f"hoctap desk: {path} written; start the desk with --password-file {path}", file=sys.stderr)
    return 0
