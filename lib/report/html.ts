/**
 * `report.html`: the report's Markdown rendered to one self-contained page (inline CSS, every
 * SVG figure inlined), so it opens offline from any directory. Handles exactly the Markdown the
 * report writes: headings, paragraphs, pipe tables, bullet lists, code fences, images of SVG
 * files, `code`, **bold**, *italic* and links.
 * @module
 */
import { escapeXml } from "./svg.ts";

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1d1d1f;background:#fff}
h1{font-size:1.7em;border-bottom:2px solid #ddd}h2{margin-top:2em;border-bottom:1px solid #eee}
table{border-collapse:collapse;margin:1em 0;font-size:13px;display:block;overflow-x:auto}
th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}th{background:#f4f4f6}
code{background:#f4f4f6;padding:0 3px;border-radius:3px;font-size:90%}
pre{background:#f4f4f6;padding:.8em;overflow-x:auto}
figure{margin:1em 0}.row{display:flex;flex-wrap:wrap;gap:8px}.row figure{flex:1 1 300px;margin:.5em 0}figure svg{max-width:100%;height:auto}
strong{font-weight:600}nav{font-size:13px}nav a{margin-right:1em}
`;

function inline(text: string): string {
  let s = escapeXml(text);
  s = s.replace(/`([^`]+)`/g, (_, c) => `<code>${c}</code>`);
  s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/(^|[\s(|])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  return s;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/** Renders `markdown`; `figures` maps an image path to its SVG text (inlined). */
export function renderHtml(
  markdown: string,
  figures: Map<string, string>,
  title: string,
): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  const toc: string[] = [];
  let i = 0;
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(" "))}</p>`);
    para = [];
  };
  while (i < lines.length) {
    const line = lines[i];
    const heading = line.match(/^(#{1,4}) (.*)$/);
    const images = /^(!\[[^\]]*\]\([^)\s]+\)\s*)+$/.test(line.trim())
      ? [...line.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)]
      : null;
    if (heading) {
      flush();
      const level = heading[1].length;
      const id = `s${out.length}`;
      if (level === 2) toc.push(`<a href="#${id}">${escapeXml(heading[2])}</a>`);
      out.push(`<h${level} id="${id}">${inline(heading[2])}</h${level}>`);
      i++;
    } else if (line.startsWith("```")) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) body.push(lines[i++]);
      i++;
      out.push(`<pre><code>${escapeXml(body.join("\n"))}</code></pre>`);
    } else if (line.trim().startsWith("|")) {
      flush();
      const rows: string[] = [];
      while (i < lines.length && lines[i].trim().startsWith("|")) rows.push(lines[i++]);
      const [head, sep, ...body] = rows;
      const hasHead = sep !== undefined && /^\|?[\s:|-]+\|?$/.test(sep.trim());
      const html = ["<table>"];
      if (hasHead) {
        html.push(
          `<thead><tr>${cells(head).map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead>`,
        );
      }
      html.push("<tbody>");
      for (const r of hasHead ? body : rows) {
        html.push(`<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`);
      }
      html.push("</tbody></table>");
      out.push(html.join(""));
    } else if (/^\s*- /.test(line)) {
      flush();
      const items: string[] = [];
      while (i < lines.length && /^\s*- /.test(lines[i])) {
        items.push(`<li>${inline(lines[i++].replace(/^\s*- /, ""))}</li>`);
      }
      out.push(`<ul>${items.join("")}</ul>`);
    } else if (images) {
      flush();
      const figs = images.map(([, alt, path]) => {
        const svg = figures.get(path);
        return svg
          ? `<figure>${svg.replace(/^<\?xml[^>]*>\s*/, "")}<figcaption>${
            escapeXml(alt)
          }</figcaption></figure>`
          : `<p><em>missing figure ${escapeXml(path)}</em></p>`;
      });
      out.push(figs.length > 1 ? `<div class="row">${figs.join("")}</div>` : figs[0]);
      i++;
    } else if (line.trim() === "") {
      flush();
      i++;
    } else {
      para.push(line.trim());
      i++;
    }
  }
  flush();
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeXml(title)}</title><style>${CSS}</style></head>
<body><nav>${toc.join("")}</nav>
${out.join("\n")}
</body></html>
`;
}
