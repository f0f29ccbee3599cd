import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useTranslation } from '../i18n';

type Plot = typeof import('@observablehq/plot');

// A chart drawn as SVG by Observable Plot, which is loaded only by pages that show one. The
// figure has a caption, and its figures are also given as text for those who cannot see it.
export function Chart({ caption, draw, summary, legend }: { caption: string; draw: (plot: Plot, width: number) => SVGElement | HTMLElement; summary: ComponentChildren; legend?: ComponentChildren }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('@observablehq/plot').then((plot) => {
      if (cancelled || !holder.current) return;
      const figure = draw(plot, Math.max(280, holder.current.clientWidth));
      // Plot puts a small stylesheet of its own in the SVG; the page's CSP allows no inline style,
      // so it is taken out before the chart joins the page (styles.css has the same rules).
      figure.querySelectorAll('style').forEach((style) => style.remove());
      figure.setAttribute('aria-hidden', 'true');
      holder.current.replaceChildren(figure);
    }, () => setFailed(true));
    return () => { cancelled = true; };
  }, [draw]);
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      {legend}
      <div ref={holder} class="chart-body">{failed && <p class="muted">{t('chart.unavailable')}</p>}</div>
      <div class="visually-hidden">{summary}</div>
    </figure>
  );
}
