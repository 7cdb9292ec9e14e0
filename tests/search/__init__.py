"""Search at the engine level: the worker's engine run by Node over a built site's index."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ENGINE = Path(__file__).with_name("engine.js")

# (question, the pages that answer it: one of them must come in the first three). Đọc nhanh answers
# members' own questions (who attends, when, what a CĐCS does), the conference's page and the plan too.
# Typed as members type: mostly without diacritics, with question words, filler words and mistakes.
QUESTIONS = [
    ("hoi nghi khi nao", {"hoi-nghi.html", "doc-nhanh.html"}),
    ("khi nào hội nghị quán triệt", {"hoi-nghi.html", "doc-nhanh.html"}),
    ("ai duoc di du hoi nghi", {"hoi-nghi.html", "doc-nhanh.html"}),
    ("bao nhiêu người dự hội nghị", {"hoi-nghi.html", "doc-nhanh.html"}),
    ("hội nghị tổ chức ở đâu", {"hoi-nghi.html", "ke-hoach.html"}),  # the plan's II.2: at the province
    ("uy ban kiem tra co du hoi nghi khong", {"hoi-nghi.html", "doc-nhanh.html"}),
    ("cong doan co so can lam gi", {"hoi-nghi.html", "ke-hoach.html", "doc-nhanh.html"}),
    ("cán bộ công đoàn cơ sở phải làm gì", {"hoi-nghi.html", "ke-hoach.html", "doc-nhanh.html"}),
    ("quan triet la gi", {"hoi-nghi.html", "ke-hoach.html"}),
    ("học tập để làm gì", {"doc-nhanh.html", "ke-hoach.html"}),
    ("ai ban hanh ke hoach hoc tap", {"ke-hoach.html"}),
    ("bao cao vien la ai", {"hoi-nghi.html", "bao-cao-vien.html", "ke-hoach.html"}),
    ("chuyển đổi số là gì", {"van-ban/02-ctr-ldld.html"}),
    ("thuong luong tap the la gi", {"van-ban/03-ctr-ldld.html"}),
    ("tien luong tien thuong o chuong trinh nao", {"van-ban/03-ctr-ldld.html"}),
    ("nang cao chat luong can bo cong doan nhu the nao", {"van-ban/01-ctr-ldld.html"}),
    ("chi thi 58 noi ve gi", {"van-ban/58-ct-tw.html"}),
    ("tuyen truyen giao duc cho cong nhan nhu the nao", {"van-ban/18-ctr-tu.html", "van-ban/58-ct-tw.html"}),
    ("nghị quyết đại hội đảng lần thứ mấy", {"van-ban/nghi-quyet-dai-hoi-xiv-dang.html"}),
    ("mặt trận tổ quốc có chương trình gì", {"van-ban/03-ctr-mttq-ub.html"}),
    ("dai hoi mttq khoa may", {"van-ban/nghi-quyet-dai-hoi-mttq-tinh-xiv.html"}),
    # Typing mistakes, short words among them, and Telex typed with the keyboard's Vietnamese off
    ("chuyen doi soo", {"van-ban/02-ctr-ldld.html"}),
    ("hoi nghj quan triet", {"hoi-nghi.html"}),
    ("hoi nghii", {"hoi-nghi.html"}),
    ("thuowng luowngj tapaj theer", {"van-ban/03-ctr-ldld.html"}),
    ("ddoori mowis sangs taoj", {"van-ban/02-ctr-ldld.html"}),
    ("an toan ve sinh lao donng", {"van-ban/03-ctr-ldld.html"}),
    ("doi thaoi", {"van-ban/03-ctr-ldld.html"}),
]
NOTHING = ["bong da ngoai hang", "bitcoin blockchain", "xyzzy", "bóng đá ngoại hạng"]
"""Queries the site has no answer to: nothing is found, even though some of their words are common."""


def answers(site: Path, queries: list[str], lang: str = "vi") -> list[list[list[list[str]]]]:
    """For each query, its result groups (one per page), each a list of [location, title, text] items."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the engine tests (Debian's nodejs, which `make setup` uses for npm)"
    done = subprocess.run([node, str(ENGINE), str(site), lang], input=json.dumps(queries), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def pages(groups: list[list[list[str]]]) -> list[str]:
    """The pages of a result, in order."""
    return [group[0][0].split("#")[0] for group in groups]
