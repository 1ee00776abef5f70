import { csvFile, neutralise } from './csv-file';

const BOM = '\uFEFF';

describe('the CSV writer of every export', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['=1+1', "'=1+1"],
    ['+62 812', "'+62 812"],
    ['-5 kg', "'-5 kg"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Keripik =1+1', 'Keripik =1+1'],
    ['Makaroni', 'Makaroni'],
  ])('neutralises %p as %p', (text, written) => expect(neutralise(text)).toBe(written));

  it('writes UTF-8 with a BOM, quotes neutralised and delimiter-bearing cells, and leaves numbers (negative too) as numbers', () => {
    const file = csvFile([
      ['product', 'adjustedValue', 'sellThrough'],
      ['=1+1', -15_000, 0.3448],
      ['Kopi, "Toraja"', 0, null],
    ]);
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.toString('utf8')).toBe(`${BOM}product,adjustedValue,sellThrough\n"'=1+1",-15000,0.3448\n"Kopi, ""Toraja""",0,\n`);
  });

  it('with delimiter=semicolon writes what Excel set to Indonesian reads: ";" between cells and a decimal comma', () => {
    const file = csvFile(
      [
        ['key', 'sellThrough', 'proceeds'],
        ['LPP-TGR; cabang', 0.3448, 123_300],
      ],
      'semicolon',
    );
    expect(file.toString('utf8')).toBe(`${BOM}key;sellThrough;proceeds\n"LPP-TGR; cabang";0,3448;123300\n`);
  });
});
