/** Data a scenario asks for that cannot be built (e.g. three classes with ±1 targets): one readable line. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
