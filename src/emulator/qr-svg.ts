// A real, scannable QR code for the qrconnect page, drawn as inline SVG with the encoder bundled in
// qrcode-terminal (Kazuhiko Arase's QRCode for JavaScript, MIT). CommonJS, so loaded via require.
import { createRequire } from 'node:module';

interface QRCodeInstance {
  addData(data: string): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

type QRCodeConstructor = new (typeNumber: number, errorCorrectLevel: number) => QRCodeInstance;

const require = createRequire(import.meta.url);
let encoder: { QRCode: QRCodeConstructor; levels: { L: number; M: number; Q: number; H: number } } | undefined;

function load() {
  encoder ??= {
    QRCode: require('qrcode-terminal/vendor/QRCode/index.js') as QRCodeConstructor,
    levels: require('qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel.js') as { L: number; M: number; Q: number; H: number },
  };
  return encoder;
}

/** The module matrix (true = dark) for `text`, error correction level M. */
export function qrModules(text: string): boolean[][] {
  const { QRCode, levels } = load();
  const qr = new QRCode(-1, levels.M);
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const rows: boolean[][] = [];
  for (let r = 0; r < n; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < n; c++) row.push(qr.isDark(r, c));
    rows.push(row);
  }
  return rows;
}

/** An SVG document (no XML prolog) with a 4-module quiet zone; one path, one run per dark stretch. */
export function qrSvg(text: string, sizePx = 220, className = 'qrcode lightBorder'): string {
  const modules = qrModules(text);
  const n = modules.length;
  const total = n + 8;
  let d = '';
  modules.forEach((row, r) => {
    let c = 0;
    while (c < n) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && row[c]) c++;
      d += `M${start + 4} ${r + 4}h${c - start}v1h${start - c}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" width="${sizePx}" height="${sizePx}" viewBox="0 0 ${total} ${total}" shape-rendering="crispEdges" role="img" aria-label="QR code">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
