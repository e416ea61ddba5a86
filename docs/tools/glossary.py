#!/usr/bin/env python3
"""Prints docs/glossary.md from the [Zh] attributes in src/Jiju.Domain (run from the repository root).

GlossaryTests checks the result against the compiled code, so a stale glossary fails the build's tests.
The hand-written "Concepts" table is kept from the current glossary.
"""
import glob
import re
import sys

current = open('docs/glossary.md', encoding='utf-8').read()
head = current[:current.index('## Rules')] if '## Rules' in current else current[:current.index('## Records')]

records, enums = [], []
for f in sorted(glob.glob('src/Jiju.Domain/**/*.cs', recursive=True)):
    s = open(f, encoding='utf-8').read()
    for m in re.finditer(r'\[Zh\("([^"]+)"\)\]\s*public sealed class (\w+)', s):
        zh, name = m.group(1), m.group(2)
        rest = s[m.end():]
        end = re.search(r'\n}\n', rest)
        body = rest[:end.start() if end else len(rest)]
        members = [(p.group(3), p.group(1), p.group(2) or '') for p in re.finditer(
            r'\[Zh\("([^"]+)"(?:, Unit = "([^"]+)")?\)\]\s*public (?:required )?[\w<>?,. ]+? (\w+) \{', body)]
        records.append((name, zh, f, members))
    for m in re.finditer(r'public enum (\w+)\s*\{([^}]*)\}', s):
        members = re.findall(r'\[Zh\("([^"]+)"\)\] (\w+) =', m.group(2))
        if members:
            enums.append((m.group(1), members))

rules = current[current.index('## Rules'):current.index('## Records')] if '## Rules' in current else ''
out = [head.rstrip('\n'), '', rules.rstrip('\n'), '', '## Records', '']
for name, zh, f, members in records:
    out += [f'### `{name}` {zh}', '', f'Source: `{f}`', '', '| Identifier | 中文 | Unit |', '|---|---|---|']
    out += [f'| `{name}.{m}` | {mzh} | {unit} |' for m, mzh, unit in members]
    out.append('')
out += ['## Enumerations', '']
for name, members in enums:
    out += [f'### `{name}`', '', '| Identifier | 中文 |', '|---|---|']
    out += [f'| `{name}.{m}` | {zh} |' for zh, m in members]
    out.append('')
sys.stdout.write('\n'.join(out))
