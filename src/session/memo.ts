/**
 * The lab's one memo helper (issue 26): a function remembered on its last arguments, computed again
 * only when one of them differs (Object.is). The views it keeps are functions of immutable values
 * and of versions (a lane's counter), so an argument list says all a result depends on: no key is
 * built by hand. `same` compares the arguments (Object.is unless told: `sameData` for a request
 * the layout builds afresh each frame).
 */
export function memo<A extends readonly unknown[], R>(f: (...args: A) => R, same: (a: unknown, b: unknown) => boolean = Object.is): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((a, k) => same(a, args[k]))) return last.value;
    last = { args, value: f(...args) };
    return last.value;
  };
}

/** Equal plain data (numbers, strings, arrays and objects of them), for arguments built afresh each time. */
export const sameData = (a: unknown, b: unknown): boolean => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
