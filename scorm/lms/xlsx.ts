/**
 * The records as an Excel workbook, for HR who open exports in Excel. Unlike a CSV, each cell
 * has a type, so Excel keeps what it means: identifiers are text (staff number 0012345 keeps
 * its zeros, "1-3" stays "1-3", a 17-digit number is not rounded to 1.2E+16), dates are real
 * dates in UK order, scores and hours are numbers. Text cells are never formulas here, so no
 * apostrophe guard is needed (or shown). The CSV stays for other tools.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { statusLabel } from './views.js';
import { GROUP_LABELS, NATION_LABELS } from './profiles.js';
import type { RecordRow } from './reports.js';

const DATE_TIME = 'd mmm yyyy hh:mm';

/** An instant as Excel shows it: the server's local wall-clock time (Excel dates have no zone). */
function excelDate(iso: string | null): Cell {
  if (!iso) return null;
  const d = new Date(iso);
  const wall = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()));
  return { value: wall, type: Date, format: DATE_TIME };
}

const text = (value: string): Cell => ({ value, type: String });
const number = (value: number | null, format?: string): Cell =>
  value === null ? null : { value, type: Number, ...(format ? { format } : {}) };

/** The records' columns, in the CSV and the workbook alike; only the time's unit differs. */
export const recordHeader = (time: string): string[] => [
  'Name',
  'Email or staff number',
  'Staff group',
  'Module',
  'Module ID',
  'Status',
  'Score (%)',
  'Attempts',
  'First access',
  'Last access',
  'Finished',
  time,
  'Result check',
  'Nation (chosen in the module)',
  'Profession (chosen in the module)',
];
const HEADER = recordHeader('Total time (hours)');

export function recordsSheet(rows: readonly RecordRow[]): SheetData {
  return [
    HEADER.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
    ...rows.map((r): Cell[] => [
      text(r.name),
      text(r.login),
      text(r.staffGroup),
      text(r.moduleTitle),
      text(r.moduleId),
      text(statusLabel(r.status)),
      number(r.score),
      number(r.attempts),
      excelDate(r.firstAccess),
      excelDate(r.lastAccess),
      excelDate(r.completedAt),
      r.attempts ? number(Math.round((r.totalSeconds / 3600) * 100) / 100, '0.00') : null,
      r.check ? text(r.check) : null,
      r.profile ? text(NATION_LABELS[r.profile.nation]) : null,
      r.profile ? text(GROUP_LABELS[r.profile.group]) : null,
    ]),
  ];
}

/** The workbook's bytes. */
export function recordsWorkbook(rows: readonly RecordRow[]): Promise<Buffer> {
  return writeXlsxFile(recordsSheet(rows), {
    sheet: 'Records',
    columns: [24, 30, 22, 30, 16, 12, 10, 9, 18, 18, 18, 12, 40, 18, 26].map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
