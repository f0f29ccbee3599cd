// Letters without accents or case, for searches people type on a phone: "gonzalez" finds
// "González", "pena" finds "Peña", "nunez" finds "NÚÑEZ".
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
