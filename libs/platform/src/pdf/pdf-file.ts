import PDFDocument from 'pdfkit';

/**
 * The pieces every printed document of the services shares (reporting's statement, consignment's surat jalan,
 * BAST, return note, stock count record and label sheets): a PDF drawn into one buffer, a table whose rows never
 * split across pages, and the signature blocks side by side. pdfkit's standard fonts (Helvetica) write WinAnsi,
 * which covers Bahasa Indonesia; text outside it would print wrongly, so documents keep to it.
 */
export type Pdf = PDFKit.PDFDocument;

/** A PDF drawn by `draw`, collected into one buffer. */
export async function pdfFile(options: PDFKit.PDFDocumentOptions, draw: (pdf: Pdf) => void | Promise<void>): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  await draw(pdf);
  pdf.end();
  return done;
}

export interface PdfColumn {
  label: string;
  /** Width in points, the cell's padding included. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface PdfRow {
  cells: string[];
  bold?: boolean;
}

const CELL_PADDING = 4;
const ROW_GAP = 3;

/** The height a row takes: its tallest cell (a long name wraps onto more lines). */
function rowHeight(pdf: Pdf, columns: readonly PdfColumn[], cells: readonly string[], bold: boolean, fontSize: number): number {
  pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
  return Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: columns[i].width - CELL_PADDING })));
}

function drawRow(pdf: Pdf, columns: readonly PdfColumn[], cells: readonly string[], bold: boolean, fontSize: number, rule: boolean): void {
  const y = pdf.y;
  const left = pdf.page.margins.left;
  const height = rowHeight(pdf, columns, cells, bold, fontSize);
  let x = left;
  cells.forEach((cell, i) => {
    pdf.text(cell, x, y, { width: columns[i].width - CELL_PADDING, align: columns[i].align ?? 'left', lineBreak: true });
    x += columns[i].width;
  });
  const bottom = y + height + ROW_GAP / 2;
  if (rule) {
    pdf
      .moveTo(left, bottom)
      .lineTo(x - CELL_PADDING, bottom)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .strokeColor('#000000');
  }
  pdf.x = left;
  pdf.y = bottom + ROW_GAP / 2;
}

/**
 * A table from the left margin: a bold header, then the rows, each starting below the tallest cell of the one
 * before. A row that would not fit on the page starts a new one, with the header again.
 */
export function pdfTable(pdf: Pdf, columns: readonly PdfColumn[], rows: readonly PdfRow[], fontSize = 8): void {
  const header = columns.map((c) => c.label);
  const fits = (height: number) => pdf.y + height <= pdf.page.height - pdf.page.margins.bottom;
  drawRow(pdf, columns, header, true, fontSize, true);
  for (const row of rows) {
    if (!fits(rowHeight(pdf, columns, row.cells, row.bold ?? false, fontSize) + ROW_GAP)) {
      pdf.addPage();
      drawRow(pdf, columns, header, true, fontSize, true);
    }
    drawRow(pdf, columns, row.cells, row.bold ?? false, fontSize, false);
  }
  pdf.x = pdf.page.margins.left;
}

export interface SignatureBlock {
  /** Who signs, e.g. `Yang menyerahkan` or `For the UPT`. */
  heading: string;
  /** The party signing for, e.g. the UPT's name. */
  party: string;
  /** Lines under the space for the signature: `Nama: ____`, `NIP: ____`. */
  lines: string[];
}

/** The space to sign in, in points: three lines of 10 pt text. */
const SIGNATURE_SPACE = 42;

/**
 * Signature blocks side by side across the page's width, kept together (a new page when they would not fit):
 * each a heading, the party, room to sign and the lines below it.
 */
export function signatureBlocks(pdf: Pdf, blocks: readonly SignatureBlock[], fontSize = 10): void {
  const left = pdf.page.margins.left;
  const width = (pdf.page.width - left - pdf.page.margins.right) / blocks.length;
  pdf.fontSize(fontSize);
  const heights = blocks.map((b) => {
    pdf.font('Helvetica-Bold');
    const head = pdf.heightOfString(b.heading, { width: width - 12 });
    pdf.font('Helvetica');
    return head + pdf.heightOfString(b.party, { width: width - 12 }) + SIGNATURE_SPACE + b.lines.length * pdf.currentLineHeight(true) * 1.4;
  });
  if (pdf.y + Math.max(...heights) > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const top = pdf.y;
  // headings and parties first; the room to sign and the lines below start at one height across the blocks
  let below = top;
  blocks.forEach((b, i) => {
    const x = left + i * width;
    pdf.font('Helvetica-Bold').text(b.heading, x, top, { width: width - 12 });
    pdf.font('Helvetica').text(b.party, x, pdf.y, { width: width - 12 });
    below = Math.max(below, pdf.y);
  });
  let bottom = below;
  blocks.forEach((b, i) => {
    const x = left + i * width;
    pdf.y = below + SIGNATURE_SPACE;
    for (const line of b.lines) pdf.text(line, x, pdf.y, { width: width - 12, lineGap: pdf.currentLineHeight(true) * 0.4 });
    bottom = Math.max(bottom, pdf.y);
  });
  pdf.x = left;
  pdf.y = bottom;
}
