import PDFDocument from 'pdfkit';
import fs from 'node:fs';
import { reportFonts, useReportFonts } from './src/report/fonts.ts';
const text = fs.readFileSync('/tmp/pdfexp/typ.txt', 'utf8').split('\n').filter(Boolean);
function render(opts: { tagged: boolean; measure: boolean }) {
  return new Promise<number>((resolve) => {
    const t0 = performance.now();
    const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, tagged: opts.tagged, pdfVersion: '1.4', info: { CreationDate: new Date(0) } });
    useReportFonts(doc);
    doc.on('data', () => {});
    doc.on('end', () => resolve(performance.now() - t0));
    doc.fontSize(9.5);
    const root = doc.struct('Document'); if (opts.tagged) doc.addStructure(root);
    for (const line of text) {
      if (opts.measure) doc.heightOfString(line, { width: 480 });
      if (opts.tagged) root.add(doc.struct('P', () => doc.text(line, { width: 480 })));
      else doc.text(line, { width: 480 });
    }
    root.end();
    doc.end();
  });
}
for (const o of [{ tagged: false, measure: false }, { tagged: true, measure: false }, { tagged: true, measure: true }]) {
  const ts: number[] = [];
  for (let i = 0; i < 15; i++) ts.push(await render(o));
  ts.sort((a, b) => a - b);
  console.log(JSON.stringify(o), 'median', ts[7]!.toFixed(1));
}
