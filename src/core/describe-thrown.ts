/**
 * Any thrown value as one line, whatever it is: an Error, a string, null, a null-prototype object,
 * an object whose getters throw, a Proxy whose every trap throws. Nothing here may throw.
 */
export function describeThrown(e: unknown): string {
  try {
    if (e === null || e === undefined || typeof e !== 'object') {
      return typeof e === 'symbol' ? (e.description ?? 'a symbol') : String(e).split('\n')[0]!;
    }
  } catch {
    return 'a value that cannot be shown';
  }
  let name: unknown;
  let message: unknown;
  try {
    name = (e as { name?: unknown }).name;
    message = (e as { message?: unknown }).message;
  } catch {
    return 'an object whose properties throw when read';
  }
  if (typeof message === 'string') {
    const first = message.split('\n')[0]!;
    return typeof name === 'string' && name ? `${name}: ${first}` : first;
  }
  try {
    const text = String(e);
    return text.split('\n')[0]!;
  } catch {
    try {
      return `${Object.prototype.toString.call(e)} (no message)`;
    } catch {
      return 'a value that cannot be shown';
    }
  }
}
