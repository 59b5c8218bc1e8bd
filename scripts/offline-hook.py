#!/usr/bin/env python3
"""Trunk post_build hook (see Trunk.toml), after csp-hook.py: writes the service worker's
list of app-shell files and its version into the staged sw.js of a release build.

The list is every file of the build (the page, the hashed script, wasm and styles, the
loader csp-hook.py wrote, icons, the seed, the example corpus, the schema); the version is a
hash of their contents, so any change to the app installs a new worker and the page offers
"New version — Reload" (public/sw.js). Debug builds keep the placeholder: the app registers
no worker there.
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

if os.environ.get("TRUNK_PROFILE") != "release":
    sys.exit(0)
staging = Path(os.environ["TRUNK_STAGING_DIR"])
sw = staging / "sw.js"
if not sw.exists():
    sys.exit("offline-hook: sw.js is not in the build (index.html copies public/sw.js)")
files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name != "sw.js"
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update((staging / name).read_bytes())
version = digest.hexdigest()[:16]
shell = ["./"] + [f"./{name}" for name in files if name != "index.html"] + ["./index.html"]
code = sw.read_text(encoding="utf-8")
code, n_version = re.subn(r"^const VERSION = 'dev';$", f"const VERSION = '{version}';", code, flags=re.M)
code, n_shell = re.subn(r"^const SHELL = \[\];$", f"const SHELL = {json.dumps(shell)};", code, flags=re.M)
if (n_version, n_shell) != (1, 1):
    sys.exit("offline-hook: sw.js has no `const VERSION = 'dev';` or `const SHELL = [];` line")
sw.write_text(code, encoding="utf-8")
print(f"offline-hook: {len(shell)} files, version {version}")
