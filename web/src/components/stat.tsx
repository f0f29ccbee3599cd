import type { ComponentChildren } from 'preact';

// One figure with its label, and an optional note or signal under it.
export function Stat({ label, value, note, tone }: { label: string; value: ComponentChildren; note?: ComponentChildren; tone?: 'good' | 'warn' | 'bad' }) {
  return (
    <div class={`stat${tone ? ` stat-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span class="stat-value">{value}</span>
        {note && <span class="stat-note">{note}</span>}
      </dd>
    </div>
  );
}

export function Stats({ children, label }: { children: ComponentChildren; label?: string }) {
  return <dl class="stats" aria-label={label}>{children}</dl>;
}
