"""Writes str-repr-unicode.json: strings and what CPython's repr() prints for them, run once with python3 3.11.

Samples of every kind of character repr() escapes (str.isprintable() false: Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs but
the ASCII space) and of printable ones, 32 code points a string. Code points Python's Unicode (14.0) leaves unassigned
are left out, but for some no later Unicode assigns either (noncharacters): the JVM's Unicode is newer.
"""
import json
import sys
import unicodedata

RANGES = [(0x0000, 0x3000), (0xA000, 0xA100), (0xD7F0, 0xD800), (0xE000, 0xE100), (0xF8F0, 0x10000),
          (0x10000, 0x10100), (0x1F300, 0x1F700), (0xE0000, 0xE0200), (0xF0000, 0xF0100), (0x10FFF0, 0x110000)]
STILL_UNASSIGNED = set(range(0xFDD0, 0xFDF0)) | {0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF}

points = [c for lo, hi in RANGES for c in range(lo, hi)
          if not 0xD800 <= c < 0xE000 and (unicodedata.category(chr(c)) != 'Cn' or c in STILL_UNASSIGNED)]
strings = [''.join(map(chr, points[i:i + 32])) for i in range(0, len(points), 32)]
# lone surrogates, each apart (two together would read back as one astral character)
strings += ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud800b', '\u00a0\u200b\ue000', "'\u2028\"", 'x\U0010ffff']
print('[\n' + ',\n'.join(json.dumps([s, repr(s)], ensure_ascii=True) for s in strings) + '\n]')
print(file=sys.stderr, end=f"{len(strings)} strings, Unicode {unicodedata.unidata_version}\n")
