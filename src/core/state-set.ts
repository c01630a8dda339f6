/**
 * The runner's exact cycle check (runner.ts): the end-of-epoch weight states a run has been in.
 */

/**
 * End-of-epoch weight states, exactly: found by a hash of their Float64 bits, a hit confirmed by
 * comparing every weight (=== : −0 and 0 are one state). States are kept in one flat buffer and
 * found through an open-addressing table of typed arrays, so a long run costs no string and no
 * object per epoch (float-to-string was most of a sweep's time).
 */
export class StateSet {
  private store: Float64Array;
  private epochs: Float64Array;
  private hashes: Int32Array;
  private count = 0;
  /** Open addressing: slot → state index + 1 (0 = empty); the length is a power of two, at most half full. */
  private slots: Int32Array;

  /** States the buffers hold room for (the store may be longer: a buffer reused from a set of another size). */
  private capacity: number;

  /**
   * The buffers of the last set released (a sweep builds one set per seed, one after another): a
   * new set starts in them instead of allocating and growing its own again. Stale contents are
   * never read (only the first `count` states are, through fresh slots). Small buffers only.
   */
  private static spare: { store: Float64Array; epochs: Float64Array; hashes: Int32Array; slots: Int32Array } | null = null;
  private static readonly SPARE_MAX = 1 << 20;

  constructor(private readonly dim: number) {
    const spare = StateSet.spare;
    if (spare && spare.store.length >= dim * 64) {
      StateSet.spare = null;
      this.store = spare.store;
      this.epochs = spare.epochs;
      this.hashes = spare.hashes;
      // emptied: a larger table than a new set's is as good (the length stays a power of two)
      this.slots = spare.slots.fill(0);
    } else {
      this.store = new Float64Array(dim * 64);
      this.epochs = new Float64Array(64);
      this.hashes = new Int32Array(64);
      this.slots = new Int32Array(128);
    }
    this.capacity = dim === 0 ? this.epochs.length : Math.min(this.epochs.length, Math.floor(this.store.length / dim));
  }

  /** Hands the buffers to the next set built; this set is left empty (its owner no longer looks states up). */
  release(): void {
    if (this.store.length <= StateSet.SPARE_MAX && (StateSet.spare === null || StateSet.spare.store.length < this.store.length)) {
      StateSet.spare = { store: this.store, epochs: this.epochs, hashes: this.hashes, slots: this.slots };
    }
    this.store = new Float64Array(0);
    this.epochs = new Float64Array(0);
    this.hashes = new Int32Array(0);
    this.capacity = 0;
    this.count = 0;
    this.slots = new Int32Array(1);
  }

  get size(): number {
    return this.count;
  }

  private static lastWeights: Float64Array | null = null;
  private static lastWords: Uint32Array | null = null;

  /** The bits of w as 32-bit words: a view of a Float64Array (kept for the next call: a model hands the same array every epoch). */
  static words(w: ArrayLike<number>): Uint32Array {
    if (!(w instanceof Float64Array)) return new Uint32Array(Float64Array.from(w).buffer);
    // the same array object has the same buffer; the length check covers a buffer transferred away
    if (w !== StateSet.lastWeights || StateSet.lastWords!.length !== 2 * w.length) {
      StateSet.lastWeights = w;
      StateSet.lastWords = new Uint32Array(w.buffer, w.byteOffset, 2 * w.length);
    }
    return StateSet.lastWords!;
  }

  /** The hash's starting values (FNV-1a's offset basis, and three others for the other lanes). */
  static readonly SEEDS = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35] as const;
  /** Weights from which the hash runs four lanes (below, one chain: a sweep's small nets hash in the bound check's pass). */
  static readonly LANES_FROM = 16;

  /** One weight's step of a lane of the hash: its Float64 bits as words lo, hi. */
  static mix(h: number, lo: number, hi: number): number {
    if (lo === 0 && hi === 0x80000000) hi = 0; // −0 → 0
    return Math.imul(Math.imul(h ^ lo, 0x01000193) ^ hi, 0x01000193);
  }

  /** The hash from its running value (one chain) after every weight was mixed in. */
  static finish(h: number): number {
    return h & 0x3fffffff;
  }

  /**
   * FNV-1a over the 32-bit words of each weight's Float64 bits (−0 counted as 0). From LANES_FROM
   * weights on, in four lanes (weight j feeds lane j mod 4, so four multiplication chains run side
   * by side instead of one four times as long), then the lanes folded into one.
   */
  static hash(w: ArrayLike<number>): number {
    const words = StateSet.words(w);
    const n = words.length >> 1;
    let [a, b, c, d] = StateSet.SEEDS as readonly number[] as [number, number, number, number];
    let j = 0;
    if (n >= StateSet.LANES_FROM) {
      for (; j + 3 < n; j += 4) {
        a = StateSet.mix(a, words[2 * j]!, words[2 * j + 1]!);
        b = StateSet.mix(b, words[2 * j + 2]!, words[2 * j + 3]!);
        c = StateSet.mix(c, words[2 * j + 4]!, words[2 * j + 5]!);
        d = StateSet.mix(d, words[2 * j + 6]!, words[2 * j + 7]!);
      }
    }
    for (; j < n; j++) a = StateSet.mix(a, words[2 * j]!, words[2 * j + 1]!);
    return StateSet.finish(n >= StateSet.LANES_FROM ? StateSet.mix(StateSet.mix(a, b, c), d, n) : a);
  }

  private equal(i: number, w: ArrayLike<number>): boolean {
    const at = i * this.dim;
    for (let j = 0; j < this.dim; j++) if (this.store[at + j] !== w[j]) return false;
    return true;
  }

  /** The epoch stored with a state equal to w, if any; `hash` is StateSet.hash(w). */
  find(w: ArrayLike<number>, hash: number): number | undefined {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s]!;
      if (k === 0) return undefined;
      if (this.hashes[k - 1] === hash && this.equal(k - 1, w)) return this.epochs[k - 1];
    }
  }

  /** Stores w (not already in the set) with its epoch. */
  add(w: ArrayLike<number>, hash: number, epoch: number): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
    if (w instanceof Float64Array) this.store.set(w, i * this.dim);
    else for (let j = 0; j < this.dim; j++) this.store[i * this.dim + j] = w[j]!;
    this.epochs[i] = epoch;
    this.hashes[i] = hash;
    this.count++;
    if (2 * this.count > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(i);
  }

  private place(i: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[i]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = i + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let i = 0; i < this.count; i++) this.place(i);
  }

  private grow(): void {
    const n = Math.max(64, this.capacity * 2);
    const store = new Float64Array(n * this.dim);
    store.set(this.store.subarray(0, this.count * this.dim));
    this.store = store;
    const epochs = new Float64Array(n);
    epochs.set(this.epochs.subarray(0, this.count));
    this.epochs = epochs;
    const hashes = new Int32Array(n);
    hashes.set(this.hashes.subarray(0, this.count));
    this.hashes = hashes;
    this.capacity = n;
  }
}
