#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): the release build's two finishing steps, in order.

1. csp-hook.py: the loader out of index.html, and the strict Content-Security-Policy;
2. offline-hook.py: the service worker's list of files (which includes the loader step 1
   wrote) and its version.
"""
import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
for step in ("csp-hook.py", "offline-hook.py"):
    subprocess.run([sys.executable, str(here / step)], check=True)
