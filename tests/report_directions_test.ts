// The directions section of the report: every variant measured, numbers in range, and the
// regime facts that follow from the algebra (listing is parallel to ∂J/∂θ; with B < n_w an exact
// Gauss–Newton solve makes the correction as long as ∂J/∂θ).
import { buildDirectionsSection, measureDirections } from "../lib/report/directions_section.ts";
import { assert, assertAlmostEquals, assertEquals } from "./assert.ts";

Deno.test("directions section: InvertedPendulum, every variant, regime facts, CSV", async () => {
  const rows = await measureDirections({ tasks: ["InvertedPendulum"], seeds: 1, denseLimit: 1000 });
  assertEquals(rows.length, 10);
  assertEquals(rows[0].nW, (5 * 16 + 16) + (16 * 16 + 16) + 17);
  for (const r of rows) {
    assert(
      r.cosine.every((c) => c >= -1 - 1e-6 && c <= 1 + 1e-6),
      `${r.variant}: cosine ${r.cosine}`,
    );
    assert(r.ratio.every((x) => Number.isFinite(x) && x >= 0), `${r.variant}: ratio ${r.ratio}`);
  }
  const byLabel = (label: string) => rows.find((r) => r.variant === label)!;
  assertAlmostEquals(byLabel("FS listing (paper's code), o = 1").cosine[0], 1, 1e-5);
  // B = 100 < n_w = 385: the exact damped Gauss–Newton solve nearly cancels ∂J/∂θ
  assertAlmostEquals(byLabel("FS per-sample, exact").ratio[0], 1, 1e-2);
  const section = buildDirectionsSection(rows, { seeds: 1, denseLimit: 1000 });
  assert(
    section.markdown.includes("### InvertedPendulum (n_w = 385, n_θ = 369)"),
    section.markdown,
  );
  assertEquals(section.files[0].content.trim().split("\n").length, 11);
});
