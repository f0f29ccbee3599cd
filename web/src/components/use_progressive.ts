import { useEffect, useRef, useState } from 'preact/hooks';

// How many of `total` rows to draw: a first batch, then another each time the end of the list
// comes near the screen. A long list (a session of a thousand on a slow phone) costs what is
// looked at, not what exists. Put the returned ref on an element after the drawn rows.
export function useIncremental(total: number, deps: unknown[], step = 50) {
  const [drawn, setDrawn] = useState(step);
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => setDrawn(step), deps);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || drawn >= total || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setDrawn((count) => count + step);
    }, { rootMargin: '800px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn, total]);
  return { drawn: Math.min(drawn, total), sentinel };
}
