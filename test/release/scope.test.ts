import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { freeRefs, type AnyNode } from "../../src/release/slice/scope.ts";

/** Free names of the first top-level statement (or of its first declarator). */
function free(code: string): string[] {
  const program = parse(code, { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
  const first = program.body[0];
  const node = first.type === "VariableDeclaration" ? first.declarations[0] : first;
  return [...new Set(freeRefs(node).map((r) => r.name))].sort();
}

describe("lexical scope walk", () => {
  it("binds parameters, including destructured and defaulted ones", () => {
    expect(free("function f(a, { b, c: [d] }, e = g, ...rest) { return a + b + d + e + rest + h; }")).toEqual(["g", "h"]);
  });

  it("sees parameter defaults before body declarations", () => {
    expect(free("function f(a = b) { var b = 1; return a + b; }")).toEqual(["b"]);
  });

  it("hoists var and function declarations to the function", () => {
    expect(free("function f() { g(); if (x) { var v = 1; } return v; function g() {} }")).toEqual(["x"]);
  });

  it("keeps let/const/class inside their block", () => {
    expect(free("function f() { { const a = 1; class K {} } return a + K; }")).toEqual(["K", "a"]);
  });

  it("scopes catch parameters and for-heads", () => {
    expect(free("function f(xs) { try { g(); } catch ({ message }) { return message; } for (const x of xs) x; for (let i = 0; i < 3; i++) i; return x + i; }")).toEqual(["g", "i", "x"]);
  });

  it("names a function expression only inside itself", () => {
    expect(free("const f = function self() { return self + other; };")).toEqual(["other"]);
  });

  it("lets classes see their own name but not members as variables", () => {
    expect(free("class A extends B { static x = A; m() { return this.y + z; } [k]() {} }")).toEqual(["B", "k", "z"]);
  });

  it("ignores property keys, member names and labels, but not shorthand values", () => {
    expect(free("function f() { out: for (;;) break out; return { a: 1, b, [c]: 2, d: e.f }; }")).toEqual(["b", "c", "e"]);
  });

  it("flags shorthand references so a rename can expand them", () => {
    const program = parse("const o = { limit, other: limit };", { ecmaVersion: "latest", sourceType: "module" }) as unknown as AnyNode;
    const refs = freeRefs(program.body[0].declarations[0]);
    expect(refs.map((r) => r.shorthand)).toEqual([true, false]);
  });

  it("treats assignment patterns as references", () => {
    expect(free("function f() { ({ a, b: c } = obj); [d] = arr; }")).toEqual(["a", "arr", "c", "d", "obj"]);
  });

  it("handles switch blocks and arrow bodies", () => {
    expect(free("const f = (x) => { switch (x) { case 1: let y = 2; return y; default: return z; } };")).toEqual(["z"]);
  });
});
