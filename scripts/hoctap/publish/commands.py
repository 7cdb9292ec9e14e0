"""The publishing verbs of `hoctap`: publish, rollback, releases, bundle.

Each verb is a short script over `releases` (the directory layout and the atomic switch),
`verify` (checks on a built site) and `bundle` (the offline zip); a `PublishError` anywhere
ends the verb with its message and a non-zero status, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from ..text import disk
from ..build import project
from ..text.findings import format_text
from ..registry.gate_decision import PROFILES
from . import bundle as offline
from . import offline_app
from . import releases as rel
from ..sharing.links import check_site_url
from .pdf_command import make_pdf
from .verify import inline_script_hashes, verify

BUSY = 3
"""Exit status when another publish holds the lock: nothing was changed, try again."""


def add_verbs(verbs) -> None:
    """Add the publishing verbs to the `hoctap` command line."""
    publish = verbs.add_parser("publish", help="build, verify and switch the intranet to a new release atomically")
    _target(publish, required=True)
    _gate(publish)
    publish.add_argument("--keep", type=int, default=5, metavar="N", help="releases to keep (default: 5)")
    publish.add_argument("--site-url", default=os.environ.get("HOCTAP_SITE_URL", ""), metavar="URL",
                         help="address the site is served at, e.g. http://intranet/hoc-tap/ "
                              "(default: $HOCTAP_SITE_URL); the 404 page and the sitemap need it")
    publish.set_defaults(run=_guarded(cmd_publish))

    rollback = verbs.add_parser("rollback", help="switch the intranet back to the previous release")
    _target(rollback, required=True)
    rollback.set_defaults(run=_guarded(cmd_rollback))

    listing = verbs.add_parser("releases", help="list the releases kept, marking the current one")
    _target(listing, required=True)
    listing.set_defaults(run=_guarded(cmd_releases))

    csp = verbs.add_parser("csp", help="the script-src (and worker-src, manifest-src) of the Content-Security-Policy "
                                       "the current release needs")
    _target(csp, required=True)
    csp.set_defaults(run=_guarded(cmd_csp))

    pack = verbs.add_parser("bundle", help="a zip of the site that works from file:// (USB stick, phone)")
    pack.add_argument("--out", default="hoc-tap.zip", metavar="FILE.zip", help="where to write it (default: hoc-tap.zip)")
    _target(pack, required=False, help="zip the current release of this publish directory instead of building")
    _gate(pack)
    pack.set_defaults(run=_guarded(cmd_bundle))


def _target(parser, *, required: bool, help: str = "the publish directory (holds releases/ and current)"):
    parser.add_argument("--to", type=Path, required=required, metavar="DIR", help=help)
    if required:
        parser.add_argument("--wait", type=float, default=60, metavar="SECONDS",
                            help="how long to wait for another publish to finish (default: 60)")


def _gate(parser):
    parser.add_argument("--allow-draft", action="store_true", help="also publish pages with `trang_thai: du-thao`")
    parser.add_argument("--profile", choices=PROFILES, default="intranet",
                        help="`public` also leaves out pages marked `noi_bo: true` (default: intranet)")


def _guarded(verb):
    def run(args: argparse.Namespace) -> int:
        try:
            return verb(args)
        except rel.PublishError as error:
            print(f"hoctap {args.verb}: {error}", file=sys.stderr)
            return BUSY if isinstance(error, rel.Busy) else 1
        except OSError as error:
            print(f"hoctap {args.verb}: {disk.explain(error, _writing(args))}; "
                  + ("the current release is unchanged" if args.verb in ("publish", "rollback") else "nothing was written"),
                  file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print(f"hoctap {args.verb}: interrupted; the current release is unchanged", file=sys.stderr)
            return 130
    return run


def _writing(args: argparse.Namespace) -> Path:
    """Where the verb writes: what a full disk or a refused write is about."""
    if args.verb == "bundle":
        return Path(args.out).resolve()
    return args.to.resolve() if args.to is not None else Path.cwd()


# -- verbs ----------------------------------------------------------------------

def cmd_publish(args: argparse.Namespace) -> int:
    started = time.monotonic()
    if args.keep < 1:
        raise rel.PublishError("--keep must be at least 1")
    site_url = _site_url(args.site_url)
    project = Path(args.config_file).resolve().parent
    target = args.to.resolve()
    with rel.locked(target, args.wait, create=True):
        rel.check_current(target)  # before the build: a refusal after it left an orphan release each time
        building, name = rel.prepare(target, rel.release_name(project))
        try:
            built = _build_checked(args, building, release=name, site_url=site_url)
            release = rel.finish(target, building, name)
        except BaseException:
            shutil.rmtree(building, ignore_errors=True)
            raise
        pruned = rel.prune(target, args.keep)
    print(f"hoctap publish: {target / rel.CURRENT} → {rel.RELEASES}/{release.name} "
          f"({_mb(release.size)}, {release.files} files) in {time.monotonic() - started:.1f} s"
          + (f"; removed {len(pruned)} old release(s)" if pruned else ""))
    print(_unreviewed(built.registry))
    return 0


def _unreviewed(registry) -> str:
    """One line: how many full texts read by OCR or converted from a legacy encoding, which no editor
    has checked against the original yet (`chua_soat: true`), the release carries, and which."""
    pages = [d.page.path.as_posix() for d in registry.documents if getattr(d.page.front_matter, "chua_soat", False)]
    return (f"hoctap publish: {len(pages)} unreviewed full text(s) (chưa soát) in the release"
            + (f": {', '.join(pages)}" if pages else ""))


def cmd_rollback(args: argparse.Namespace) -> int:
    target = args.to.resolve()
    with rel.locked(target, args.wait):
        was = rel.current_name(target)
        back = rel.previous(target)
        rel.switch(target, back.name)
    print(f"hoctap rollback: {target / rel.CURRENT} → {rel.RELEASES}/{back.name} (was {was})")
    return 0


def cmd_releases(args: argparse.Namespace) -> int:
    target = args.to.resolve()
    found = rel.releases(target)
    if not found:
        raise rel.PublishError(f"{target}: no releases yet; publish with `hoctap publish --to {args.to}`")
    for release in found:
        mark = "*" if release.current else " "
        print(f"{mark} {release.name}  {_mb(release.size):>8}  {release.files} files" + ("  (current)" if release.current else ""))
    return 0


def cmd_csp(args: argparse.Namespace) -> int:
    """Material's inline scripts differ by folder depth, sub-path and Material version: list their hashes,
    those of the scripts the templates emitted, as the build recorded them."""
    site = (args.to / rel.CURRENT).resolve()
    if not (site / "index.html").is_file():
        raise rel.PublishError(f"{args.to}: no current release; publish first")
    found = inline_script_hashes(site)
    if found is None:
        raise rel.PublishError(f"{site}: the release does not list the scripts its templates emit "
                               "(made by an older hoctap); publish again")
    print("script-src 'self' " + " ".join(sorted(found)))
    if (site / offline_app.WORKER).is_file():  # a release a phone keeps: its worker and manifest, from the site only
        print("worker-src 'self'; manifest-src 'self'")
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    out = Path(args.out).resolve()
    if out.is_dir() or out.suffix.lower() != ".zip":
        raise rel.PublishError(f"--out {args.out}: {'a folder' if out.is_dir() else 'not a .zip file name'}; "
                               "give the zip's file name, such as --out hoc-tap.zip")
    if args.to is not None:
        site = (args.to / rel.CURRENT).resolve()
        if not (site / "index.html").is_file():
            raise rel.PublishError(f"{args.to}: no current release to bundle; publish first, or leave out --to")
        size, count = offline.write(site, out)
    else:
        disk.remove_stale(Path(tempfile.gettempdir()), "hoctap-bundle-")  # builds of bundles killed with -9
        with tempfile.TemporaryDirectory(prefix=f"hoctap-bundle-{os.getpid()}-") as temporary:
            site = Path(temporary) / "site"
            _build_checked(args, site, release="", site_url="")
            size, count = offline.write(site, out)
    print(f"hoctap bundle: {out} ({_mb(size)}, {count} files); unzip it and open {offline.FOLDER}/index.html")
    return 0


# -- steps ----------------------------------------------------------------------

def _build_checked(args: argparse.Namespace, site: Path, *, release: str, site_url: str):
    """Build with the gate's options (strict: the plugin fails on findings), make the PDF and, in a
    publish, what a phone keeps (hoctap.publish.offline_app), then verify the whole result against the
    gate's decision in that build."""
    built = project.build(args.config_file, site, site_url=site_url, drafts=args.allow_draft, profile=args.profile,
                          release=release, preview=False)
    if built is None:
        raise rel.PublishError("the build failed (its messages are above); nothing was published, "
                               "the current release is unchanged. Fix the problems listed and run the command again")
    # The site links to the combined PDF, so every release carries it, made from the same gated documents
    if make_pdf(args.config_file, str(site), registry=built.registry) != 0:
        raise rel.PublishError("the PDF could not be made (its messages are above); nothing was published, "
                               "the current release is unchanged")
    # A release a phone keeps: the worker lists every file with its hash, so it comes after the PDF
    if release:
        kept = offline_app.write(site, release)
        print(f"hoctap publish: a phone keeps {kept['count']} files, {_mb(kept['size'])}"
              + (f" (past {_mb(offline_app.DOWNLOADS_KEPT_MAX)} of downloads: the PDF and decks when first opened)"
                 if kept["downloads_on_open"] else ", the PDF and decks included"))
    findings = verify(site, built.left_out, drafts=args.allow_draft, own_origin=_origin(site_url))
    if findings:
        print(format_text(findings), file=sys.stderr)
        raise rel.PublishError(f"the built site failed {len(findings)} check(s) listed above; nothing was published, "
                               "the current release is unchanged")
    return built


def _site_url(value: str) -> str:
    if not value:
        raise rel.PublishError("the address the site is served at is needed for its 404 page and sitemap: "
                               "pass --site-url http://HOST/hoc-tap/ (or set HOCTAP_SITE_URL)")
    try:
        return check_site_url(value)
    except ValueError as error:
        raise rel.PublishError(str(error)) from None


def _origin(site_url: str) -> str:
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
