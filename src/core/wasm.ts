/**
 * A minimal WebAssembly binary writer: just the instructions the generated kernels use
 * (tanh-simd.ts), so no compiler or dependency is needed. One function per builder; a module
 * holds the functions, one page of memory, and exports both.
 */

/** Value types and the empty block type. */
export const TYPE = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b, void: 0x40 } as const;

/** The scalar opcodes used (one byte each). */
export const OP = {
  block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b,
  i32GeU: 0x4f, i32Add: 0x6a, i32Shl: 0x74,
} as const;

/** The SIMD opcodes used (prefix 0xfd, then the number). */
export const SIMD = {
  load: 0x00, store: 0x0b, i64Splat: 0x12, f64Splat: 0x14,
  f64Eq: 0x47, f64Ne: 0x48, f64Lt: 0x49, f64Gt: 0x4a, f64Le: 0x4b, f64Ge: 0x4c,
  not: 0x4d, and: 0x4e, andnot: 0x4f, or: 0x50, xor: 0x51, bitselect: 0x52, f64Trunc: 0x7a,
  i64Shl: 0xcb, i64Add: 0xce, i64Sub: 0xd1,
  f64Abs: 0xec, f64Neg: 0xed, f64Add: 0xf0, f64Sub: 0xf1, f64Mul: 0xf2, f64Div: 0xf3, f64Min: 0xf4,
} as const;

function uleb(n: number, out: number[]): number[] {
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(value: number | bigint, out: number[]): number[] {
  let n = BigInt(value);
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const name = (s: string): number[] => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length, []), ...bytes];
};
const vector = (items: readonly number[][]): number[] => [...uleb(items.length, []), ...items.flat()];

/** One function's signature, locals and code, written instruction by instruction. */
export class FunctionBuilder {
  readonly code: number[] = [];
  private readonly locals: number[] = [];

  constructor(readonly name: string, readonly params: readonly number[], readonly results: readonly number[]) {}

  /** A new local of this type; returns its index. */
  local(type: number): number {
    this.locals.push(type);
    return this.params.length + this.locals.length - 1;
  }

  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }

  /** An opcode and its one integer immediate (unsigned for an index, signed for a constant). */
  private immediate(opcode: number, value: number, signed: boolean): this {
    this.code.push(opcode);
    if (signed) sleb(value, this.code);
    else uleb(value, this.code);
    return this;
  }

  get(index: number): this {
    return this.immediate(0x20, index, false);
  }

  set(index: number): this {
    return this.immediate(0x21, index, false);
  }

  i32(value: number): this {
    return this.immediate(0x41, value, true);
  }

  i64(value: number): this {
    return this.immediate(0x42, value, true);
  }

  f64(value: number): this {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    this.code.push(0x44, ...bytes);
    return this;
  }

  /** A SIMD instruction with its immediates (a memory access: alignment 2^4, then the offset). */
  simd(op: number, ...immediates: number[]): this {
    this.code.push(0xfd);
    uleb(op, this.code);
    for (const imm of immediates) uleb(imm, this.code);
    return this;
  }

  /** The body as the code section holds it: size, local declarations (runs of one type), code, end. */
  body(): number[] {
    const runs: [number, number][] = [];
    for (const type of this.locals) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const bytes = [...uleb(runs.length, []), ...runs.flatMap(([count, type]) => [...uleb(count, []), type]), ...this.code, OP.end];
    return [...uleb(bytes.length, []), ...bytes];
  }
}

/** A module of these functions (each exported under its name) with `pages` pages of memory, exported as "memory". */
export function encodeModule(functions: readonly FunctionBuilder[], pages: number): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const section = (id: number, bytes: number[]): void => {
    out.push(id, ...uleb(bytes.length, []), ...bytes);
  };
  section(1, vector(functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))])));
  section(3, vector(functions.map((_, i) => uleb(i, []))));
  section(5, [1, 0x00, ...uleb(pages, [])]);
  section(7, vector([...functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i, [])]), [...name('memory'), 0x02, 0]]));
  section(10, vector(functions.map((f) => f.body())));
  return new Uint8Array(out);
}
