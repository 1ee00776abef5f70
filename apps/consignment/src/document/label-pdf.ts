import { pdfFile } from '@titipan/platform';
import bwipjs from 'bwip-js';
import { labelBox, type ProductLabel } from './domain/label-sheet';

const PADDING = 8;

/** A Code 128 barcode of a SKU, as a PNG with the SKU printed under the bars. */
function barcode(sku: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text: sku, scale: 3, height: 12, includetext: true, textxalign: 'center', textsize: 9 });
}

/**
 * A sheet of labels (domain/label-sheet.ts places them): each with the product's name, its price and the SKU as
 * Code 128, framed by a light line to cut along on plain paper. One barcode image per SKU, however many labels
 * carry it, so the file stays small.
 */
export async function labelsPdf(title: string, labels: readonly ProductLabel[]): Promise<Buffer> {
  const images = new Map<string, Buffer>();
  for (const { sku } of labels) if (!images.has(sku)) images.set(sku, await barcode(sku));
  return pdfFile({ margin: 0, autoFirstPage: false, info: { Title: title, Author: 'Titipan' }, lang: 'id-ID' }, (pdf) => {
    // pdfkit embeds a buffer anew at each image() call; an image opened once is embedded once (openImage is
    // pdfkit's, missing from @types/pdfkit)
    const open = (pdf as unknown as { openImage(png: Buffer): Buffer }).openImage.bind(pdf);
    const opened = new Map([...images].map(([sku, png]) => [sku, open(png)]));
    labels.forEach((label, i) => {
      const box = labelBox(i);
      if (i === 0 || box.sheet !== labelBox(i - 1).sheet) pdf.addPage({ size: 'A4', margin: 0 });
      const inner = box.width - 2 * PADDING;
      pdf.rect(box.x, box.y, box.width, box.height).lineWidth(0.3).dash(2, { space: 2 }).strokeColor('#bbbbbb').stroke().undash();
      pdf.strokeColor('#000000').fillColor('#000000');
      pdf
        .font('Helvetica-Bold')
        .fontSize(9)
        .text(label.name, box.x + PADDING, box.y + PADDING, { width: inner, height: 22, ellipsis: true });
      pdf
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(label.price, box.x + PADDING, box.y + PADDING + 24, { width: inner, lineBreak: false });
      const top = box.y + PADDING + 42;
      pdf.image(opened.get(label.sku)!, box.x + PADDING, top, { fit: [inner, box.y + box.height - PADDING - top], align: 'center' });
    });
  });
}
