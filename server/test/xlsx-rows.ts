import ExcelJS from 'exceljs';

/** The rows of a downloaded workbook's first sheet, each keyed by the header row's titles, as the cells show their text. */
export async function firstSheetRows(bytes: Buffer): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const out: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).text ?? '')])));
  });
  return out;
}
