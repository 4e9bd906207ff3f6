import { ElementScanner } from './element-scanner.ts';
import { attributes, elements, runText, usesDate1904 } from './sheet-xml.ts';
import { entryString, entryText, type ZipEntry } from './zip-entries.ts';
import { humanBytes, notXlsx, Refusal, unpacksTooLarge, type XlsxLimits } from './xlsx-limits.ts';

/** Where an import's worksheet and what it needs (shared strings, styles) live inside the archive. */
export type WorkbookParts = { sheet: ZipEntry; sharedStrings?: ZipEntry; styles?: ZipEntry; date1904: boolean };

type Relationship = { id: string; type: string; target: string };

function relationshipsOf(xml: string, base: string): Relationship[] {
  return [...xml.matchAll(elements('Relationship'))].map((m) => {
    const a = attributes(m[1]!);
    const target = a.Target ?? '';
    return { id: a.Id ?? '', type: a.Type ?? '', target: target.startsWith('/') ? target.slice(1) : normalise(base + target) };
  });
}

const normalise = (p: string) => {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s) parts.push(s);
  }
  return parts.join('/');
};

const noSheet = () => new Refusal('invalid_file', 400, {}, 'file_no_sheet');

/**
 * The workbook's parts: the first sheet that is not 说明 (else the first), found through the
 * workbook's relationships as Excel does. Refused when the workbook lists more sheets than allowed.
 */
export async function workbookParts(
  bytes: Buffer,
  entries: ZipEntry[],
  budget: { left: number },
  limits: XlsxLimits,
): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const find = (name: string) => byName.get(name.toLowerCase());
  const tooLarge = () => unpacksTooLarge(limits);
  const text = async (e: ZipEntry | undefined) => (e ? entryString(bytes, e, budget, tooLarge) : '');

  const root = relationshipsOf(await text(find('_rels/.rels')), '');
  const workbookName = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = find(workbookName);
  if (!workbook) throw notXlsx();
  const workbookXml = await text(workbook);
  const sheets: Record<string, string>[] = [];
  for (const m of workbookXml.matchAll(elements('sheet'))) {
    if (sheets.length === limits.sheets) throw new Refusal('import_too_many_sheets', 400, { max: limits.sheets });
    sheets.push(attributes(m[1]!));
  }

  const dir = workbookName.slice(0, workbookName.lastIndexOf('/') + 1);
  const rels = relationshipsOf(await text(find(`${dir}_rels/${workbookName.slice(dir.length)}.rels`)), dir);
  const chosen = sheets.find((s) => s.name !== '说明') ?? sheets[0];
  const target = chosen && rels.find((r) => r.id === chosen.id)?.target;
  const sheet = target ? find(target) : undefined;
  if (!sheet) throw noSheet();
  const part = (type: string, fallback: string) => find(rels.find((r) => r.type.endsWith(type))?.target ?? `${dir}${fallback}`);
  return {
    sheet,
    sharedStrings: part('/sharedStrings', 'sharedStrings.xml'),
    styles: part('/styles', 'styles.xml'),
    date1904: usesDate1904(workbookXml),
  };
}

/** Excel's limit on one cell is 32767 characters; one string item far beyond that is no spreadsheet. */
const MAX_STRING_ITEM = 4 * 1024 * 1024;

/** Every text of the workbook (共享字符串) by index, refused past its own size limit. */
export async function sharedStrings(bytes: Buffer, e: ZipEntry, budget: { left: number }, limits: XlsxLimits): Promise<string[]> {
  const tooLarge = () => new Refusal('import_strings_too_large', 413, { limit: humanBytes(limits.sharedStringsBytes) });
  if (e.size > limits.sharedStringsBytes) throw tooLarge();
  const scan = new ElementScanner('si', MAX_STRING_ITEM, tooLarge);
  const out: string[] = [];
  for await (const chunk of entryText(bytes, e, budget, () => unpacksTooLarge(limits))) {
    scan.push(chunk);
    for (let el = scan.next(); el; el = scan.next()) if (el !== 'stop') out.push(runText(el.content));
  }
  return out;
}
