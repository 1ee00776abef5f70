import { documentPdfPath, filenameOf, labelsPdfPath, refusalKey } from './document-source';

describe('printed documents in the console', () => {
  it("asks consignment, through the console's backend, for each kind's PDF", () => {
    expect(documentPdfPath('surat-jalan', 'd-1')).toBe('/api/consignment/dispatches/d-1/surat-jalan');
    expect(documentPdfPath('bast', 'd-1')).toBe('/api/consignment/dispatches/d-1/bast');
    expect(documentPdfPath('retur', 'r/1')).toBe('/api/consignment/returns/r%2F1/note');
    expect(documentPdfPath('stok-opname', 's-1')).toBe('/api/consignment/stock-counts/s-1/record');
    expect(labelsPdfPath('d-1')).toBe('/api/consignment/dispatches/d-1/labels');
  });

  it('offers the file under the name consignment gave it', () => {
    expect(filenameOf('inline; filename="SJ-LP-TGR-1-2026-0001.pdf"', 'surat-jalan', 'd-1')).toBe('SJ-LP-TGR-1-2026-0001.pdf');
    expect(filenameOf(null, 'bast', 'd-1')).toBe('bast-d-1.pdf');
  });

  it('tells a refusal by its code and status', () => {
    expect(refusalKey(409, 'DISPATCH_NOT_RECEIVED')).toBe('documents.notReceived');
    expect(refusalKey(403, 'OUT_OF_SCOPE')).toBe('documents.forbidden');
    expect(refusalKey(404, 'RETURN_NOT_FOUND')).toBe('documents.notFound');
    expect(refusalKey(503, 'SERVICE_UNAVAILABLE')).toBe('documents.failed');
  });
});
