import type { ComponentChildren } from 'preact';

// Nothing to show yet: what that means and, where there is one, what to do next.
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-title">{title}</p>
      {children}
    </div>
  );
}
