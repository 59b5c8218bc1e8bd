#!/usr/bin/env python3
"""Trunk post_build hook (see Trunk.toml): makes a release build run under a strict
Content-Security-Policy.

Trunk writes its loader as an inline <script type="module">; a strict policy forbids inline
scripts, so this moves it into a file of its own (named by its content hash) and adds the
policy as a <meta> tag. Debug builds (`trunk serve`) are left alone: their live-reload script is
inline too.
"""
import hashlib
import os
import re
import sys
from pathlib import Path

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self' http: https:; frame-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)

if os.environ.get("TRUNK_PROFILE") != "release":
    sys.exit(0)
staging = Path(os.environ["TRUNK_STAGING_DIR"])
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/") or "/"
html_path = staging / "index.html"
html = html_path.read_text(encoding="utf-8")

inline = re.compile(r'<script type="module">(.*?)</script>', re.S)
match = inline.search(html)
if match:
    code = match.group(1).strip() + "\n"
    name = f"init-{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (staging / name).write_text(code, encoding="utf-8")
    html = html[: match.start()] + f'<script type="module" src="{public_url}{name}"></script>' + html[match.end():]
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("csp-hook: an inline script is left in index.html; the policy would block it")
if "Content-Security-Policy" not in html:
    html = html.replace(
        '<meta charset="utf-8" />',
        f'<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="{POLICY}" />',
        1,
    )
html_path.write_text(html, encoding="utf-8")
