#!/usr/bin/env python3
"""Render the seed story's report to HTML and screenshot it with headless Chromium.

    .venv/bin/python scripts/screenshot.py [--output docs/seed-report.png] [--width 1100]
                                           [--html report.html] [--dark]

The README's screenshot is made with this script. Chromium is Debian's ``chromium`` package;
the bottom of the page is trimmed of blank rows when Pillow is installed (it comes with the
``notebook`` extra's matplotlib).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("fixtures") / "seed" / "biden-putin-2021-12-08.txt"
PUBLISHED = "2021-12-08"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def seed_html() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    import verify
    from verify.document import Document
    from verify.engine import run
    from verify.packs import default_packs
    from verify.render.html import render

    document = Document.from_text((ROOT / SEED).read_text(encoding="utf-8"), published=PUBLISHED, path=SEED.as_posix())
    report = run(document, packs=default_packs())
    print(f"seed: {report!r}", file=sys.stderr)
    return render([report], title=f"verify {verify.__version__}: the seed story")


def trim(png: Path, margin: int = 24) -> None:
    """Cut the blank rows below the content (needs Pillow; otherwise leaves the image as it is)."""
    try:
        from PIL import Image, ImageChops
    except ImportError:
        print("Pillow not installed: screenshot left untrimmed", file=sys.stderr)
        return
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        background = Image.new("RGB", rgb.size, rgb.getpixel((rgb.width - 1, rgb.height - 1)))
        box = ImageChops.difference(rgb, background).getbbox()
        if box:
            rgb.crop((0, 0, rgb.width, min(rgb.height, box[3] + margin))).save(png, optimize=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "seed-report.png")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=4000, help="window height before trimming")
    parser.add_argument("--html", type=Path, help="also keep the HTML page here")
    parser.add_argument("--dark", action="store_true", help="render with the dark colour scheme")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args(argv)
    if not args.chromium:
        parser.error("Chromium not found: apt-get install chromium, or pass --chromium")
    page = seed_html()
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "seed-report.html"
        html.write_text(page, encoding="utf-8")
        if args.html:
            args.html.write_text(page, encoding="utf-8")
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.unlink(missing_ok=True)
        command = [args.chromium, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
                   f"--window-size={args.width},{args.height}", f"--screenshot={args.output.resolve()}"]
        if args.dark:
            command += ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"]
        result = subprocess.run([*command, html.as_uri()], capture_output=True, text=True, timeout=180, check=False)
        if not args.output.exists():
            print(result.stderr[-3000:], file=sys.stderr)
            return 1
    trim(args.output)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
