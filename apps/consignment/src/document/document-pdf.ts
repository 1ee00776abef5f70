import { pdfFile, pdfTable, signatureBlocks, type Pdf } from '@titipan/platform';
import QRCode from 'qrcode';
import type { Party, PrintedDocument } from './domain/printed-document';

const MARGIN = 36;
const QR_SIZE = 84;

/**
 * Draws a printed document on A4 portrait: the QR code in the top right corner, the title and number, the facts,
 * both parties side by side, the lines, the notes and the signature blocks. What goes where is the domain's
 * (domain/printed-document.ts); this only draws it.
 */
export async function documentPdf(doc: PrintedDocument): Promise<Buffer> {
  const qr = await QRCode.toBuffer(doc.qrUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 360 });
  return pdfFile(
    { margin: MARGIN, info: { Title: `${doc.title} ${doc.number}`, Author: 'Titipan', Subject: doc.qrUrl }, lang: 'id-ID' },
    (pdf) => {
      const right = pdf.page.width - MARGIN;
      const beside = right - QR_SIZE - 12 - MARGIN; // the width left of the QR code
      pdf.image(qr, right - QR_SIZE, MARGIN, { width: QR_SIZE, height: QR_SIZE });
      pdf
        .font('Helvetica')
        .fontSize(6)
        .fillColor('#444444')
        .text('Pindai untuk membuka dokumen ini di konsol Titipan', right - QR_SIZE, MARGIN + QR_SIZE + 2, {
          width: QR_SIZE,
          align: 'center',
        })
        .fillColor('#000000');
      const qrBottom = pdf.y;

      pdf
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#444444')
        .text('Titipan - konsinyasi produk karya WBP', MARGIN, MARGIN, { width: beside });
      pdf.fillColor('#000000').moveDown(1.2);
      pdf.font('Helvetica-Bold').fontSize(15).text(doc.title, MARGIN, pdf.y, { width: beside });
      pdf.font('Helvetica').fontSize(10).text(`Nomor: ${doc.number}`, { width: beside });
      pdf.moveDown(0.6);
      pdf.fontSize(9);
      for (const [label, value] of doc.facts) {
        const y = pdf.y;
        pdf.font('Helvetica-Bold').text(label, MARGIN, y, { width: 80 });
        pdf.font('Helvetica').text(`: ${value}`, MARGIN + 80, y, { width: beside - 80 });
      }
      pdf.y = Math.max(pdf.y, qrBottom) + 12;

      parties(pdf, doc.parties);
      pdf.moveDown(1);
      pdfTable(pdf, doc.columns, doc.rows, 8);
      pdf.moveDown(1).font('Helvetica').fontSize(8);
      for (const note of doc.notes) pdf.text(note, MARGIN, pdf.y, { width: right - MARGIN });
      pdf.moveDown(2);
      signatureBlocks(pdf, doc.signatures, 9);
      pdf.moveDown(2).font('Helvetica').fontSize(7).fillColor('#444444');
      pdf.text(`Dokumen ini di konsol: ${doc.qrUrl}`, MARGIN, pdf.y, { width: right - MARGIN }).fillColor('#000000');
    },
  );
}

/** Both parties side by side, each in a box: the heading, the name, the code and the lines that place it. */
function parties(pdf: Pdf, list: PrintedDocument['parties']): void {
  const width = (pdf.page.width - 2 * MARGIN - 12 * (list.length - 1)) / list.length;
  const top = pdf.y;
  const text = (p: Party) => [`Kode: ${p.code}`, ...p.details].join('\n');
  const heights = list.map(({ heading, party }) => {
    pdf.font('Helvetica-Bold').fontSize(8);
    let h = pdf.heightOfString(heading, { width: width - 12 });
    pdf.fontSize(10);
    h += pdf.heightOfString(party.name, { width: width - 12 });
    pdf.font('Helvetica').fontSize(8);
    return h + pdf.heightOfString(text(party), { width: width - 12 });
  });
  const height = Math.max(...heights) + 14;
  list.forEach(({ heading, party }, i) => {
    const x = MARGIN + i * (width + 12);
    pdf.rect(x, top, width, height).lineWidth(0.5).strokeColor('#999999').stroke().strokeColor('#000000');
    pdf
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor('#444444')
      .text(heading.toUpperCase(), x + 6, top + 6, { width: width - 12 });
    pdf
      .fillColor('#000000')
      .fontSize(10)
      .text(party.name, x + 6, pdf.y, { width: width - 12 });
    pdf
      .font('Helvetica')
      .fontSize(8)
      .text(text(party), x + 6, pdf.y, { width: width - 12 });
  });
  pdf.x = MARGIN;
  pdf.y = top + height;
}
