// The /reports pages over a report directory written by the test in the documented layout.
import { assert, assertEquals } from "./assert.ts";
import { createApp } from "../lib/ui/app.ts";

const root = await Deno.makeTempDir({ prefix: "stackrl-ui-reports-" });
const reports = `${root}/reports`;
const id = "20260101-000000";
// one report folder for the module's tests, removed after the last one whatever its outcome
Deno.test.beforeAll(writeReports);
Deno.test.afterAll(() => Deno.remove(root, { recursive: true }));

async function writeReports(): Promise<void> {
  await Deno.mkdir(`${reports}/${id}/directions`, { recursive: true });
  await Deno.mkdir(`${reports}/half.tmp-1234`, { recursive: true }); // a half-written report
  await Deno.writeTextFile(`${reports}/${id}/report.md`, "# Reproduction report 20260101-000000\n");
  await Deno.writeTextFile(
    `${reports}/${id}/report.html`,
    "<html><body><h1>the report</h1></body></html>",
  );
  await Deno.writeTextFile(
    `${reports}/${id}/report.json`,
    JSON.stringify({
      id,
      budget: "smoke",
      sections: ["toy", "directions"],
      command: "deno task reproduce --budget smoke",
      createdAt: "2026-01-01T00:00:00Z",
      wallSeconds: 41.2,
      commit: "abc",
      verdicts: [{ section: "toy", claim: "DDPG cycles", verdict: "holds" }],
    }),
  );
  await Deno.writeTextFile(
    `${reports}/${id}/directions/directions.csv`,
    "task,cosine\nHopper,0.5\n",
  );
  await Deno.writeTextFile(
    `${reports}/${id}/directions/fig.svg`,
    '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0L1 1"/></svg>',
  );
}
const app = createApp({ runsDir: `${root}/runs`, reportsDir: reports });
const get = async (path: string) => {
  const res = await app.request(path);
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: await res.text(),
  };
};

Deno.test("ui reports: the list shows each complete report with its budget and verdicts", async () => {
  const page = await get("/reports");
  assertEquals(page.status, 200);
  assert(page.body.includes(`href="/reports/${id}"`) && page.body.includes("1 holds"), page.body);
  assert(!page.body.includes("half.tmp"), "half-written reports are not listed");
});

Deno.test("ui reports: a report page frames its HTML and links its figures and tables", async () => {
  const page = await get(`/reports/${id}`);
  assertEquals(page.status, 200);
  assert(page.body.includes(`src="/reports/${id}/html"`), "frames report.html");
  assert(page.body.includes("deno task reproduce --budget smoke"), "shows the command");
  assert(
    page.body.includes("directions/directions.csv") && page.body.includes("directions/fig.svg"),
  );
  const html = await get(`/reports/${id}/html`);
  assertEquals([html.status, html.type, html.body.includes("the report")], [
    200,
    "text/html; charset=utf-8",
    true,
  ]);
  const svg = await get(`/reports/${id}/file?path=${encodeURIComponent("directions/fig.svg")}`);
  assertEquals([svg.status, svg.type], [200, "image/svg+xml; charset=utf-8"]);
  const csv = await get(`/reports/${id}/file?path=directions/directions.csv`);
  assertEquals([csv.status, csv.body], [200, "task,cosine\nHopper,0.5\n"]);
});

Deno.test("ui reports: bad ids, escapes and missing reports are 400 or 404", async () => {
  assertEquals((await get("/reports/no-such-report")).status, 404);
  assertEquals((await get("/reports/half.tmp-1234")).status, 400);
  assertEquals((await get(`/reports/${id}/file?path=../../etc/passwd`)).status, 400);
  assertEquals((await get(`/reports/${id}/file?path=report.json`)).status, 404);
});
