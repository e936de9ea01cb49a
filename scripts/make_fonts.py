#!/usr/bin/python3
"""Builds the fonts the app ships, from Debian's Noto Sans CJK SC (SIL OFL).

  base.ttf    ASCII, common punctuation and every character of the UI strings and the
              programme data (what the first screen needs); loaded before start-up.
  cNN.ttf     the rest of the face in chunks, fetched only when a character needs one:
              GB2312's hanzi (common ones first) in small chunks, everything else
              (CJK extension A/B, rare hanzi, symbols) in larger ones.
  index.bin   one byte per code point U+0000..U+2FFFF: the chunk holding it (0: none).
  ui_glyphs.inc  (C++) the code points of base.ttf, so the app knows what it has.

The outlines are converted from CFF (cubic) to TrueType (quadratic): the atlas is built
at start-up by stb_truetype, which rasterises TrueType outlines about a third faster,
and gzipped the files are no larger.

Chunks do not depend on the UI strings, so they are cached and only the base font is
rebuilt when strings change. Run with Debian's /usr/bin/python3 (python3-fonttools).
"""
import argparse
import hashlib
import io
import os
import re
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FACE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FACE_INDEX = 2  # Noto Sans CJK SC
INDEX_LIMIT = 0x30000
GB2312_CHUNK = 600
OTHER_CHUNK = 1200

ALWAYS_IN_BASE = (
    list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) +
    list(range(0x2010, 0x2070)) +   # general punctuation: dashes, quotes, ellipsis, ‰
    list(range(0x3000, 0x3040)) +   # CJK symbols and punctuation
    list(range(0xFF01, 0xFF5F)) +   # full-width forms
    [0x00B7, 0x2116, 0x2190, 0x2191, 0x2192, 0x2193, 0x25B2, 0x25BC, 0x25CF, 0x25CB, 0x2713, 0x2715, 0xFFFD]
)


def load_face():
    return TTFont(FACE, fontNumber=FACE_INDEX, lazy=False)


def to_truetype(font):
    """Replaces the CFF outlines by quadratic ones (within 1 unit of 1000 per em)."""
    glyphs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements',
                  'maxSizeOfInstructions', 'maxComponentElements', 'maxPoints', 'maxContours', 'maxCompositePoints',
                  'maxCompositeContours', 'maxComponentDepth'):
        setattr(maxp, field, 0)  # the point and contour counts are recomputed on saving
    maxp.maxZones = 1
    font['head'].glyphDataFormat = 0
    del font['CFF ']
    font.sfntVersion = '\0\1\0\0'


def subset_bytes(codepoints):
    font = load_face()
    opts = subset.Options()
    opts.layout_features = []
    opts.name_IDs = [0, 1, 2, 13, 14]   # keep the copyright and licence entries
    opts.hinting = False
    opts.notdef_outline = True
    opts.glyph_names = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(codepoints))
    sub.subset(font)
    to_truetype(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def gb2312_hanzi():
    """GB2312's hanzi in its own order: level 1 (common) rows 16-55, then level 2."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode('gb2312')))
            except UnicodeDecodeError:
                pass
    return out


def source_characters(roots):
    chars = set()
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for name in files:
                if not re.search(r'\.(cpp|h|json|in)$', name):
                    continue
                with open(os.path.join(dirpath, name), encoding='utf-8') as f:
                    chars.update(ord(c) for c in f.read() if ord(c) >= 0x80)
    return chars


def chunk_plan(cmap):
    """Lists of code points, one per chunk; independent of the UI strings."""
    gb = [cp for cp in gb2312_hanzi() if cp in cmap]
    chunks = [gb[i:i + GB2312_CHUNK] for i in range(0, len(gb), GB2312_CHUNK)]
    gb_set = set(gb)
    rest = sorted(cp for cp in cmap if cp not in gb_set and cp >= 0x80 and cp < INDEX_LIMIT)
    chunks += [rest[i:i + OTHER_CHUNK] for i in range(0, len(rest), OTHER_CHUNK)]
    return chunks


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, 'rb') as f:
            if f.read() == data:
                return
    with open(path, 'wb') as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True, help='folder for base.ttf, index.bin and cNN.ttf')
    ap.add_argument('--cache', required=True, help='folder where chunks are kept between builds')
    ap.add_argument('--inc', required=True, help='path of the generated ui_glyphs.inc')
    ap.add_argument('--sources', nargs='+', required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.cache, exist_ok=True)

    cmap = load_face().getBestCmap()
    # Chunks: rebuilt only when this script changes.
    with open(__file__, 'rb') as f:
        stamp = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp_path = os.path.join(args.cache, 'stamp')
    chunks = chunk_plan(cmap)
    cached = os.path.exists(stamp_path) and open(stamp_path).read() == stamp
    if not cached:
        for i, cps in enumerate(chunks, start=1):
            with open(os.path.join(args.cache, 'c%02d.ttf' % i), 'wb') as f:
                f.write(subset_bytes(cps))
        index = bytearray(INDEX_LIMIT)
        for i, cps in enumerate(chunks, start=1):
            for cp in cps:
                index[cp] = i
        with open(os.path.join(args.cache, 'index.bin'), 'wb') as f:
            f.write(bytes(index))
        with open(stamp_path, 'w') as f:
            f.write(stamp)
    for name in ['index.bin'] + ['c%02d.ttf' % i for i in range(1, len(chunks) + 1)]:
        with open(os.path.join(args.cache, name), 'rb') as f:
            write_if_changed(os.path.join(args.out, name), f.read())

    # How many chunks hold GB2312's hanzi (the common ones, fetched ahead for offline use).
    gb_count = len([cp for cp in gb2312_hanzi() if cp in cmap])
    common = (gb_count + GB2312_CHUNK - 1) // GB2312_CHUNK
    write_if_changed(os.path.join(args.out, 'chunks.json'),
                     ('{"common": %d, "total": %d}\n' % (common, len(chunks))).encode())

    base = set(ALWAYS_IN_BASE) | source_characters(args.sources)
    base = sorted(cp for cp in base if cp in cmap)
    write_if_changed(os.path.join(args.out, 'base.ttf'), subset_bytes(base))
    ui = sorted(cp for cp in source_characters(args.sources) if cp in cmap)
    lines = ['// Generated by scripts/make_fonts.py: code points in fonts/base.ttf. Do not edit.',
             'static const unsigned kBaseFontCodepoints[] = {']
    for i in range(0, len(base), 16):
        lines.append('    ' + ', '.join('0x%X' % cp for cp in base[i:i + 16]) + ',')
    lines += ['};', '// The characters of the UI strings and programme data: rasterised at start-up.',
              'static const unsigned kUiCodepoints[] = {']
    for i in range(0, len(ui), 16):
        lines.append('    ' + ', '.join('0x%X' % cp for cp in ui[i:i + 16]) + ',')
    lines.append('};')
    write_if_changed(args.inc, ('\n'.join(lines) + '\n').encode())
    # The folder holds only what this build made: files of an older layout would be
    # published and precached.
    made = {'base.ttf', 'index.bin', 'chunks.json'} | {'c%02d.ttf' % i for i in range(1, len(chunks) + 1)}
    for name in os.listdir(args.out):
        if name not in made:
            os.remove(os.path.join(args.out, name))
    print('fonts: base %d code points, %d chunks' % (len(base), len(chunks)), file=sys.stderr)


if __name__ == '__main__':
    main()
