import type { JSX } from 'preact';

export type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

// The app's buttons: one look per weight. primary: the page's main action; secondary: the
// others; danger: what removes or undoes; quiet: small actions inside rows.
export function Button({ variant = 'primary', class: extra, type = 'button', ...props }: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} class={['btn', `btn-${variant}`, extra].filter(Boolean).join(' ')} {...props} />;
}

export function LinkButton({ variant = 'primary', class: extra, ...props }: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant; href: string }) {
  return <a class={['btn', `btn-${variant}`, extra].filter(Boolean).join(' ')} {...props} />;
}
