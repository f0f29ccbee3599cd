// Words for figures that need them.

// Krippendorff's usual bands for α (Krippendorff 2004, Content Analysis, §11.4.4): at least
// 0.800 reliable; from 0.667 tentative conclusions only; below 0.667 not to be relied on.
export type Band = 'good' | 'tentative' | 'poor';
export function agreementBand(alpha: number): Band {
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'tentative';
  return 'poor';
}

// A drop between the pre- and the post-test: a negative gain, to be looked at.
export const isDrop = (gain: number) => gain < 0;
