#!/usr/bin/env python3
"""Writes docs/performance.md from what bench/all captured: one file per bench and database."""
import datetime
import os
import pathlib
import platform
import re
import subprocess
import sys

out, page = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])


def command(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ''


def machine():
    cpu = next((line.split(':', 1)[1].strip() for line in command('lscpu').splitlines() if line.startswith('Model name')), platform.processor())
    memory = next((int(line.split()[1]) for line in pathlib.Path('/proc/meminfo').read_text().splitlines() if line.startswith('MemTotal')), 0)
    debian = pathlib.Path('/etc/debian_version').read_text().strip() if pathlib.Path('/etc/debian_version').exists() else '?'
    postgres = command('bash', '-c', 'ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1')
    sqlite = command('sqlite3', '--version').split(' ')[0]
    return [
        f'- CPU: {cpu}, {os.cpu_count()} cores (the server, the load generator and PostgreSQL share them)',
        f'- memory: {memory / 1024 / 1024:.1f} GiB; Debian {debian}; kernel {platform.release()}',
        f'- SQLite {sqlite or "?"}; PostgreSQL {postgres or "?"} (a throwaway server on the same machine)',
        f'- commit {command("git", "rev-parse", "--short", "HEAD")}, built RelWithDebInfo',
    ]


# A figure line is one that names its goal, or an HTTP endpoint's rate and p99 or share of /healthz.
FIGURE = re.compile(r'goal|/ healthz|req/s', re.IGNORECASE)
runs = sorted({(path.name.rsplit('.', 2)[0], path.name.rsplit('.', 2)[1]) for path in out.glob('*.out')},
              key=lambda run: (run[0], run[1] != 'sqlite'))
lines = [
    '# Performance',
    '',
    'Written by `make bench` (`bench/all`), which runs every benchmark in `bench/` on SQLite and, for',
    'those that read a database, on PostgreSQL, and copies what each prints. Do not edit by hand: run',
    '`make bench` again. Each figure stands with the goal it is measured against, as its bench prints it.',
    '',
    f'Run on {datetime.date.today().isoformat()}, {int((out / "total.seconds").read_text())} s in all (goal: under 15 minutes).',
    '',
    '## Machine',
    '',
    *machine(),
    '',
    '## Figures with their goals',
    '',
    '| bench | database | figure (goal) |',
    '|---|---|---|',
]
for name, database in runs:
    text = (out / f'{name}.{database}.out').read_text(errors='replace')
    status = (out / f'{name}.{database}.status').read_text().strip()
    figures = [line.strip() for line in text.splitlines() if FIGURE.search(line)]
    if status != '0':
        figures.append(f'**the bench failed (exit {status})**: see its output below')
    for figure in figures or ['(no figure with a goal printed: see the output below)']:
        lines.append(f'| `bench/{name}` | {database} | {figure.replace("|", "/")} |')
lines += ['', '## Every bench\'s output', '']
for name, database in runs:
    seconds = (out / f'{name}.{database}.seconds').read_text().strip()
    lines += [f'### bench/{name} ({database}, {seconds} s)', '', '```', (out / f'{name}.{database}.out').read_text(errors='replace').rstrip(), '```', '']
page.write_text('\n'.join(lines))
