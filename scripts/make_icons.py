#!/usr/bin/python3
"""Draws the app's PNG icons (192 and 512 px) for the web app manifest, in the design of
assets/icons/icon.svg. Run with Debian's /usr/bin/python3 (python3-pil)."""
import sys
from PIL import Image, ImageDraw


def icon(size):
    s = size / 64.0
    im = Image.new('RGBA', (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([0, 0, size - 1, size - 1], radius=12 * s, fill='#1f4a7a')
    d.rounded_rectangle([16 * s, 10 * s, 48 * s, 52 * s], radius=3 * s, fill='#ffffff')
    d.rectangle([21 * s, 18 * s, 43 * s, 21 * s], fill='#1f4a7a')
    d.rectangle([21 * s, 25 * s, 43 * s, 28 * s], fill='#9fb3c8')
    d.rectangle([21 * s, 32 * s, 37 * s, 35 * s], fill='#9fb3c8')
    d.ellipse([35 * s, 37 * s, 53 * s, 55 * s], fill='#d64545')
    d.line([(39.5 * s, 46 * s), (42.5 * s, 49 * s), (48.5 * s, 43 * s)], fill='#ffffff', width=max(2, int(2.5 * s)))
    return im


out = sys.argv[1]
for size in (192, 512):
    icon(size).save('%s/icon-%d.png' % (out, size))
