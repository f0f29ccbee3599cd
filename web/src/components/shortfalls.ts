import type { Gradebook } from '../api/client';
import { formatNumber } from './format';

export type Shortfall = Gradebook['rows'][number]['shortfalls'][number];

// Why a row does not meet the requirements, in the reader's language:
// "Asistencia 72 % — se requiere 80 %".
export function shortfallText(gap: Shortfall, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
  const number = (value: number | undefined) => formatNumber(value ?? 0, language, value != null && !Number.isInteger(value) ? 1 : 0);
  switch (gap.kind) {
    case 'attendance':
      return gap.value == null ? t('shortfall.attendance_none', { required: number(gap.required) })
        : t('shortfall.attendance', { value: number(gap.value), required: number(gap.required) });
    case 'module_attendance':
    case 'module_failed': return t(`shortfall.${gap.kind}`, { module: gap.module, value: number(gap.value), required: number(gap.required) });
    case 'final_grade':
      return gap.value == null ? t('shortfall.final_grade_none', { required: number(gap.required) })
        : t('shortfall.final_grade', { value: number(gap.value), required: number(gap.required) });
    case 'module_ungraded': return t('shortfall.module_ungraded', { module: gap.module, required: number(gap.required) });
    default: return t(`shortfall.${gap.kind}`);
  }
}
