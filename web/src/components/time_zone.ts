// Times are stored in UTC and shown in the programme's time zone (DESIGN.md §4). A time typed in
// that zone becomes UTC here: the zone's offset at that moment is read from Intl, twice, so a
// change of offset (daylight saving) on that day is taken into account.
function offsetMinutes(utcMillis: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utcMillis)).map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return (asUtc - utcMillis) / 60000;
}

// "2023-06-05" + "08:00" in America/Panama -> "2023-06-05T13:00:00Z".
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let utc = wall - offsetMinutes(wall, timeZone) * 60000;
  utc = wall - offsetMinutes(utc, timeZone) * 60000;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}

// The reverse: a stored UTC time as the date and time a form in `timeZone` shows.
// "2023-10-04T04:59:59Z" in America/Panama -> { date: "2023-10-03", time: "23:59" }.
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}
